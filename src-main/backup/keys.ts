import { randomBytes, randomInt, scrypt } from 'node:crypto';
import type { KdfParams } from './format';

/** scrypt N=2^17, r=8: about 128 MiB and half a second, once per passphrase (never per backup). */
export const BACKUP_KDF: KdfParams = { log2N: 17, r: 8, p: 1 };

export function deriveKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export function newSalt(): Buffer {
  return randomBytes(16);
}

export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Where the derived key is kept on this PC, so daily backups need no typing.
 * The desktop app protects it with the OS (Electron safeStorage); browser
 * mode and the tests keep it in a file readable by the user only.
 */
export interface KeyStore {
  save(keyId: string, key: Buffer): Promise<void>;
  load(keyId: string): Promise<Buffer | null>;
}

const WORDS =
  'abeille anorak ardoise avoine balcon baleine bambou banane barque bateau bougie boussole brioche bruyère cabane cactus caillou canard carotte castor cerise chaloupe chameau chardon chaton citron clairière colline comète coquille corail cornichon crayon criquet dauphin domino dune écharpe écureuil églantine éponge escargot étoile faucon fenouil fougère framboise fromage galet gazelle genêt girafe glycine goéland gravier grenier guitare hamac hérisson hibou horloge igloo iris jardin jonquille kayak lagune lanterne lavande lézard libellule lilas loutre lucarne luciole mandarine marmotte mésange miel mimosa moulin muguet myrtille navet nuage olive orage ortie panda papillon pastèque pelouse pervenche phare pingouin pinson pirogue poivron pomme potiron prairie puzzle radis rainette renard rivière roseau ruisseau sable sapin sardine sauge sentier sirop soleil sureau tambour tilleul tomate tortue toucan tulipe vallée vanille verger violette voilier zèbre'.split(
    ' ',
  );

/**
 * 12 words drawn uniformly from 128: 12 × 7 = 84 bits, above the 80 bits the
 * CNIL asks of a secret that faces an offline attack with no lockout
 * (délibération 2022-100), and still easy to copy onto the recovery sheet.
 */
export const SUGGESTED_WORDS = 12;
export const SUGGESTION_BITS = SUGGESTED_WORDS * Math.log2(WORDS.length);

export function suggestPassphrase(): string {
  return Array.from({ length: SUGGESTED_WORDS }, () => WORDS[randomInt(WORDS.length)]).join('-');
}
