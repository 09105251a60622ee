import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeHeader, encodeHeader, KDF_LIMITS, UNKNOWN_KDF, type KdfParams } from '../../src-main/backup/format';
import { BACKUP_KDF } from '../../src-main/backup/keys';

const header = (kdf: KdfParams) =>
  encodeHeader({ keyId: '0123456789abcdef', salt: Buffer.alloc(16, 1), kdf, chunkBytes: 1048576 }, randomBytes(32));

describe('scrypt costs in a backup header, bounded before any derivation', () => {
  it('accepts what Passerelle writes', () => {
    expect(decodeHeader(header(BACKUP_KDF)).kdf).toEqual(BACKUP_KDF);
    expect(BACKUP_KDF.log2N).toBeLessThanOrEqual(KDF_LIMITS.maxLog2N);
  });

  it.each([
    [{ log2N: 9, r: 8, p: 1 }, false],
    [{ log2N: 10, r: 8, p: 1 }, true],
    [{ log2N: 17, r: 8, p: 1 }, true],
    [{ log2N: 18, r: 8, p: 1 }, true],
    [{ log2N: 19, r: 8, p: 1 }, false],
    [{ log2N: 255, r: 8, p: 1 }, false],
    [{ log2N: 17, r: 7, p: 1 }, false],
    [{ log2N: 17, r: 9, p: 1 }, false],
    [{ log2N: 17, r: 255, p: 1 }, false],
    [{ log2N: 17, r: 8, p: 0 }, false],
    [{ log2N: 17, r: 8, p: 2 }, false],
    [{ log2N: 17, r: 8, p: 255 }, false],
  ])('%o → accepted: %s', (kdf, accepted) => {
    if (accepted) expect(decodeHeader(header(kdf)).kdf).toEqual(kdf);
    else expect(() => decodeHeader(header(kdf))).toThrow(UNKNOWN_KDF);
  });
});
