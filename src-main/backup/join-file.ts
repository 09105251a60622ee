/**
 * The « fichier de raccordement » (issue 28): what a PC needs to join a
 * Passerelle database on a PostgreSQL server that other PCs already use — the
 * server's setting, the PostgreSQL password and the access journal's key —
 * encrypted under a passphrase the administrator chooses, with the backups'
 * cryptography (backup/keys.ts: scrypt with the backups' cost; backup/format.ts:
 * AES-256-GCM, the key check that tells a wrong passphrase from a damaged file):
 *
 *   "PSRLRAC1" | version u8 = 1 | salt (16) | log2(N) u8 | r u8 | p u8 |
 *   key check (8) | IV (12) | ciphertext | GCM tag (16)
 *
 * The whole header is the associated data: changing one byte of it fails
 * authentication. Nothing of the content is in clear, not even the server's
 * name.
 */
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../shared/errors';
import { postgresSettingInput } from '../shared/contract/storage';
import { keyCheck, kdfWithinLimits, type KdfParams } from './format';
import { deriveKey, newSalt } from './keys';

export const JOIN_MAGIC = Buffer.from('PSRLRAC1', 'ascii');
const JOIN_VERSION = 1;
const HEADER_BYTES = 8 + 1 + 16 + 3 + 8;
/** The file's extension, so the dialog and the person recognise it. */
export const JOIN_FILE_EXTENSION = 'passerelle-raccordement';

const joinContent = z.object({
  kind: z.literal('passerelle-raccordement'),
  setting: postgresSettingInput,
  password: z.string().min(1),
  /** The journal's key, base64. */
  journalKey: z.string().min(1),
  madeAt: z.string(),
});
export type JoinContent = z.output<typeof joinContent>;

export const NOT_A_JOIN_FILE =
  'Ce fichier n’est pas un fichier de raccordement de Passerelle. Choisissez le fichier « .passerelle-raccordement » fait sur un poste déjà raccordé.';
export const WRONG_JOIN_PASSPHRASE =
  'La phrase de passe ne correspond pas à ce fichier de raccordement. Demandez-la à l’administrateur qui a fait le fichier.';
export const DAMAGED_JOIN_FILE =
  'Ce fichier de raccordement est abîmé ou a été modifié. Faites-en un nouveau sur un poste déjà raccordé.';

export async function sealJoinFile(content: JoinContent, passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const salt = newSalt();
  const key = await deriveKey(passphrase, salt, kdf);
  const header = Buffer.alloc(HEADER_BYTES);
  JOIN_MAGIC.copy(header, 0);
  header.writeUInt8(JOIN_VERSION, 8);
  salt.copy(header, 9);
  header.writeUInt8(kdf.log2N, 25);
  header.writeUInt8(kdf.r, 26);
  header.writeUInt8(kdf.p, 27);
  keyCheck(key).copy(header, 28);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return Buffer.concat([header, iv, body, cipher.getAuthTag()]);
}

export async function openJoinFile(bytes: Buffer, passphrase: string): Promise<JoinContent> {
  if (bytes.length < HEADER_BYTES + 12 + 16 || !bytes.subarray(0, 8).equals(JOIN_MAGIC))
    throw new AppError('INVALID_INPUT', NOT_A_JOIN_FILE, { field: 'path' });
  if (bytes.readUInt8(8) !== JOIN_VERSION) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      'Ce fichier de raccordement vient d’une version plus récente de Passerelle : mettez Passerelle à jour sur ce PC.',
    );
  }
  const kdf = { log2N: bytes.readUInt8(25), r: bytes.readUInt8(26), p: bytes.readUInt8(27) };
  // Checked before deriving: a forged header must not hold the PC for minutes.
  if (!kdfWithinLimits(kdf)) throw new AppError('INVALID_INPUT', NOT_A_JOIN_FILE, { field: 'path' });
  const header = bytes.subarray(0, HEADER_BYTES);
  const key = await deriveKey(passphrase, Buffer.from(bytes.subarray(9, 25)), kdf);
  if (!timingSafeEqual(header.subarray(28, 36), keyCheck(key)))
    throw new AppError('INVALID_INPUT', WRONG_JOIN_PASSPHRASE, { field: 'passphrase' });
  const iv = bytes.subarray(HEADER_BYTES, HEADER_BYTES + 12);
  const body = bytes.subarray(HEADER_BYTES + 12, bytes.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(header);
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  let text: string;
  try {
    text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('INVALID_INPUT', DAMAGED_JOIN_FILE, { field: 'path' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const valid = joinContent.safeParse(parsed);
  if (!valid.success) throw new AppError('INVALID_INPUT', DAMAGED_JOIN_FILE, { field: 'path' });
  return valid.data;
}
