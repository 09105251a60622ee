/**
 * Password policy, after CNIL délibération 2022-100: without any other
 * measure a password alone needs about 80 bits of entropy — at least 12
 * characters of four kinds, or 14 characters or more (a passphrase fits).
 * No forced periodic change.
 */
import { foldForSearch } from './text';

export interface PasswordVerdict {
  acceptable: boolean;
  /** Rough entropy estimate, for the strength meter (80 is the target). */
  bits: number;
  /** What to do, in French, when not acceptable. */
  advice: string | null;
}

function characterKinds(password: string) {
  return {
    lower: /\p{Ll}/u.test(password),
    upper: /\p{Lu}/u.test(password),
    digit: /\d/.test(password),
    other: /[^\p{L}\d]/u.test(password),
  };
}

export function estimateBits(password: string): number {
  const kinds = characterKinds(password);
  const pool = (kinds.lower ? 26 : 0) + (kinds.upper ? 26 : 0) + (kinds.digit ? 10 : 0) + (kinds.other ? 33 : 0);
  const length = [...password].length;
  const distinct = new Set(password).size;
  // Repeated characters add little: count at most twice the distinct ones.
  return Math.round(Math.min(length, distinct * 2) * Math.log2(Math.max(pool, 1)));
}

export function evaluatePassword(password: string, personName = ''): PasswordVerdict {
  const length = [...password].length;
  const kinds = characterKinds(password);
  const kindCount = Object.values(kinds).filter(Boolean).length;
  const bits = estimateBits(password);
  let advice: string | null = null;

  if (length < 12) {
    advice = 'Le mot de passe doit comporter au moins 12 caractères (ou une phrase de passe de 14 caractères et plus).';
  } else if (length < 14 && kindCount < 4) {
    advice =
      'Avec moins de 14 caractères, mélangez minuscules, majuscules, chiffres et caractères spéciaux, ou allongez-le jusqu’à 14 caractères.';
  } else if (new Set(password).size < 6) {
    advice = 'Le mot de passe répète trop les mêmes caractères.';
  } else if (personName.trim().length >= 3 && foldForSearch(password).includes(foldForSearch(personName).split(' ')[0]!)) {
    advice = 'Le mot de passe ne doit pas contenir votre nom.';
  }
  return { acceptable: advice === null, bits, advice };
}
