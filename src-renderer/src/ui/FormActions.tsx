import { Button, Group } from '@mantine/core';

/** The foot of a form in a modal: cancel on the left of the one action that saves. */
export function FormActions(props: { onCancel: () => void; submitLabel: string; loading?: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        Annuler
      </Button>
      <Button type="submit" loading={props.loading}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}
