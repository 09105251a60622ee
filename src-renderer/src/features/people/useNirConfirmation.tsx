import { ApiError } from '../../api/client';
import { useConfirm } from '../../ui/confirm';

/**
 * When main answers that the NIR disagrees with the sex or birth date, says
 * which digits and lets the user confirm an exception (provisional number…).
 */
export function useNirConfirmation() {
  const { ask, modal } = useConfirm();

  /** True when the error was a NIR mismatch (then the question is asked). */
  const handle = async (error: unknown, retry: () => void) => {
    if (!(error instanceof ApiError) || error.payload.field !== 'nirMismatch') return false;
    const confirmed = await ask({
      title: 'Vérifiez le numéro de sécurité sociale',
      message: error.message,
      confirmLabel: 'Confirmer l’exception',
    });
    if (confirmed) retry();
    return true;
  };
  return { handle, modal };
}
