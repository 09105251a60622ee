import { z } from 'zod';
import { defineMethod } from './define';
import { id, optionalText, requiredText } from './fields';
import { logoFile } from './settings';

/**
 * A funder of worksites (Conseil départemental, FSE+, métropole…): an
 * organisation of kind « financeur » of the directory, with what it asks to
 * see on the documents of the operations it co-funds — its emblem and its
 * "mention de financement" (the FSE+ co-funding sentence, for instance).
 */
export const funderInput = z.object({
  name: requiredText('Le nom du financeur', 150),
  logoFile: logoFile.nullable(),
  fundingMention: optionalText('La mention de financement', 600),
  /** An archived funder stays on the worksites and documents that named it. */
  archived: z.boolean().default(false),
});
export type FunderInput = z.input<typeof funderInput>;

export const funder = funderInput.extend({ id });
export type Funder = z.output<typeof funder>;

export const fundersMethods = {
  'funders/list': defineMethod({
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(funder),
    tx: 'read',
    access: 'user',
  }),
  'funders/save': defineMethod({
    input: z.object({ id: id.optional(), funder: funderInput }),
    output: funder,
    tx: 'write',
    access: 'user',
  }),
};
