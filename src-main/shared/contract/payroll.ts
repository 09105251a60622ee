import { z } from 'zod';
import { sensitive } from './personal';
import { defineMethod, noInput } from './define';
import { id, optionalText, requiredText } from './fields';
import { linkTarget } from './links';
import { PAY_ITEMS, payItemCodeField } from './pay-items';

export const month = z
  .string({ error: 'Indiquez le mois.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Le mois doit être de la forme AAAA-MM (ex. 2026-06).');

export const HANDOFF_STATUSES = ['a_preparer', 'valide', 'transmis'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
export const HANDOFF_STATUS_LABELS: Record<(typeof HANDOFF_STATUSES)[number], string> = {
  a_preparer: 'À préparer',
  valide: 'Validé',
  transmis: 'Transmis à l’employeur',
};

/** A point to check before sending, with the record or sheet where it is fixed. */
export const payrollCheck = z.object({ message: z.string(), link: linkTarget });

export const payrollPersonLine = sensitive(
  'payroll',
  z.object({
    participationId: id,
    personId: id,
    name: z.string(),
    worksiteName: z.string(),
    planned: z.number().int(),
    worked: z.number().int(),
    paid: z.number().int(),
    complementary: z.number().int(),
    /** Heures complémentaires at +10 % (within the tenth) and +25 % (beyond); absent from hand-offs kept before they were split. */
    complementaryWithinTenth: z.number().int().optional(),
    complementaryBeyondTenth: z.number().int().optional(),
    regularisationPaid: z.number().int(),
    /** The contract's rate. */
    hourlyCents: z.number().int(),
    /** The rate in force day by day: the contract's, or the SMIC from `smicFrom` when it is higher. */
    rates: z
      .array(
        z.object({
          from: z.string(),
          to: z.string(),
          hourlyCents: z.number().int(),
          smicFrom: z.string().nullable(),
          minutes: z.number().int(),
          amountCents: z.number().int(),
        }),
      )
      .optional(),
    /** The pay lines payroll software imports; absent from hand-offs kept before them. */
    payLines: z
      .array(
        z.object({
          item: z.enum(PAY_ITEMS),
          from: z.string(),
          to: z.string(),
          dates: z.array(z.string()),
          minutes: z.number().int(),
          centiHours: z.number().int(),
          rateCentiCents: z.number().int(),
          smicFrom: z.string().nullable(),
          amountCents: z.number().int(),
          /** A correction of a transmitted month, carried by this one. */
          regularisation: z.literal(true).optional(),
        }),
      )
      .optional(),
    grossCents: z.number().int(),
  }),
);

export const handoffView = z.object({
  month: z.string(),
  employerId: id,
  employerName: z.string(),
  status: z.enum(HANDOFF_STATUSES),
  handoffId: id.nullable(),
  validatedBy: z.string().nullable(),
  validatedAt: z.string().nullable(),
  transmittedBy: z.string().nullable(),
  transmittedAt: z.string().nullable(),
  /** What to look at before sending; sending stays possible after confirming. */
  checks: z.array(payrollCheck),
  lines: z.array(payrollPersonLine),
  /**
   * Validated, the figures have changed since: the month is "à revalider"
   * and cannot be marked sent before it is validated again.
   */
  stale: z.boolean(),
  /** The kept figures against those counted now, per person and pay line (after a transmission: what goes into régularisation). */
  changes: z.array(
    z.object({
      participationId: id,
      personId: id,
      name: z.string(),
      item: z.enum(PAY_ITEMS),
      label: z.string(),
      beforeMinutes: z.number().int(),
      afterMinutes: z.number().int(),
      beforeCents: z.number().int(),
      afterCents: z.number().int(),
      beforeDates: z.array(z.string()),
      afterDates: z.array(z.string()),
    }),
  ),
  /** Transmissions withdrawn by an administrator, newest first. */
  withdrawals: z.array(
    z.object({
      reason: z.string(),
      withdrawnBy: z.string().nullable(),
      withdrawnAt: z.string(),
      transmittedAt: z.string(),
    }),
  ),
});
export type HandoffView = z.output<typeof handoffView>;

const target = z.object({ month, employerId: id });

export const payrollMethods = {
  /** The hand-offs already made, newest first. */
  'payroll/list': defineMethod({
    input: noInput,
    output: z.array(handoffView.omit({ checks: true, lines: true, stale: true, changes: true, withdrawals: true })),
    tx: 'read',
    access: 'user',
  }),
  /** A month for an employer: its checks and figures, as stored once validated, as computed before. */
  'payroll/get': defineMethod({ input: target, output: handoffView, tx: 'read', access: 'user', audit: 'read' }),
  /** The coordinator validates: the files are made and kept; checks left unresolved must be confirmed. */
  'payroll/validate': defineMethod({
    input: target.extend({ confirmChecks: z.boolean().default(false) }),
    output: handoffView,
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
  /** Marked sent to the employer: the month is locked for its people. */
  'payroll/transmit': defineMethod({ input: target, output: handoffView, tx: 'write', access: 'user' }),
  /** A transmission made by mistake, withdrawn by an administrator with a reason, until a later month is transmitted. */
  'payroll/withdraw': defineMethod({
    input: target.extend({ reason: requiredText('Le motif du retrait', 300) }),
    output: handoffView,
    tx: 'write',
    access: 'user',
  }),
  /** A copy of a kept file, byte for byte, into a folder the user chose ("variables": the variables de paie for payroll software). */
  'payroll/export': defineMethod({
    input: target.extend({
      format: z.enum(['xlsx', 'csv', 'pdf', 'variables'], {
        error: 'Choisissez le format : xlsx, csv, pdf ou variables de paie.',
      }),
      folder: requiredText('Le dossier', 1000),
    }),
    output: z.object({ path: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};

const matriculeRow = z.object({ employerId: id, employerName: z.string(), matricule: z.string().nullable() });

const payItemCode = z.object({
  item: z.enum(PAY_ITEMS),
  code: z.string(),
  description: z.string(),
  isDefault: z.boolean(),
});

export const payrollKeyMethods = {
  /** A person's matricule at each employer they have worked for. */
  'payroll/matricules': defineMethod({
    input: z.object({ personId: id }),
    output: z.array(matriculeRow),
    tx: 'read',
    access: 'user',
  }),
  /** Entered once per person and employer; empty clears it. */
  'payroll/setMatricule': defineMethod({
    input: z.object({
      personId: id,
      employerId: id,
      matricule: optionalText('Le matricule', 30).regex(
        /^[\p{L}\p{N}._/-]*$/u,
        'Le matricule ne contient que des lettres, des chiffres et les signes . _ / -',
      ),
    }),
    output: z.array(matriculeRow),
    tx: 'write',
    access: 'user',
  }),
  /** The codes of the employer's payroll software for each pay item, with the defaults and a French description. */
  'payroll/payItemCodes': defineMethod({
    input: z.object({ employerId: id }),
    output: z.array(payItemCode),
    tx: 'read',
    access: 'user',
  }),
  /** Saves the codes typed; `null` goes back to the default. Each rubrique of an employer has its own code. */
  'payroll/setPayItemCodes': defineMethod({
    input: z.object({
      employerId: id,
      codes: z.array(
        z.object({ item: z.enum(PAY_ITEMS, { error: 'Rubrique inconnue.' }), code: payItemCodeField.nullable() }),
      ),
    }),
    output: z.array(payItemCode),
    tx: 'write',
    access: 'user',
  }),
};

/** The "i" of the heures complémentaires columns (hours and payroll screens). */
export const COMPLEMENTARY_DEFINITION =
  'Heures complémentaires : tout le temps de travail payé de la semaine au-delà de l’horaire du contrat, heures travaillées et temps annexes rémunérés faits compris (une visite médicale est du temps de travail, art. R4624-39). ' +
  'Au plus un dixième de l’horaire du contrat, sauf accord qui le porte jusqu’au tiers (art. L3123-20) ; majorées de 10 % dans la limite du dixième, de 25 % au-delà (art. L3123-8 et L3123-29). ' +
  'Un temps annexe pris pendant une demi-journée travaillée n’est compté qu’une fois.';

/** The "i" of the rate column of the payroll screen. */
export const RATE_IN_FORCE_DEFINITION =
  'Chaque jour est payé au taux du contrat, ou au SMIC en vigueur ce jour-là s’il est plus élevé (art. L3231-2) : une revalorisation du SMIC pendant le contrat s’applique à partir de sa date.';
