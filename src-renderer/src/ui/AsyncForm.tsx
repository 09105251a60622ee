import type { ReactNode } from 'react';
import { useFormErrorSummary } from './FormErrors';

/**
 * A form whose submit (button or Enter key) runs an async save instead of
 * reloading the page. After each submit, what is left invalid is listed at
 * its top and focus goes to the first invalid field (`FormErrors.tsx`).
 */
export function AsyncForm({ onSubmit, children }: { onSubmit: () => Promise<unknown> | void; children: ReactNode }) {
  const { ref, reveal, summary } = useFormErrorSummary<HTMLFormElement>();
  return (
    <form
      ref={ref}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // A form in a modal opened from this one (a portal) must not submit this one too.
        event.stopPropagation();
        void Promise.resolve(onSubmit()).finally(reveal);
      }}
    >
      {summary}
      {children}
    </form>
  );
}
