import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  /** What will happen, in one sentence the user can act on. */
  message: ReactNode;
  confirmLabel: string;
  /** Red for what cannot be undone (deletion, archiving, a locked month). */
  danger?: boolean;
}

/**
 * Asks before a weighty action. `ask` resolves true once the user confirms,
 * false when they cancel or close; render `modal` once in the component.
 */
export function useConfirm() {
  const [pending, setPending] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);

  const ask = useCallback((options: ConfirmOptions) => {
    resolver.current?.(false);
    setPending(options);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const answer = (confirmed: boolean) => {
    resolver.current?.(confirmed);
    resolver.current = null;
    setPending(null);
  };

  const modal = (
    <Modal opened={pending !== null} onClose={() => answer(false)} title={pending?.title} size="lg" centered>
      <Stack>
        <Text>{pending?.message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(false)}>
            Annuler
          </Button>
          <Button color={pending?.danger ? 'red' : undefined} onClick={() => answer(true)} data-autofocus>
            {pending?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { ask, modal };
}

/** A button that asks first, then runs `onConfirm`. */
export function ConfirmButton(
  props: ButtonProps & { confirm: ConfirmOptions; onConfirm: () => void; children: ReactNode },
) {
  const { confirm, onConfirm, children, ...button } = props;
  const { ask, modal } = useConfirm();
  return (
    <>
      <Button {...button} onClick={() => void ask(confirm).then((yes) => yes && onConfirm())}>
        {children}
      </Button>
      {modal}
    </>
  );
}
