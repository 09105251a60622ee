/**
 * Password and passphrase strength, after CNIL délibération 2022-100.
 *
 * Strength is estimated by zxcvbn-ts with its French and common dictionaries:
 * log2 of the guesses an attacker who knows dictionaries, keyboard walks,
 * dates, names and the person's own data would need. We read that number as
 * the CNIL's "bits of entropy":
 *  - the backup passphrase protects a file carried off site and attacked
 *    offline with no lockout: CNIL case 1, at least 80 bits;
 *  - an account password is behind growing delays and a lock after 10
 *    failures (domain/lockout.ts): CNIL case 2 asks 50 bits of a random
 *    draw (e.g. 8 characters of 3 kinds). zxcvbn scores any unpatterned
 *    character as one of 10 (3.3 bits, half a random character's 6.6), so
 *    such a draw reads ~27 bits and a random 12-character one ~39. We ask
 *    36 bits (7·10^10 guesses, above zxcvbn's top score of 10^10) together
 *    with the 12-character minimum.
 * Parts of the person's names and of the structure's name are refused
 * outright and also given to zxcvbn, as is the name of the application.
 * Pure JS, no Node module: the main process always checks, the renderer's
 * meter loads this module (and its dictionaries) lazily.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as french from '@zxcvbn-ts/language-fr';
import { lengthAdvice } from './password-policy';
import { foldForSearch } from './text';

export type SecretPurpose = 'account' | 'backup';

export const REQUIRED_BITS: Record<SecretPurpose, number> = { account: 36, backup: 80 };

export interface SecretOwners {
  /** The person's display name (account) or the signed-in user's (backup). */
  personName?: string;
  structureName?: string;
}

export interface PasswordVerdict {
  acceptable: boolean;
  /** log2 of the estimated guesses, for the meter. */
  bits: number;
  /** What the meter fills up to. */
  requiredBits: number;
  /** What to do, in French, when not acceptable. */
  advice: string | null;
}

/** Words of a structure's name that say what kind of body it is, not which one. */
const GENERIC_WORDS = new Set([
  'ccas',
  'cias',
  'centre',
  'communal',
  'intercommunal',
  'action',
  'sociale',
  'ville',
  'commune',
  'mairie',
  'des',
  'les',
  'aux',
  'sur',
  'pour',
]);

/** The parts (3 letters or more, accents and case folded) a secret may not contain. */
export function nameParts(name: string | undefined): string[] {
  if (!name) return [];
  return foldForSearch(name)
    .split(/[^\p{L}]+/u)
    .filter((part) => [...part].length >= 3 && !GENERIC_WORDS.has(part));
}

let estimator: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
    // Symbol-heavy input made l33t matching take seconds: the meter runs at each keystroke.
    l33tMaxSubstitutions: 10,
  });
  return estimator;
}

const ADVICE: Record<SecretPurpose, string> = {
  account:
    'Ce mot de passe est trop facile à deviner. Ajoutez des mots peu courants ou des caractères au hasard : une phrase de 4 ou 5 mots sans lien entre eux convient bien.',
  backup:
    'Cette phrase de passe protège une copie emportée hors du bureau : elle doit être plus solide. Ajoutez des mots sans lien entre eux (7 ou 8 mots), ou reprenez la phrase proposée.',
};

export function evaluatePassword(password: string, purpose: SecretPurpose, owners: SecretOwners = {}): PasswordVerdict {
  const requiredBits = REQUIRED_BITS[purpose];
  const personParts = nameParts(owners.personName);
  const structureParts = nameParts(owners.structureName);
  const result = zxcvbn().check(password, [...personParts, ...structureParts, 'passerelle']);
  const bits = Math.floor(Math.log2(Math.max(result.guesses, 1)));
  const folded = foldForSearch(password).replace(/[^\p{L}]+/gu, '');
  const inPerson = personParts.find((part) => folded.includes(part));
  const inStructure = structureParts.find((part) => folded.includes(part));
  let advice = lengthAdvice(password);
  if (advice) {
    // Too short: said first, whatever else.
  } else if (inPerson) {
    advice = `Retirez « ${inPerson} » : il ne faut pas utiliser une partie de votre nom.`;
  } else if (inStructure) {
    advice = `Retirez « ${inStructure} » : il ne faut pas utiliser une partie du nom de la structure.`;
  } else if (bits < requiredBits) {
    const warning = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, '.')} ` : '';
    advice = warning + ADVICE[purpose];
  }
  return { acceptable: advice === null, bits, requiredBits, advice };
}
