/**
 * Reads the certificate file of the town’s authority (domain/postgres-authority.ts says what it must hold):
 * its certificates as PEM text, the one form Node’s `tls` takes as `ca`, and what the secretary reads to the
 * IT provider on the phone (who it names, who signed it, until when, its SHA-256 fingerprint). A DER file
 * (binary, as Windows sometimes saves a .cer) holds one certificate and is turned into PEM.
 */
import { X509Certificate } from 'node:crypto';
import {
  authorityTextIssue,
  expiredCertificates,
  NOT_A_CERTIFICATE,
  pemBlocks,
  PRIVATE_KEY_REFUSED,
  rootIssue,
} from '../domain/postgres-authority';
import { UPLOAD_LIMITS } from '../shared/contract/files';
import type { AuthorityCertificateView } from '../shared/contract/storage';
import { formatFrenchDate } from '../shared/dates';
import { AppError } from '../shared/errors';

export interface Authority {
  /** The file’s certificates, as PEM, one after the other. */
  pem: string;
  certificates: AuthorityCertificateView[];
}

/** « CN=Autorité Mairie, O=Mairie de Kerbrénou »: Node gives one attribute per line. */
function names(text: string): string {
  return text.split('\n').filter(Boolean).join(', ');
}

function view(certificate: X509Certificate): AuthorityCertificateView {
  return {
    subject: names(certificate.subject),
    issuer: names(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validUntil: new Date(certificate.validTo).toISOString(),
    fingerprint: certificate.fingerprint256,
    // Names and signature only: `checkIssued` would also ask a self-signed server certificate for keyCertSign,
    // which OpenSSL does not ask of a trust anchor (the tests connect with one).
    selfSigned: certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey),
  };
}

function refuse(message: string, field: string): never {
  throw new AppError('INVALID_INPUT', message, { field });
}

/** The certificates of a file's bytes, or a French refusal on `field`. Dates are not judged here. */
export function parseAuthority(bytes: Buffer, field: string): Authority {
  if (bytes.length === 0) refuse('Ce fichier est vide. Choisissez le certificat remis par votre prestataire.', field);
  if (bytes.length > UPLOAD_LIMITS.authority.bytes) refuse(UPLOAD_LIMITS.authority.tooBig, field);
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN')) {
    const issue = authorityTextIssue(text);
    if (issue) refuse(issue, field);
    const certificates: X509Certificate[] = [];
    for (const block of pemBlocks(text)) {
      const pem = `-----BEGIN CERTIFICATE-----\n${block.base64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
      try {
        certificates.push(new X509Certificate(pem));
      } catch {
        refuse(
          'Un certificat de ce fichier est abîmé (illisible). Demandez à votre prestataire informatique de vous l’envoyer de nouveau.',
          field,
        );
      }
    }
    return rooted({ pem: certificates.map((c) => c.toString()).join(''), certificates: certificates.map(view) }, field);
  }
  // No PEM boundary: a binary (DER) certificate, or anything else.
  if (/PRIVATE KEY/.test(text)) refuse(PRIVATE_KEY_REFUSED, field);
  try {
    const certificate = new X509Certificate(bytes);
    return rooted({ pem: certificate.toString(), certificates: [view(certificate)] }, field);
  } catch (error) {
    if (error instanceof AppError) throw error;
    return refuse(NOT_A_CERTIFICATE, field);
  }
}

function rooted(authority: Authority, field: string): Authority {
  const issue = rootIssue(authority.certificates);
  if (issue) refuse(issue, field);
  return authority;
}

/** A file chosen now: refused too when every certificate in it has expired, with the date. */
export function readAuthorityFile(bytes: Buffer, now: Date, field = 'path'): Authority {
  const authority = parseAuthority(bytes, field);
  const expired = expiredCertificates(authority.certificates, now);
  if (expired.length === authority.certificates.length) {
    const first = expired[0]!;
    refuse(
      `Ce certificat d’autorité a expiré le ${formatFrenchDate(first.validUntil.slice(0, 10))} (« ${first.subject} ») : il ne permet plus de vérifier le serveur. Demandez à votre prestataire informatique le certificat en cours de son autorité.`,
      field,
    );
  }
  return authority;
}

/** The certificates of an authority kept in a setting, for messages; null when none or unreadable. */
export function authorityCertificates(pem: string | null | undefined): AuthorityCertificateView[] | null {
  if (!pem) return null;
  try {
    return parseAuthority(Buffer.from(pem, 'latin1'), 'setting.authority').certificates;
  } catch {
    return null;
  }
}
