import { z } from 'zod';
import { compactDigits, siretValid } from '../identifiers';
import { TIME_PATTERN } from '../time';
import { FIRST_YEAR, ISO_DATE_PATTERN, LAST_YEAR, isValidIsoDate, isWithinYearRange } from '../dates';

/**
 * Field schemas with the French message a secretary reads next to the input.
 * The same schemas validate the forms in the renderer and the RPC input in main.
 * Labels carry their article ("Le nom", "L'adresse") so messages read naturally.
 */

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

export const optionalText = (label: string, max = 200) =>
  z
    .string({ error: `${label} doit être un texte.` })
    .trim()
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

export const siret = z
  .string({ error: 'Le SIRET est obligatoire.' })
  .transform(compactDigits)
  .pipe(
    z
      .string()
      .regex(/^\d{14}$/, 'Le SIRET doit comporter exactement 14 chiffres.')
      .refine(siretValid, 'Ce SIRET n’existe pas : un chiffre est probablement faux (clé de contrôle incorrecte).'),
  );

export const postcode = z
  .string({ error: 'Le code postal est obligatoire.' })
  .trim()
  .regex(/^\d{5}$/, 'Le code postal doit comporter 5 chiffres (ex. 29200).');

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const email = (label = 'L’adresse e-mail') =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .max(200, `${label} ne doit pas dépasser 200 caractères.`)
    .regex(EMAIL_PATTERN, `${label} n’est pas valide (ex. accueil@ccas-exemple.fr).`);

/** Optional French phone number, stored as typed digits (10, or +33 followed by 9). */
export const phone = z
  .string({ error: 'Le téléphone doit être un texte.' })
  .transform(compactDigits)
  .pipe(
    z
      .string()
      .regex(/^$|^0\d{9}$|^\+33\d{9}$/, 'Le numéro de téléphone doit comporter 10 chiffres (ex. 02 98 00 00 00).'),
  );

export const timeOfDay = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .regex(TIME_PATTERN, `${label} doit être une heure au format HH:MM (ex. 08:30).`);

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    // One message per slip: a day that does not exist, or a year outside the window (0026 for 2026).
    .refine(
      (value) => ISO_DATE_PATTERN.test(value) && (!isWithinYearRange(value) || isValidIsoDate(value)),
      `${label} n’est pas une date valide.`,
    )
    .refine(
      (value) => !ISO_DATE_PATTERN.test(value) || isWithinYearRange(value),
      `${label} doit tomber entre ${FIRST_YEAR} et ${LAST_YEAR} : vérifiez l’année.`,
    );

export const id = z.number().int().positive();

/** The version of a record (migration 026): every record a form edits carries it. */
export const recordVersion = z.number().int().min(1);

/**
 * The version the form was opened on: a save over a newer one is refused
 * (`STALE`). Left out by scripts and imports, which hold no loaded copy.
 */
export const expectedVersion = recordVersion.optional();
