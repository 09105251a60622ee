import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { employerInput, logoFile, structureInput, wageRateInput, workHoursInput } from './settings';

/** Everything the first-run wizard collects, saved in one transaction. */
export const setupInput = z.object({
  structure: structureInput,
  logoFile: logoFile.nullable(),
  hours: workHoursInput,
  employers: z.array(employerInput).min(1, 'Ajoutez au moins un employeur.'),
  wageRates: z.array(wageRateInput).min(1, 'Indiquez au moins un taux du SMIC horaire.'),
});
export type SetupInput = z.input<typeof setupInput>;

export const setupMethods = {
  'setup/status': defineMethod({
    input: noInput,
    output: z.object({ completed: z.boolean(), structureName: z.string().nullable() }),
    tx: 'read',
    access: 'public',
  }),
  'setup/complete': defineMethod({
    input: setupInput,
    output: z.object({ completed: z.literal(true) }),
    tx: 'write',
    access: 'public',
  }),
};
