import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** A rule's warning that the user may override, with the button that confirms (the server's `confirmWarnings`). */
export function WarningToConfirm({
  warning,
  confirmLabel,
  onConfirm,
}: {
  warning: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  return (
    <Alert color="orange" title="À vérifier">
      <Stack gap="xs">
        {warning}
        <Group>
          <Button size="xs" color="orange" onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
