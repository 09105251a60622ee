/**
 * The psychologist's debriefs: an annex time the app records as having taken
 * place, and at most a short, non-clinical note that only its author reads.
 * The note never appears in a document, bilan or export (except the person's
 * own data export).
 */
import { z } from 'zod';
import { sensitive } from './personal';
import { defineMethod, noInput } from './define';
import { id, optionalText } from './fields';

export const debrief = sensitive(
  'psychologist',
  z.object({
    annexTimeId: id,
    date: z.string(),
    start: z.string(),
    end: z.string(),
    done: z.boolean().nullable(),
    personName: z.string(),
    worksiteName: z.string(),
    note: z.string(),
  }),
);
export type Debrief = z.output<typeof debrief>;

export const debriefsMethods = {
  'debriefs/list': defineMethod({
    input: noInput,
    output: z.array(debrief),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'debriefs/saveNote': defineMethod({
    input: z.object({ annexTimeId: id, note: optionalText('La note', 600) }),
    output: z.array(debrief),
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
};
