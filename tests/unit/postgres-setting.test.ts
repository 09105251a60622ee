import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPostgresSetting,
  databaseIssue,
  hostIssue,
  isLocalHost,
  MIN_SERVER_VERSION_NUM,
  portIssue,
  serverTooOld,
  serverVersionLabel,
  tlsIssue,
  userIssue,
  type PostgresSetting,
} from '../../src-main/domain/postgres-connection';

const GOOD: PostgresSetting = {
  host: 'base.mairie-kerbrenou.fr',
  port: 5432,
  database: 'passerelle',
  user: 'passerelle',
  tls: 'verify',
};

describe('PostgreSQL host', () => {
  it.each([
    ['base.mairie-kerbrenou.fr', true],
    ['localhost', true],
    ['serveur', true],
    ['192.168.1.20', true],
    ['255.255.255.255', true],
    ['256.1.1.1', false],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['2001:db8:0:0:0:0:0:1', true],
    ['2001:db8::1::2', false],
    ['', false],
    ['   ', false],
    ['postgres://base', false],
    ['base/passerelle', false],
    ['base mairie', false],
    ['base.mairie.fr:5432', false],
    ['béziers.fr', false],
    ['-base.fr', false],
    [`${'a'.repeat(63)}.fr`, true],
    [`${'a'.repeat(64)}.fr`, false],
    [Array(127).fill('a').join('.'), true], // 253 characters
    [`${Array(127).fill('a').join('.')}a`, false], // 254 characters
  ])('%s → %s', (host, accepted) => {
    expect(hostIssue(host) === null).toBe(accepted);
  });
});

describe('PostgreSQL port', () => {
  it.each([
    [0, false],
    [1, true],
    [5432, true],
    [65535, true],
    [65536, false],
    [-1, false],
    [5432.5, false],
    [Number.NaN, false],
  ])('%s → %s', (port, accepted) => {
    expect(portIssue(port) === null).toBe(accepted);
  });

  it('accepts exactly the integers 1 to 65535 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 200_000 }), (port) => {
        expect(portIssue(port) === null).toBe(port >= 1 && port <= 65535);
      }),
    );
  });
});

describe('database and user names', () => {
  it.each([
    ['passerelle', true],
    ['_passerelle', true],
    ['passerelle_2026', true],
    ['ccas$prod', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['', false],
    ['Passerelle', false],
    ['2026passerelle', false],
    ['passerelle-prod', false],
    ['données', false],
    ['template0', false],
    ['template1', false],
    ['template2', true],
  ])('database %s → %s', (name, accepted) => {
    expect(databaseIssue(name) === null).toBe(accepted);
  });

  it.each([
    ['passerelle', true],
    ['pg_passerelle', false],
    ['pgpasserelle', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['', false],
    ['Élodie', false],
  ])('user %s → %s', (name, accepted) => {
    expect(userIssue(name) === null).toBe(accepted);
  });

  it('accepts every lower-case identifier of 1 to 63 characters (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_][a-z0-9_$]{0,62}$/), (name) => {
        fc.pre(!name.startsWith('pg_') && name !== 'template0' && name !== 'template1');
        expect(databaseIssue(name)).toBeNull();
        expect(userIssue(name)).toBeNull();
      }),
    );
  });
});

describe('TLS mode', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['128.0.0.1', false],
    ['::1', true],
    ['[::1]', true],
    ['192.168.1.20', false],
    ['base.mairie.fr', false],
    ['localhost.mairie.fr', false],
  ])('without TLS on %s → %s', (host, accepted) => {
    expect(isLocalHost(host)).toBe(accepted);
    expect(tlsIssue('disable', host) === null).toBe(accepted);
  });

  it('allows TLS, checked or not, towards any host', () => {
    expect(tlsIssue('verify', 'base.mairie.fr')).toBeNull();
    expect(tlsIssue('no-verify', 'base.mairie.fr')).toBeNull();
  });

  it('says why clear text is refused, in French', () => {
    expect(tlsIssue('disable', '192.168.1.20')).toMatch(/en clair sur le réseau/);
  });
});

describe('a whole setting', () => {
  it('accepts the recommended setting without a warning', () => {
    expect(checkPostgresSetting(GOOD)).toEqual({ issues: [], warnings: [] });
  });

  it('lists every field at fault at once', () => {
    const { issues } = checkPostgresSetting({ host: '', port: 0, database: 'Base', user: 'pg_x', tls: 'verify' });
    expect(issues.map((i) => i.field)).toEqual(['host', 'port', 'database', 'user']);
    for (const issue of issues) expect(issue.message).toMatch(/[a-zé]{3}/);
  });

  it('discourages an unchecked certificate and the superuser, without refusing them', () => {
    const check = checkPostgresSetting({ ...GOOD, tls: 'no-verify', user: 'postgres' });
    expect(check.issues).toEqual([]);
    expect(check.warnings).toHaveLength(2);
    expect(check.warnings[0]).toMatch(/Déconseillé/);
  });
});

describe('server version', () => {
  it.each([
    [140012, true],
    [149999, true],
    [150000, false],
    [150008, false],
    [180004, false],
  ])('%s too old → %s', (versionNum, tooOld) => {
    expect(serverTooOld(versionNum)).toBe(tooOld);
  });

  it.each([
    [180004, '18.4'],
    [150000, '15.0'],
    [90624, '9.6.24'],
  ])('%s reads %s', (versionNum, label) => {
    expect(serverVersionLabel(versionNum)).toBe(label);
  });

  it('asks for PostgreSQL 15 or later', () => {
    expect(MIN_SERVER_VERSION_NUM).toBe(150000);
  });
});
