import { z } from 'zod';
import { defineMethod, noInput } from './define';

/**
 * This PC’s own link to the Passerelle server of the office (issue 29, « Sur
 * chaque autre PC »): answered by this PC, never sent to the server. A PC is
 * either « local » (its data in its own data folder) or « client » (paired:
 * every other call goes to the server, no database is opened here).
 */
export const POSTE_MODES = ['local', 'client'] as const;
export type PosteMode = (typeof POSTE_MODES)[number];

export const pairedServerView = z.object({
  /** « 192.168.1.10:47443 », as typed back by the person. */
  address: z.string(),
  /** SHA-256 of the pinned certificate, « AB:CD:… ». */
  fingerprint: z.string(),
  deviceId: z.number().int(),
  deviceName: z.string(),
});
export type PairedServerView = z.output<typeof pairedServerView>;

export const posteStatus = z.object({
  mode: z.enum(POSTE_MODES),
  /** The server this PC is paired with, in client mode. */
  server: pairedServerView.nullable(),
  /** This PC’s name on the network, proposed as the device’s name on the server. */
  thisPcName: z.string(),
});
export type PosteStatus = z.output<typeof posteStatus>;

const addressField = z
  .string()
  .trim()
  .min(1, 'Indiquez l’adresse du PC serveur (par exemple 192.168.1.10).')
  .max(300, 'Cette adresse est trop longue.');

export const posteProbeInput = z.object({ address: addressField });

export const postePairInput = z.object({
  address: addressField,
  /** The fingerprint the person compared with the server’s screen: pairing goes on with that certificate only. */
  fingerprint: z.string().trim().min(1),
  code: z
    .string()
    .trim()
    .min(1, 'Saisissez le code d’appairage affiché sur le serveur.')
    .max(40, 'Ce code est trop long : il a 8 caractères.'),
  deviceName: z
    .string()
    .trim()
    .min(1, 'Donnez un nom à ce PC (par exemple « PC de l’accueil »).')
    .max(80, 'Ce nom est trop long (80 caractères au plus).'),
});
export type PostePairInput = z.input<typeof postePairInput>;

export const posteMethods = {
  'poste/status': defineMethod({ input: noInput, output: posteStatus, tx: 'none', access: 'public' }),
  /** Reads the certificate the server presents (nothing is sent, nothing kept but in memory): its fingerprint, to compare. */
  'poste/probe': defineMethod({
    input: posteProbeInput,
    output: z.object({ address: z.string(), fingerprint: z.string() }),
    tx: 'none',
    access: 'setup',
  }),
  /**
   * Pairs this PC with the server just probed, with the one-time code: from
   * then on every call goes to the server (the data of this PC’s folder stays
   * as it is, unused). Everyone signs in again, with their account on the server.
   */
  'poste/pair': defineMethod({
    input: postePairInput,
    output: z.object({ server: pairedServerView }),
    tx: 'none',
    access: 'setup',
    audit: 'change',
  }),
  /** This PC stops working through the server and goes back to its own data folder. */
  'poste/forget': defineMethod({
    input: noInput,
    output: z.object({ done: z.literal(true) }),
    tx: 'none',
    access: 'setup',
    audit: 'change',
  }),
};
