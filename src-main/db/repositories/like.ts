/** Typed text searched with LIKE matches itself: `%` and `_` are not wildcards (use with `escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
