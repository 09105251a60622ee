import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { id } from './fields';

/**
 * Several PCs in one office (issue 29): the « Poste serveur » holds the data
 * and answers the other PCs over HTTPS on the office network; each PC is
 * paired once with a one-time code an administrator makes here, and can be
 * revoked here.
 */
export const lanDevice = z.object({
  id,
  name: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
});
export type LanDevice = z.output<typeof lanDevice>;

export const lanStatus = z.object({
  /** Null when this Passerelle is not running as the server (`npm run server`). */
  server: z
    .object({
      address: z.string(),
      port: z.number().int(),
      /** SHA-256 of the server’s certificate, « AB:CD:… »: compared on each PC when pairing. */
      fingerprint: z.string(),
    })
    .nullable(),
  devices: z.array(lanDevice),
  /** Codes made and not yet used nor expired. */
  liveCodes: z.number().int(),
});
export type LanStatus = z.output<typeof lanStatus>;

export const lanMethods = {
  'lan/status': defineMethod({ input: noInput, output: lanStatus, tx: 'read', access: 'user' }),
  /** A one-time code (« ABCD-EFGH »), valid 10 minutes, to type on the PC to pair. Shown once, stored hashed. */
  'lan/createPairingCode': defineMethod({
    input: noInput,
    output: z.object({ code: z.string(), expiresAt: z.string() }),
    tx: 'write',
    access: 'user',
  }),
  /** From now on the PC is refused, and whoever was signed in through it is signed out. */
  'lan/revokeDevice': defineMethod({
    input: z.object({ id }),
    output: z.object({ done: z.literal(true) }),
    tx: 'write',
    access: 'user',
  }),
};
