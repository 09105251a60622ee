/**
 * A modal someone has typed into asks before Escape or a click outside closes
 * it ("Abandonner la saisie ?"): one rule for every Mantine modal, installed
 * once at start, so no form has to remember it. The close button and
 * "Annuler" stay direct: they are deliberate.
 */
const CONTENT = '.mantine-Modal-content';
const OUTSIDE = '.mantine-Modal-overlay';
export const DISCARD_QUESTION = 'Abandonner la saisie ?';

const typedInto = new WeakSet<Element>();

/** The modal on top, the last one opened. */
function topModal(): Element | null {
  const open = document.querySelectorAll(CONTENT);
  return open.length > 0 ? open[open.length - 1]! : null;
}

function keepsTyping(): boolean {
  const modal = topModal();
  return modal !== null && typedInto.has(modal) && !window.confirm(DISCARD_QUESTION);
}

function stop(event: Event) {
  event.preventDefault();
  event.stopImmediatePropagation();
}

export function installTypedModalGuard(): void {
  document.addEventListener(
    'input',
    (event) => {
      const modal = (event.target as Element | null)?.closest?.(CONTENT);
      if (modal) typedInto.add(modal);
    },
    true,
  );
  // Capture on window, registered before any modal: runs ahead of Mantine's own Escape listener.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      // An open dropdown inside the modal handles its own Escape.
      if ((event.target as Element | null)?.getAttribute?.('data-mantine-stop-propagation') === 'true') return;
      if (keepsTyping()) stop(event);
    },
    true,
  );
  window.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null;
      if (target?.matches?.(OUTSIDE) && keepsTyping()) stop(event);
    },
    true,
  );
}
