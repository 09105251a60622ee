import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NOT_A_CERTIFICATE,
  PRIVATE_KEY_REFUSED,
  authorityTextIssue,
  expiredCertificates,
  hasExpired,
  isPrivateKeyLabel,
  pemBlocks,
  rootIssue,
} from '../../src-main/domain/postgres-authority';
import { checkPostgresSetting } from '../../src-main/domain/postgres-connection';

const block = (label: string, body = 'MIIBAAAA') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

describe('what the authority’s file may hold (RFC 7468 labels)', () => {
  it.each([
    ['one certificate', block('CERTIFICATE'), null],
    [
      'a chain of certificates, with the text OpenSSL writes around them',
      `subject=CN=Racine\n${block('CERTIFICATE')}\nissuer=CN=Racine\n${block('CERTIFICATE')}`,
      null,
    ],
    ['a PKCS#8 key alone', block('PRIVATE KEY'), PRIVATE_KEY_REFUSED],
    ['an encrypted key', block('ENCRYPTED PRIVATE KEY'), PRIVATE_KEY_REFUSED],
    [
      'OpenSSL’s RSA key after the certificate',
      `${block('CERTIFICATE')}${block('RSA PRIVATE KEY')}`,
      PRIVATE_KEY_REFUSED,
    ],
    ['an EC key before the certificate', `${block('EC PRIVATE KEY')}${block('CERTIFICATE')}`, PRIVATE_KEY_REFUSED],
    ['a key whose end line was cut', `${block('CERTIFICATE')}-----BEGIN PRIVATE KEY-----\nMIIE`, PRIVATE_KEY_REFUSED],
    ['plain text', 'Le mot de passe est dans le mail.', NOT_A_CERTIFICATE],
    ['a certificate whose end line was cut', '-----BEGIN CERTIFICATE-----\nMIIB', NOT_A_CERTIFICATE],
    ['boundaries naming two labels', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END X509 CRL-----\n', NOT_A_CERTIFICATE],
  ])('%s', (_case, text, expected) => {
    expect(authorityTextIssue(text)).toBe(expected);
  });

  it.each([
    ['a public key', 'PUBLIC KEY'],
    ['a certificate request', 'CERTIFICATE REQUEST'],
    ['a revocation list', 'X509 CRL'],
  ])('refuses %s beside the certificate, naming it', (_case, label) => {
    expect(authorityTextIssue(`${block('CERTIFICATE')}${block(label)}`)).toBe(
      `Ce fichier contient autre chose qu’un certificat (« ${label} »). Demandez à votre prestataire informatique le seul certificat de l’autorité (un fichier .crt ou .pem qui commence par « -----BEGIN CERTIFICATE----- »).`,
    );
  });

  it.each([
    ['PRIVATE KEY', true],
    ['RSA PRIVATE KEY', true],
    ['ENCRYPTED PRIVATE KEY', true],
    ['PUBLIC KEY', false],
    ['CERTIFICATE', false],
    ['PRIVATE KEYS', false],
  ])('« %s » names a private key: %s', (label, expected) => {
    expect(isPrivateKeyLabel(label)).toBe(expected);
  });

  it('refuses any text holding a private key, whatever surrounds it (property)', () => {
    const label = fc.constantFrom('PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY');
    const other = fc.array(fc.constantFrom(block('CERTIFICATE'), 'texte\n', block('PUBLIC KEY')), { maxLength: 4 });
    fc.assert(
      fc.property(other, label, other, (before, key, after) => {
        expect(authorityTextIssue([...before, block(key), ...after].join(''))).toBe(PRIVATE_KEY_REFUSED);
      }),
    );
  });

  it('reads back every certificate of a chain, in order, without white space (property)', () => {
    const base64 = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
      minLength: 1,
      maxLength: 200,
    });
    fc.assert(
      fc.property(fc.array(base64, { minLength: 1, maxLength: 5 }), (bodies) => {
        const text = bodies.map((body) => block('CERTIFICATE', body.replace(/(.{64})/g, '$1\r\n'))).join('\n');
        expect(pemBlocks(text)).toEqual(bodies.map((body) => ({ label: 'CERTIFICATE', base64: body })));
        expect(authorityTextIssue(text)).toBeNull();
      }),
    );
  });
});

describe('a trust anchor in the file (RFC 5280 § 6.1)', () => {
  const root = { subject: 'CN=Racine', issuer: 'CN=Racine', selfSigned: true };
  const server = { subject: 'CN=base.mairie.fr', issuer: 'CN=Racine', selfSigned: false };
  const intermediate = { subject: 'CN=Intermédiaire', issuer: 'CN=Racine', selfSigned: false };
  it.each([
    ['the root alone', [root], null],
    ['a self-signed server certificate', [{ ...server, issuer: server.subject, selfSigned: true }], null],
    ['the server’s certificate followed by its root (fullchain with the root)', [server, root], null],
    [
      'the server’s certificate alone',
      [server],
      'Ce fichier ne contient pas le certificat d’une autorité racine : « CN=base.mairie.fr » est signé par « CN=Racine ». Demandez à votre prestataire informatique le certificat de cette autorité-là (celui de l’autorité racine, qui est signé par elle-même).',
    ],
    [
      'an intermediate and the server, without the root',
      [intermediate, server],
      expect.stringMatching(/« CN=Intermédiaire » est signé par « CN=Racine »/),
    ],
  ])('%s', (_case, certificates, expected) => {
    expect(rootIssue(certificates)).toEqual(expected);
  });
});

describe('when the authority has expired (RFC 5280 § 4.1.2.5)', () => {
  const until = '2030-06-30T12:00:00.000Z';
  it.each([
    ['a second before its end', '2030-06-30T11:59:59.000Z', false],
    ['at its very end', '2030-06-30T12:00:00.000Z', false],
    ['a second after', '2030-06-30T12:00:01.000Z', true],
  ])('%s: expired %s', (_case, now, expected) => {
    expect(hasExpired({ validUntil: until }, new Date(now))).toBe(expected);
  });

  it('names the expired certificates of a file, in order', () => {
    const old = { validUntil: '2020-01-01T00:00:00.000Z', name: 'ancienne' };
    const current = { validUntil: until, name: 'en cours' };
    expect(expiredCertificates([old, current], new Date('2026-12-03T00:00:00Z'))).toEqual([old]);
  });
});

describe('the authority in the setting', () => {
  const at = { host: 'base.mairie.fr', port: 5432, database: 'passerelle', user: 'passerelle' };
  const authority = block('CERTIFICATE');
  it.each([
    ['verify', []],
    ['no-verify', ['authority']],
    ['disable', ['tls', 'authority']],
  ] as const)('goes with « TLS obligatoire » only: %s', (tls, fields) => {
    expect(checkPostgresSetting({ ...at, tls, authority }).issues.map((i) => i.field)).toEqual(fields);
    expect(checkPostgresSetting({ ...at, tls, authority: null }).issues.map((i) => i.field)).toEqual(
      fields.filter((f) => f !== 'authority'),
    );
  });

  it('calls « TLS sans vérification » a last resort, and says what to ask for instead', () => {
    expect(checkPostgresSetting({ ...at, tls: 'no-verify' }).warnings[0]).toMatch(
      /en dernier recours seulement : demandez plutôt à votre prestataire informatique le certificat de son autorité/,
    );
  });
});
