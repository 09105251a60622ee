import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { employerInput, logoFile, structureInput, wageRateInput, workHoursInput } from './settings';
import { accountInput } from './users';
import { sessionView } from './auth';

/** Everything the first-run wizard collects, saved in one transaction. */
export const setupInput = z.object({
  structure: structureInput,
  logoFile: logoFile.nullable(),
  hours: workHoursInput,
  employers: z.array(employerInput).min(1, 'Ajoutez au moins un employeur.'),
  wageRates: z.array(wageRateInput).min(1, 'Indiquez au moins un taux du SMIC horaire.'),
  /** The first account, an administrator (usually the secretary). */
  administrator: accountInput,
});
export type SetupInput = z.input<typeof setupInput>;

export const setupMethods = {
  'setup/status': defineMethod({
    input: noInput,
    output: z.object({
      completed: z.boolean(),
      structureName: z.string().nullable(),
      /** A database set up before accounts existed: its first administrator must be created. */
      needsAdministrator: z.boolean(),
    }),
    tx: 'read',
    access: 'public',
  }),
  'setup/createAdministrator': defineMethod({
    input: accountInput,
    output: sessionView,
    tx: 'none',
    access: 'public',
    audit: 'change',
  }),
  'setup/complete': defineMethod({
    input: setupInput,
    // Signed in at once as the new administrator.
    output: sessionView,
    tx: 'none',
    access: 'public',
    audit: 'change',
  }),
};
