/**
 * The « autorité de certification de la mairie »: the certificate a town’s IT
 * provider hands over so that « TLS obligatoire » can check a server whose
 * certificate no public authority signed (an internal authority, or the
 * server’s own self-signed certificate). What the file must hold, read from
 * its text alone. Pure: no I/O; the certificates’ contents are read by
 * db/postgres-authority.ts.
 *
 * Sources:
 * - libpq, « 34.19.1. Client Verification of Server Certificates »
 *   (https://www.postgresql.org/docs/current/libpq-ssl.html): with
 *   `sslmode=verify-full`, `sslrootcert` names the root certificate(s) the
 *   server’s chain must lead to; for a self-signed server certificate, that
 *   certificate itself.
 * - RFC 7468 « Textual Encodings of PKIX, PKCS, and CMS Structures » § 2
 *   (the « -----BEGIN label----- » / « -----END label----- » boundaries, the
 *   same label at both ends), § 5 (label CERTIFICATE), § 10 and § 11
 *   (PRIVATE KEY, ENCRYPTED PRIVATE KEY); OpenSSL’s older « RSA PRIVATE KEY »,
 *   « EC PRIVATE KEY » and « DSA PRIVATE KEY » name keys too.
 * - RFC 5280 § 4.1.2.5: a certificate is valid up to and including its
 *   notAfter instant, expired after it. § 6.1: a path ends at a trust anchor;
 *   OpenSSL (and BoringSSL, in Electron) take as anchor only a self-signed
 *   certificate unless asked for partial chains, which Node does not: a file
 *   without a self-signed certificate never verifies anything.
 */

export interface PemBlock {
  label: string;
  /** The base64 between the boundaries, without white space. */
  base64: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/** The PEM blocks of a text, in order; a block whose end names another label is not one. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const [, begin = '', body = '', end = ''] = match;
    if (begin !== end) continue;
    blocks.push({ label: begin, base64: body.replace(/\s+/g, '') });
  }
  return blocks;
}

/** Whether a PEM label names a private key (RFC 7468 § 10, § 11; OpenSSL’s traditional forms). */
export function isPrivateKeyLabel(label: string): boolean {
  return /(^|\s)PRIVATE KEY$/.test(label);
}

export const PRIVATE_KEY_REFUSED =
  'Ce fichier contient une clé privée : elle doit rester sur le serveur et ne jamais circuler. Demandez à votre prestataire informatique de vous envoyer seulement le certificat (le fichier .crt ou .pem de l’autorité, sans clé), et supprimez ce fichier-ci de cet ordinateur.';

export const NOT_A_CERTIFICATE =
  'Ce fichier n’est pas un certificat. Demandez à votre prestataire informatique le certificat de l’autorité qui a signé celui du serveur PostgreSQL (un fichier .crt ou .pem qui commence par « -----BEGIN CERTIFICATE----- »).';

/**
 * What is wrong with the text of a PEM file offered as the authority, or null when it holds certificates
 * only. A private key anywhere in it refuses the whole file, whatever else it holds.
 */
export function authorityTextIssue(text: string): string | null {
  const blocks = pemBlocks(text);
  if (blocks.some((block) => isPrivateKeyLabel(block.label)) || /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text))
    return PRIVATE_KEY_REFUSED;
  if (blocks.length === 0) return NOT_A_CERTIFICATE;
  const other = blocks.find((block) => block.label !== 'CERTIFICATE');
  if (other)
    return `Ce fichier contient autre chose qu’un certificat (« ${other.label} »). Demandez à votre prestataire informatique le seul certificat de l’autorité (un fichier .crt ou .pem qui commence par « -----BEGIN CERTIFICATE----- »).`;
  return null;
}

export interface AuthorityValidity {
  /** RFC 5280 notAfter, as an ISO instant. */
  validUntil: string;
}

/** Whether a certificate has expired at `now` (valid up to and including its notAfter instant). */
export function hasExpired(certificate: AuthorityValidity, now: Date): boolean {
  return now.getTime() > Date.parse(certificate.validUntil);
}

/** The certificates of the file that have expired at `now`, in the file’s order. */
export function expiredCertificates<T extends AuthorityValidity>(certificates: readonly T[], now: Date): T[] {
  return certificates.filter((certificate) => hasExpired(certificate, now));
}

export interface AuthorityNames {
  subject: string;
  issuer: string;
  /** Issued by itself and signed by its own key: a root authority, or a self-signed server certificate. */
  selfSigned: boolean;
}

/**
 * A file without a self-signed certificate: most often the server’s own certificate, or an intermediate, sent
 * instead of the root authority that signed it. Said with the name of the authority to ask for.
 */
export function rootIssue(certificates: readonly AuthorityNames[]): string | null {
  if (certificates.length === 0 || certificates.some((certificate) => certificate.selfSigned)) return null;
  const first = certificates[0]!;
  return `Ce fichier ne contient pas le certificat d’une autorité racine : « ${first.subject} » est signé par « ${first.issuer} ». Demandez à votre prestataire informatique le certificat de cette autorité-là (celui de l’autorité racine, qui est signé par elle-même).`;
}
