import type { ReactNode } from 'react';

/** A form whose submit (button or Enter key) runs an async save instead of reloading the page. */
export function AsyncForm({ onSubmit, children }: { onSubmit: () => Promise<unknown> | void; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
