/**
 * The Passerelle server’s TLS certificate: self-signed, made at first start
 * and kept in the data folder (key and certificate readable by the user
 * only). No authority vouches for it: each PC pins its SHA-256 fingerprint
 * when it is paired, after the person comparing it with the one the server
 * shows (console and Paramètres › Poste serveur). The key pair comes from
 * Node’s crypto; node-forge only writes the X.509 certificate (Node cannot).
 */
import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';

export interface ServerCertificate {
  keyPem: string;
  certPem: string;
  /** « AB:CD:… », SHA-256 of the certificate (what Node’s `fingerprint256` gives a client). */
  fingerprint: string;
}

/** Long-lived on purpose: it is pinned, not trusted through an authority, and renewing it means pairing every PC again. */
const VALID_YEARS = 20;

export function certificateFiles(dataDir: string) {
  const dir = path.join(dataDir, 'serveur');
  return { dir, key: path.join(dir, 'cle-tls.pem'), cert: path.join(dir, 'certificat-tls.pem') };
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** Makes a new key and self-signed certificate naming this PC and its address. */
export function makeCertificate(address: string, now: Date = new Date()): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive serial number of 16 random bytes (RFC 5280 § 4.1.2.2).
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 60 * 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(cert.validity.notAfter.getUTCFullYear() + VALID_YEARS);
  const name = [
    { name: 'commonName', value: `Passerelle serveur (${os.hostname().slice(0, 40)})` },
    { name: 'organizationName', value: 'Passerelle' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  const ipv6 = address.includes(':');
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: ipv6 ? address.replace(/%.*$/, '') : address },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { keyPem: privateKey, certPem, fingerprint: fingerprintOf(certPem) };
}

/** The certificate of the data folder, made and written (0600) at the first start. */
export function loadOrMakeCertificate(dataDir: string, address: string): ServerCertificate & { made: boolean } {
  const files = certificateFiles(dataDir);
  if (existsSync(files.key) && existsSync(files.cert)) {
    const certPem = readFileSync(files.cert, 'utf8');
    return { keyPem: readFileSync(files.key, 'utf8'), certPem, fingerprint: fingerprintOf(certPem), made: false };
  }
  const made = makeCertificate(address);
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  writeFileSync(files.key, made.keyPem, { mode: 0o600 });
  writeFileSync(files.cert, made.certPem, { mode: 0o600 });
  return { ...made, made: true };
}
