/**
 * The part of the password policy cheap enough for every form and contract:
 * the length floor. Strength (CNIL délibération 2022-100) is judged by
 * `password-strength.ts`, in the main process always, lazily in the renderer.
 */
export const MIN_PASSWORD_LENGTH = 12;

export function lengthAdvice(password: string): string | null {
  return [...password].length < MIN_PASSWORD_LENGTH
    ? `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères. Une phrase de plusieurs mots est plus facile à retenir.`
    : null;
}
