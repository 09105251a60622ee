import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { oneSource, uploadedFile } from './files';
import {
  email,
  expectedVersion,
  id,
  isoDate,
  optionalText,
  phone,
  postcode,
  recordVersion,
  requiredText,
  siret,
  timeOfDay,
} from './fields';
import { TIME_PATTERN, timeToMinutes } from '../time';
import { agreementRefusal, COLLECTIVE_AGREEMENT_CODES } from '../collective-agreements';

/** Where the structure is: which public holidays apply (see domain/holidays). */
export const HOLIDAY_REGIONS = [
  'metropole',
  'alsace_moselle',
  'guadeloupe',
  'martinique',
  'guyane',
  'reunion',
  'mayotte',
  'saint_martin',
  'saint_barthelemy',
] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];
export const HOLIDAY_REGION_LABELS: Record<(typeof HOLIDAY_REGIONS)[number], string> = {
  metropole: 'Métropole',
  alsace_moselle: 'Alsace-Moselle',
  guadeloupe: 'Guadeloupe',
  martinique: 'Martinique',
  guyane: 'Guyane',
  reunion: 'La Réunion',
  mayotte: 'Mayotte',
  saint_martin: 'Saint-Martin',
  saint_barthelemy: 'Saint-Barthélemy',
};

/** The CCAS itself: its letterhead on every CCAS document. */
export const structureInput = z.object({
  name: requiredText('Le nom de la structure', 120),
  address: requiredText('L’adresse', 200),
  postcode,
  town: requiredText('La commune', 80),
  siret,
  phone,
  email: email(),
  signatoryName: requiredText('Le nom du signataire', 120),
  signatoryTitle: requiredText('La qualité du signataire', 120),
  /** Whether half-days may fall on a Saturday (never on a Sunday). */
  openSaturday: z.boolean().default(false),
});
export type StructureInput = z.input<typeof structureInput>;

/** The default half-day times of a worksite; each worksite may change them later. */
export const workHoursInput = z
  .object({
    morningStart: timeOfDay('L’heure de début du matin'),
    morningEnd: timeOfDay('L’heure de fin du matin'),
    afternoonStart: timeOfDay('L’heure de début de l’après-midi'),
    afternoonEnd: timeOfDay('L’heure de fin de l’après-midi'),
  })
  .superRefine((h, ctx) => {
    const times = [h.morningStart, h.morningEnd, h.afternoonStart, h.afternoonEnd];
    // A badly typed time already has its own message; compare only well-formed ones.
    if (!times.every((t) => TIME_PATTERN.test(t))) return;
    const [ms, me, as, ae] = times.map(timeToMinutes) as [number, number, number, number];
    if (me <= ms) {
      ctx.addIssue({ code: 'custom', path: ['morningEnd'], message: 'La fin du matin doit venir après son début.' });
    }
    if (ae <= as) {
      ctx.addIssue({
        code: 'custom',
        path: ['afternoonEnd'],
        message: 'La fin de l’après-midi doit venir après son début.',
      });
    }
    if (as < me) {
      ctx.addIssue({
        code: 'custom',
        path: ['afternoonStart'],
        message: 'L’après-midi ne peut pas commencer avant la fin du matin.',
      });
    }
  });
export type WorkHours = z.output<typeof workHoursInput>;

export const EMPLOYER_KINDS = ['association_intermediaire', 'ccas', 'autre'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export const EMPLOYER_KIND_LABELS: Record<(typeof EMPLOYER_KINDS)[number], string> = {
  association_intermediaire: 'Association intermédiaire (portage des MESP)',
  ccas: 'Le CCAS lui-même (ACI)',
  autre: 'Autre employeur',
};

/** A logo stored in the data folder (`settings/importLogo`): the structure's, an employer's or a funder's. */
const logoFile = z.string().regex(/^logo-[0-9a-f]{16}\.(png|jpg)$/, 'Le logo choisi est introuvable.');

/** A legal employer: the portage association of the MESP, or the CCAS carrying its ACI. */
const employerFields = z.object({
  name: requiredText('Le nom de l’employeur', 120),
  kind: z.enum(EMPLOYER_KINDS, { error: 'Choisissez le type d’employeur.' }),
  address: requiredText('L’adresse', 200),
  postcode,
  town: requiredText('La commune', 80),
  siret,
  /** Chosen from a list (shared/collective-agreements); "aucune" is stated as such on contracts. */
  collectiveAgreement: z.enum(COLLECTIVE_AGREEMENT_CODES, {
    error: 'Choisissez la convention collective dans la liste (ou « Aucune convention collective »).',
  }),
  /** Name and address of both bodies: L1242-12, 8°. */
  pensionFund: requiredText('La caisse de retraite complémentaire', 200),
  pensionFundAddress: requiredText('L’adresse de la caisse de retraite complémentaire', 200),
  providentBody: optionalText('L’organisme de prévoyance', 200),
  providentBodyAddress: optionalText('L’adresse de l’organisme de prévoyance', 200).default(''),
  /** What the association intermédiaire bills the user per hour worked: its mise à disposition is "à titre onéreux" (L5132-7). */
  hourlyPriceCents: z
    .number({ error: 'Le prix horaire de la mise à disposition doit être un nombre.' })
    .int()
    .min(
      1,
      'La mise à disposition par une association intermédiaire est faite à titre onéreux (article L5132-7) : indiquez son prix.',
    )
    .max(100_00, 'Le prix horaire semble trop élevé (plus de 100 €).')
    .nullable()
    .default(null),
  payrollEmail: email('L’e-mail du service paie'),
  signatoryName: requiredText('Le nom du signataire', 120),
  signatoryTitle: requiredText('La qualité du signataire', 120),
  /** Its own letterhead on the contracts and certificates it signs. */
  logoFile: logoFile.nullable().default(null),
});

export const employerInput = employerFields.superRefine((e, ctx) => {
  const refusal = agreementRefusal(e.kind, e.collectiveAgreement);
  if (refusal) ctx.addIssue({ code: 'custom', path: ['collectiveAgreement'], message: refusal });
  if (e.providentBody.trim() !== '' && (e.providentBodyAddress ?? '').trim() === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['providentBodyAddress'],
      message: 'L’adresse de l’organisme de prévoyance est obligatoire : le contrat la mentionne (article L1242-12).',
    });
  }
});
export type EmployerInput = z.input<typeof employerInput>;

/**
 * As stored: an employer recorded before the list existed may have no
 * agreement chosen yet (null) nor a pension fund's address; documents
 * that need them say so until the secretary completes them.
 */
export const employer = employerFields.extend({
  id,
  /** Sent back by the employer form's save. */
  version: recordVersion,
  archived: z.boolean(),
  collectiveAgreement: z.enum(COLLECTIVE_AGREEMENT_CODES).nullable(),
  pensionFundAddress: z.string(),
  providentBodyAddress: z.string(),
});
export type Employer = z.output<typeof employer>;

/** SMIC horaire brut (or any wage floor) from a date on; never hard-coded in logic. */
export const wageRateInput = z.object({
  effectiveFrom: isoDate('La date d’effet'),
  hourlyCents: z
    .number({ error: 'Le taux horaire est obligatoire.' })
    .int('Le taux horaire doit être en centimes entiers.')
    .min(100, 'Le taux horaire doit être supérieur à 1 €.')
    .max(100_00, 'Le taux horaire semble trop élevé (plus de 100 €).'),
});
export type WageRateInput = z.input<typeof wageRateInput>;

export const wageRate = wageRateInput.extend({ id });

/** The SMIC horaire brut rates offered by the setup wizard (decrees of 2024 and 2025). */
export const DEFAULT_WAGE_RATES: readonly WageRateInput[] = [
  { effectiveFrom: '2024-11-01', hourlyCents: 1188 },
  { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
];
export type WageRate = z.output<typeof wageRate>;

export const logo = z.object({
  /** File name inside the data folder's `files/` directory. */
  file: logoFile,
  /** For display only; documents read the stored file. */
  dataUrl: z.string(),
});

export const settings = z.object({
  /** `version`: the structure's identity's, sent back by the structure form's save. */
  structure: structureInput.extend({ logoFile: logoFile.nullable(), version: recordVersion }),
  hours: workHoursInput,
  employers: z.array(employer),
  wageRates: z.array(wageRate),
  /** The rate in force today, by the clock of main; null when every rate starts later. */
  wageRateToday: wageRate.nullable(),
  security: z.object({ idleLockMinutes: z.number().int() }),
  people: z.object({ collectNationality: z.boolean() }),
  calendar: z.object({
    /** The three settings that count hours, as in force today (domain/calendar-settings.ts). */
    region: z.enum(HOLIDAY_REGIONS),
    whitMondayWorked: z.boolean(),
    /** Whether half-days cancelled for weather or force majeure are paid. */
    forceMajeurePaid: z.boolean(),
    /**
     * Their dated history, oldest first: the values from the beginning
     * (`effectiveFrom` null), then each change « à compter du » a day with the
     * settings it changes (null: unchanged).
     */
    history: z.array(
      z.object({
        effectiveFrom: z.string().nullable(),
        region: z.enum(HOLIDAY_REGIONS).nullable(),
        whitMondayWorked: z.boolean().nullable(),
        forceMajeurePaid: z.boolean().nullable(),
        /** Not yet in force (after today): it may be removed. */
        upcoming: z.boolean(),
      }),
    ),
    /** The last month sent to a portage employer (YYYY-MM), if any: a change dated in it or before may be refused. */
    lastSentMonth: z.string().nullable(),
    /** The date a change is offered from: the first day of the first month not yet sent, else of this month. */
    defaultEffectiveFrom: z.string(),
    /** Structure closure days: no session is planned on them. */
    closures: z.array(z.object({ date: z.string(), reason: z.string() })),
    /** The public holidays of the current year in this region, as the worksites skip them. */
    holidaysThisYear: z.array(z.object({ date: z.string(), label: z.string() })),
  }),
});
export type Settings = z.output<typeof settings>;

export const settingsMethods = {
  'settings/get': defineMethod({ input: noInput, output: settings, tx: 'read', access: 'user' }),
  'settings/updateStructure': defineMethod({
    input: z.object({ structure: structureInput, logoFile: logoFile.nullable(), expectedVersion }),
    output: settings,
    tx: 'write',
    access: 'user',
  }),
  'settings/updateSecurity': defineMethod({
    input: z.object({
      idleLockMinutes: z
        .number({ error: 'Indiquez un nombre de minutes.' })
        .int('Indiquez un nombre entier de minutes.')
        .min(1, 'Le verrouillage doit intervenir après 1 minute au moins.')
        .max(120, 'Le verrouillage doit intervenir avant 2 heures d’inactivité (120 minutes).'),
    }),
    output: settings,
    tx: 'write',
    access: 'user',
  }),
  'settings/updatePeopleOptions': defineMethod({
    input: z.object({ collectNationality: z.boolean() }),
    output: settings,
    tx: 'write',
    access: 'user',
  }),
  /** The calendar settings that count hours, from `effectiveFrom` on (the days before keep theirs). */
  'settings/updateCalendar': defineMethod({
    input: z.object({
      effectiveFrom: isoDate('La date « À compter du »'),
      region: z.enum(HOLIDAY_REGIONS, { error: 'Choisissez la région.' }),
      whitMondayWorked: z.boolean({ error: 'Indiquez si le lundi de Pentecôte est travaillé.' }),
      forceMajeurePaid: z.boolean({ error: 'Indiquez si les demi-journées de force majeure sont payées.' }),
    }),
    output: settings,
    tx: 'write',
    access: 'user',
  }),
  /** A change of the calendar not yet in force, removed: the values before it go on. */
  'settings/removeCalendarChange': defineMethod({
    input: z.object({ effectiveFrom: isoDate('La date du changement') }),
    output: settings,
    tx: 'write',
    access: 'user',
  }),
  'settings/addClosure': defineMethod({
    input: z.object({ date: isoDate('La date de fermeture'), reason: requiredText('Le motif', 200) }),
    output: settings,
    tx: 'write',
    access: 'user',
  }),
  'settings/removeClosure': defineMethod({
    input: z.object({ date: isoDate('La date') }),
    output: settings,
    tx: 'write',
    access: 'user',
  }),
  'settings/updateHours': defineMethod({ input: workHoursInput, output: settings, tx: 'write', access: 'user' }),
  'settings/saveEmployer': defineMethod({
    input: z.object({ id: id.optional(), expectedVersion, employer: employerInput }),
    output: employer,
    tx: 'write',
    access: 'user',
  }),
  'settings/setEmployerArchived': defineMethod({
    input: z.object({ id, archived: z.boolean() }),
    output: employer,
    tx: 'write',
    access: 'user',
  }),
  'settings/addWageRate': defineMethod({
    input: wageRateInput,
    output: z.array(wageRate),
    tx: 'write',
    access: 'user',
  }),
  'settings/removeWageRate': defineMethod({
    input: z.object({ id }),
    output: z.array(wageRate),
    tx: 'write',
    access: 'user',
  }),
  /** Copies a chosen image into the data folder (file I/O: outside any transaction). */
  'settings/importLogo': defineMethod({
    /** `path` on main's PC (desktop app) or `file` sent by a client PC: PNG or JPEG, 2 Mo at most. */
    input: z
      .object({ path: z.string().min(1, 'Choisissez une image.').optional(), file: uploadedFile('logo').optional() })
      .refine(oneSource, { path: ['path'], message: 'Choisissez une image.' }),
    output: logo,
    tx: 'none',
    access: 'setup',
  }),
  'settings/getLogo': defineMethod({ input: z.object({ file: logoFile }), output: logo, tx: 'none', access: 'user' }),
};

export { logoFile };
