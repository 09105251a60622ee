import { z } from 'zod';
import { defineMethod } from './define';
import { expectedVersion, id, isoDate, requiredText } from './fields';
import { contractContentFields, EARLY_END_REASONS, worksite } from './worksites';

export const contractUpdateInput = z.object({
  position: requiredText('Le poste', 120),
  handedOn: isoDate('La date de remise du contrat').nullable(),
  signedOn: isoDate('La date de signature').nullable(),
  derogationUntil: isoDate('La fin de la dérogation').nullable(),
  ...contractContentFields,
});
export type ContractUpdateInput = z.input<typeof contractUpdateInput>;

export const renewalInput = z.object({
  newEndDate: isoDate('La nouvelle date de fin'),
  /** The day the person agreed to the renewal: before the term (L1243-13). */
  agreedOn: isoDate('La date d’accord du salarié'),
});
export type RenewalInput = z.input<typeof renewalInput>;

export const earlyEndInput = z.object({
  /** The last day of the contract. */
  date: isoDate('Le dernier jour du contrat'),
  reason: z.enum(EARLY_END_REASONS, { error: 'Choisissez le motif de la rupture, parmi ceux que la loi permet.' }),
});
export type EarlyEndInput = z.input<typeof earlyEndInput>;

export const contractsMethods = {
  /** What can change on a drafted contract without a new one: position, classification, tasks, risks, PASS IAE, hand-over and signature dates, derogation. */
  'contracts/update': defineMethod({
    input: z.object({ participationId: id, expectedVersion, contract: contractUpdateInput }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  /** Pushes the end date back, within the limits of the contract type; the history of renewals is kept. */
  'contracts/renew': defineMethod({
    /** `confirmWarnings`: the user confirmed a new end more than a week past the worksite's last day. */
    input: z.object({ participationId: id, renewal: renewalInput, confirmWarnings: z.boolean().default(false) }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  /** Ends the contract before its term, only for a ground the law allows. */
  'contracts/endEarly': defineMethod({
    input: z.object({ participationId: id, earlyEnd: earlyEndInput }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  /** Withdraws an early end recorded by mistake: the contract runs to its term again. */
  'contracts/withdrawEarlyEnd': defineMethod({
    input: z.object({ participationId: id }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
};
