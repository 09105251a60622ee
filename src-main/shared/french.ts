/**
 * French typography for every document and screen (Lexique des règles
 * typographiques en usage à l'Imprimerie nationale).
 *
 * Two no-break spaces, as the Lexique sets them:
 * - NARROW (U+202F, espace fine insécable) before « ; ! ? » and between groups
 *   of thousands. Source Sans 3 has no glyph of its own for it: Chromium draws
 *   it as half a word space, the fine space's width, and never breaks there.
 * - WORD (U+00A0, espace insécable) before « : », inside « », and between a
 *   number and what it counts or names: "14 h", "10 %", "12,02 €",
 *   "16 septembre 2026", "n° 12", the pairs of a phone number.
 * Both are drawn with the space glyph, so a PDF's text layer reads them as
 * plain spaces: tests check them in the HTML given to the printer.
 */
export const NARROW_NBSP = '\u202f';
export const NBSP = '\u00a0';

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const UNITS = 'h|%|€|Ko|Mo|km|kg|ans?|jours?|mois|semaines?|heures?|demi-journées?';

/**
 * The text as a French printer sets it: typographic apostrophes, no-break
 * spaces before « : ; ! ? », inside « », and between a number and its unit or
 * month. Idempotent; times ("12:00"), web addresses and
 * e-mails are left alone (no space before their colon or question mark).
 */
export function fixTypography(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/\.\.\./g, '…')
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*([;:!?»])/g, (match, mark: string, offset: number, whole: string) =>
      // Only where there was a space, or always before a closing guillemet; never glued to a digit's colon (08:30).
      match.length > 1 || (mark === '»' && offset > 0 && whole[offset - 1] !== '\n')
        ? `${mark === ':' || mark === '»' ? NBSP : NARROW_NBSP}${mark}`
        : mark,
    )
    .replace(new RegExp(`(\\d|1er) (?=(?:${MONTHS})\\b)`, 'g'), `$1${NBSP}`)
    .replace(new RegExp(`\\b(${MONTHS}) (?=\\d{4}\\b)`, 'g'), `$1${NBSP}`)
    .replace(new RegExp(`(\\d) (?=(?:${UNITS})(?![\\p{L}\\d]))`, 'gu'), `$1${NBSP}`)
    .replace(/(\d\u00a0h) (?=\d{2}\b)/g, `$1${NBSP}`)
    .replace(/(n°|N°) (?=\d)/g, `$1${NBSP}`);
}

const FRENCH_PHONE = /^(?:\+33|0033|0)([1-9])(\d{8})$/;

/** "0298000000", "02.98.00.00.00" or "+33 2 98 00 00 00" → "02 98 00 00 00" (pairs held together); any other number as typed. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/[\s.\-/()\u00a0\u202f]/g, '');
  const match = FRENCH_PHONE.exec(digits);
  if (!match) return phone.trim();
  return `0${match[1]}${match[2]}`.replace(/(\d{2})(?=\d)/g, `$1${NBSP}`);
}

const VOWEL_START = /^[aeiouàâäéèêëîïôöùûüœæ]/i;
/** Words whose h is aspirated: "de Hollande", "le hameau". */
const ASPIRATED_H =
  /^(ha(?:bsburg|che|ie|ll|lte|m(?:bourg|eau|ster)|nche|ndicap|ngar|rcèlement|rdi|ricot|sard|ut|vre)|hé(?:ron|ros)|hêtre|hi(?:bou|erarch|érarch)|ho(?:bby|ckey|llande|mard|nte|ngrie|rs|ublon|ux)|hu(?:bl|rl|tte))/i;

/** Whether a word takes the elided article or preposition: "d’Inès", "l’Hélène", "d’Yves" — but "de Yann", "de Hollande". */
export function startsWithVowelSound(word: string): boolean {
  const w = word.trim();
  if (/^y[aeiouéèê]/i.test(w)) return false;
  if (/^y/i.test(w)) return true;
  if (/^h/i.test(w)) return /^h[aeiouyàâäéèêëîïôöùûü]/i.test(w) && !ASPIRATED_H.test(w);
  return VOWEL_START.test(w);
}

/**
 * "de" before a noun phrase, elided or contracted as French requires:
 * de + Inès → d’Inès, de + le Relais → du Relais, de + les Ajoncs → des
 * Ajoncs, de + l’Escale → de l’Escale, de + la Mairie → de la Mairie.
 */
export function de(phrase: string): string {
  return withPreposition('de', phrase);
}

/** "à" before a noun phrase: à + le CCAS → au CCAS, à + les → aux. */
export function a(phrase: string): string {
  return withPreposition('à', phrase);
}

function withPreposition(preposition: 'de' | 'à', phrase: string): string {
  const p = phrase.trim();
  const article = /^(le|les)\s+(.*)$/i.exec(p);
  if (article) {
    const plural = article[1]!.toLowerCase() === 'les';
    const contracted = preposition === 'de' ? (plural ? 'des' : 'du') : plural ? 'aux' : 'au';
    return `${contracted} ${article[2]}`;
  }
  // "la" and "l’" never contract; their case is the name's own ("de La Rochelle", "de la Mairie").
  if (/^(la\s|l['’])/i.test(p)) return `${preposition} ${p.replace("'", '’')}`;
  if (preposition === 'de' && startsWithVowelSound(p)) return `d’${p}`;
  return `${preposition} ${p}`;
}

/** A common noun written with a capital in a setting ("Agent de menuiserie") as it reads inside a sentence; acronyms keep their capitals. */
export function inSentence(noun: string): string {
  const n = noun.trim();
  return /^\p{Lu}\p{Ll}/u.test(n) ? `${n.charAt(0).toLocaleLowerCase('fr-FR')}${n.slice(1)}` : n;
}

/**
 * The noun agreeing with a count, as French grammar sets it: below 2 the
 * singular ("0 personne", "1,5 heure"), from 2 the plural. Never "personne(s)".
 */
export function plural(n: number, one: string, many: string): string {
  return Math.abs(n) < 2 ? one : many;
}

/** The count and its agreeing noun held together: "3 personnes", "1 personne", "1 200 heures". */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')}${NBSP}${plural(n, one, many)}`;
}

/** "de" before a person's name: elided before a vowel sound ("le compte d’Anne Morvan"), never contracted ("de Le Gall", not "du Gall"). */
export function deName(name: string): string {
  const n = name.trim();
  return startsWithVowelSound(n) ? `d’${n}` : `de ${n}`;
}

/** Free text typed as a list ("débit et assemblage…") printed as a sentence of its own: a capital first, one full stop last. */
export function asSentence(text: string): string {
  const t = text.trim().replace(/[.\s]+$/, '');
  if (t === '') return '';
  // An ellipsis, "!" or "?" already ends the sentence.
  return `${t.charAt(0).toLocaleUpperCase('fr-FR')}${t.slice(1)}${/[…!?]$/.test(t) ? '' : '.'}`;
}
