import { useEffect } from 'react';
import { useUnsavedWork } from '../../ui/unsaved-work';

/**
 * While changes are unsaved, leaving the page asks first: closing the window
 * (beforeunload) and following any in-app link (caught before the router).
 */
export function useUnsavedGuard(
  dirty: boolean,
  message = 'Des présences ne sont pas enregistrées. Quitter sans les enregistrer ?',
) {
  useUnsavedWork(dirty);
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (link && !window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, message]);
}
