/**
 * The encrypted backup file (".passerelle-backup"), version 2:
 *
 *   header (56 bytes): "PSRLBAK1" | version u8 = 2 | key id (16 ASCII hex) |
 *                      salt (16) | log2(N) u8 | r u8 | p u8 | chunk size u32 BE |
 *                      key check (8: HMAC-SHA256 of a constant, tells a wrong
 *                      passphrase from a damaged file)
 *   chunks:            length u32 BE | IV (12, random) | ciphertext | GCM tag (16)
 *
 * Each chunk is AES-256-GCM with, as associated data, the whole header, the
 * chunk's index (u32 BE) and a final flag (u8): reordering, dropping or
 * appending chunks, or changing one header byte, fails authentication, and a
 * file cut short has no final chunk. The salt and scrypt parameters in the
 * header let any PC derive the key from the passphrase alone.
 *
 * Version 2 (issue 28) changed what the archive holds, not the encryption:
 * the data as a logical copy of every table ("donnees.jsonl", db/logical.ts)
 * instead of the SQLite file, so a backup restores on SQLite and PostgreSQL
 * alike. Version 1 backups (a "passerelle.sqlite" inside) stay readable; a
 * Passerelle that knows only version 1 refuses version 2 as "more recent".
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../shared/errors';

export const MAGIC = Buffer.from('PSRLBAK1', 'ascii');
export const FORMAT_VERSION = 2;
/** The versions this Passerelle reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
export const HEADER_BYTES = 56;
export const CHUNK_BYTES = 1024 * 1024;

export interface KdfParams {
  log2N: number;
  r: number;
  p: number;
}

export interface BackupHeader {
  /** 1: the SQLite file inside; 2: the logical copy. Written as FORMAT_VERSION. */
  version?: number;
  keyId: string;
  salt: Buffer;
  kdf: KdfParams;
  chunkBytes: number;
}

export function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('passerelle-key-check').digest().subarray(0, 8);
}

export function encodeHeader(h: BackupHeader, key: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(FORMAT_VERSION, 8);
  header.write(h.keyId, 9, 16, 'ascii');
  h.salt.copy(header, 25, 0, 16);
  header.writeUInt8(h.kdf.log2N, 41);
  header.writeUInt8(h.kdf.r, 42);
  header.writeUInt8(h.kdf.p, 43);
  header.writeUInt32BE(h.chunkBytes, 44);
  keyCheck(key).copy(header, 48);
  return header;
}

export const NOT_A_BACKUP = 'Ce fichier n’est pas une sauvegarde de Passerelle (ou il est vide).';
export const UNKNOWN_KDF =
  'Cette sauvegarde demande des réglages de chiffrement que Passerelle n’utilise pas : elle n’a pas été faite par Passerelle. Elle ne peut pas être restaurée.';

/**
 * The scrypt costs a header may ask for, checked before any key derivation:
 * a forged header asking N=2^30 or p=255 would otherwise hold the PC for
 * minutes and gigabytes. Passerelle writes N=2^17, r=8, p=1 (BACKUP_KDF);
 * 2^18 leaves room for one future raise, 2^10 is the cheap cost tests write.
 */
export const KDF_LIMITS = { minLog2N: 10, maxLog2N: 18, r: 8, p: 1 } as const;

export function kdfWithinLimits(kdf: KdfParams): boolean {
  return (
    kdf.log2N >= KDF_LIMITS.minLog2N &&
    kdf.log2N <= KDF_LIMITS.maxLog2N &&
    kdf.r === KDF_LIMITS.r &&
    kdf.p === KDF_LIMITS.p
  );
}

export function decodeHeader(bytes: Buffer): BackupHeader {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(MAGIC))
    throw new AppError('INVALID_INPUT', NOT_A_BACKUP);
  const version = bytes.readUInt8(8);
  if (!READABLE_VERSIONS.includes(version)) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      'Cette sauvegarde vient d’une version plus récente de Passerelle : mettez Passerelle à jour pour la restaurer.',
    );
  }
  const kdf = { log2N: bytes.readUInt8(41), r: bytes.readUInt8(42), p: bytes.readUInt8(43) };
  if (!kdfWithinLimits(kdf)) throw new AppError('INVALID_INPUT', UNKNOWN_KDF);
  return {
    version,
    keyId: bytes.toString('ascii', 9, 25),
    salt: Buffer.from(bytes.subarray(25, 41)),
    kdf,
    chunkBytes: bytes.readUInt32BE(44),
  };
}

function aad(header: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([header, tail]);
}

/**
 * Encryption and decryption go through the cipher a slice at a time into a
 * caller's buffer: one allocation of a chunk's size per chunk, repeated
 * hundreds of times in a large backup, is what made the process grow.
 */
const SLICE_BYTES = 64 * 1024;

/** Runs `input` through a cipher slice by slice, writing its output into `out` at `at`; returns the bytes written. */
function pour(cipher: { update(data: Buffer): Buffer }, input: Buffer, out: Buffer, at: number): number {
  let written = 0;
  for (let start = 0; start < input.length; start += SLICE_BYTES)
    written += cipher.update(input.subarray(start, start + SLICE_BYTES)).copy(out, at + written);
  return written;
}

/** Bytes a framed chunk of `plaintextBytes` takes: length, IV, ciphertext, tag. */
export const framedBytes = (plaintextBytes: number) => 4 + 12 + plaintextBytes + 16;

/**
 * One encrypted chunk, framed, written into `into` when given (the returned
 * buffer is then a view of it). IVs are random (96 bits): never reused under
 * a key in practice.
 */
export function sealChunk(
  key: Buffer,
  header: Buffer,
  index: number,
  final: boolean,
  plaintext: Buffer,
  into?: Buffer,
): Buffer {
  const out = into ?? Buffer.allocUnsafe(framedBytes(plaintext.length));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(header, index, final));
  out.writeUInt32BE(plaintext.length, 0);
  iv.copy(out, 4);
  let at = 16 + pour(cipher, plaintext, out, 16);
  at += cipher.final().copy(out, at);
  at += cipher.getAuthTag().copy(out, at);
  return out.subarray(0, at);
}

export const DAMAGED =
  'Cette sauvegarde est abîmée ou a été modifiée : elle ne peut pas être restaurée. Essayez une autre sauvegarde.';
export const TRUNCATED =
  'Cette sauvegarde est incomplète (fichier coupé, clé retirée trop tôt ?) : elle ne peut pas être restaurée.';
export const WRONG_KEY = 'La phrase de passe ne correspond pas à cette sauvegarde.';

/** Where encrypted bytes are read from: a file read piece by piece, or a buffer in tests. */
export interface ChunkSource {
  size: number;
  read(offset: number, length: number): Buffer;
}

export const bufferSource = (bytes: Buffer): ChunkSource => ({
  size: bytes.length,
  read: (offset, length) => bytes.subarray(offset, offset + length),
});

/**
 * Decrypts a backup chunk by chunk, calling `onChunk` with each authenticated
 * plaintext chunk in order, so a backup larger than memory can be read. The
 * chunk handed over lives in one buffer reused for the next: use or copy it
 * before returning. Any failure is a French AppError.
 */
export function openChunks(
  key: Buffer,
  input: Buffer | ChunkSource,
  onChunk: (plaintext: Buffer) => void,
): BackupHeader {
  const source = Buffer.isBuffer(input) ? bufferSource(input) : input;
  const headerBytes = Buffer.from(source.read(0, HEADER_BYTES));
  const header = decodeHeader(headerBytes);
  if (!timingSafeEqual(headerBytes.subarray(48, 56), keyCheck(key))) throw new AppError('INVALID_INPUT', WRONG_KEY);
  let plaintext = Buffer.allocUnsafe(0);
  let offset = HEADER_BYTES;
  let index = 0;
  for (;;) {
    if (offset + 4 + 12 + 16 > source.size) throw new AppError('INVALID_INPUT', TRUNCATED);
    const length = source.read(offset, 4).readUInt32BE(0);
    const end = offset + 4 + 12 + length + 16;
    if (length > header.chunkBytes + 16 || end > source.size)
      throw new AppError('INVALID_INPUT', end > source.size ? TRUNCATED : DAMAGED);
    const framed = source.read(offset + 4, 12 + length + 16);
    const sealed = {
      iv: framed.subarray(0, 12),
      body: framed.subarray(12, 12 + length),
      tag: framed.subarray(12 + length),
    };
    const final = end === source.size;
    if (plaintext.length < length) plaintext = Buffer.allocUnsafe(length);
    if (!unseal(key, headerBytes, index, final, sealed, plaintext)) {
      // Sealed as a middle chunk, found last: the rest of the file is missing.
      if (final && unseal(key, headerBytes, index, false, sealed, plaintext))
        throw new AppError('INVALID_INPUT', TRUNCATED);
      throw new AppError('INVALID_INPUT', DAMAGED);
    }
    onChunk(plaintext.subarray(0, length));
    if (final) return header;
    offset = end;
    index++;
  }
}

/** Decrypts into `out`; false when authentication fails (then `out` holds nothing usable and is never handed over). */
function unseal(
  key: Buffer,
  header: Buffer,
  index: number,
  final: boolean,
  sealed: { iv: Buffer; body: Buffer; tag: Buffer },
  out: Buffer,
): boolean {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(aad(header, index, final));
  decipher.setAuthTag(sealed.tag);
  try {
    const written = pour(decipher, sealed.body, out, 0);
    decipher.final().copy(out, written);
    return true;
  } catch {
    return false;
  }
}
