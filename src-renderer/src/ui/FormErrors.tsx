import { Alert, Anchor, List } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The error summary of a form (the pattern of the French and British state
 * design systems): after a submit that left errors, a box at the top lists
 * them as links, and focus goes to the first invalid field.
 *
 * It reads the fields as shown rather than the form's values: whatever put an
 * error under a field (the contract schema, a date typed wrong, main's answer,
 * a password rule) is listed with the very words shown there, in the order of
 * the screen, so each message is written once and the list never disagrees
 * with the fields.
 */
export interface FieldError {
  /** The field's element id, for the link. */
  id: string;
  label: string;
  message: string;
}

// Mantine's PasswordInput marks its inner input with data-invalid only.
const INVALID = '[aria-invalid="true"], input[data-invalid="true"]';

function labelOf(field: HTMLElement): string {
  const labelled = field.getAttribute('aria-labelledby');
  const label =
    (field as HTMLInputElement).labels?.[0] ?? (labelled ? document.getElementById(labelled.split(/\s+/)[0]!) : null);
  const text = label?.textContent ?? field.getAttribute('aria-label') ?? '';
  // Mantine's required mark is a trailing « * ».
  return text.replace(/\s*\*\s*$/, '').trim();
}

function messageOf(field: HTMLElement): string {
  const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  const ids = described.length > 0 ? described : [`${field.id}-error`];
  return ids
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

/** The invalid fields inside `container`, in the order of the screen. */
export function invalidFields(container: HTMLElement): FieldError[] {
  return [...container.querySelectorAll<HTMLElement>(INVALID)]
    .filter((field) => field.id !== '')
    .map((field) => ({ id: field.id, label: labelOf(field), message: messageOf(field) || 'À corriger.' }));
}

function focusField(id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
}

const same = (a: FieldError[], b: FieldError[]) =>
  a.length === b.length &&
  a.every((e, i) => e.id === b[i]!.id && e.label === b[i]!.label && e.message === b[i]!.message);

export function FormErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <Alert
      color="red"
      title={errors.length === 1 ? 'Une erreur à corriger' : `${errors.length} erreurs à corriger`}
      mb="md"
    >
      <List size="sm" spacing={2}>
        {errors.map((error) => (
          <List.Item key={error.id}>
            <Anchor
              href={`#${error.id}`}
              size="sm"
              c="red.9"
              underline="always"
              // The app routes on the address's fragment: focus the field instead of following.
              onClick={(event) => {
                event.preventDefault();
                focusField(error.id);
              }}
            >
              {error.label ? `${error.label} : ${error.message}` : error.message}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * Gives a form its error summary. Put `ref` on the element that holds the
 * fields and `summary` at its top; call `reveal()` once a submit has run
 * (valid or not): the summary shows what is left invalid, focus moves to the
 * first such field, and the list follows as the user corrects.
 */
export function useFormErrorSummary<T extends HTMLElement = HTMLElement>() {
  const ref = useRef<T>(null);
  const [attempt, setAttempt] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const reveal = useCallback(() => setAttempt((n) => n + 1), []);

  // Runs after the submit's messages are on screen (their state updates came before this one).
  useEffect(() => {
    if (attempt === 0 || !ref.current) return;
    const found = invalidFields(ref.current);
    setErrors(found);
    if (found[0]) focusField(found[0].id);
  }, [attempt]);

  const shown = errors.length > 0;
  useEffect(() => {
    const container = ref.current;
    if (!shown || !container) return;
    const observer = new MutationObserver(() => {
      const found = invalidFields(container);
      setErrors((current) => (same(current, found) ? current : found));
    });
    observer.observe(container, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-invalid', 'data-invalid'],
    });
    return () => observer.disconnect();
  }, [shown]);

  const summary: ReactNode = <FormErrorSummary errors={errors} />;
  return { ref, reveal, summary, errors };
}
