/**
 * What a PostgreSQL connection setting must be before Passerelle tries it:
 * a host, a port, a database and a role name PostgreSQL accepts, and a TLS
 * mode that keeps the people’s data encrypted on the network. Pure: no I/O.
 *
 * Sources:
 * - names: PostgreSQL documentation, « 4.1.1. Identifiers and Key Words »
 *   (an identifier begins with a letter or an underscore, then letters,
 *   underscores, digits or dollar signs; at most NAMEDATALEN-1 = 63 bytes) —
 *   https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS.
 *   Passerelle asks for the unquoted, lower-case form (what `createdb` and
 *   `createuser` make from an unquoted name), so no one has to quote it anywhere.
 * - roles: « 21.2. Role Attributes » / « 22.5. Predefined Roles »: names
 *   beginning with `pg_` are reserved for the system.
 * - databases: « 23.3. Template Databases »: `template0` and `template1` are
 *   the templates every new database is copied from, never a place for data.
 * - ports: RFC 6335 § 6, a TCP port is 1 to 65535 (0 is reserved).
 * - hosts: RFC 1123 § 2.1 (labels of letters, digits and hyphens, at most 63
 *   characters each, 253 in all) or an IPv4/IPv6 address.
 * - TLS: libpq’s `sslmode` (« 34.19. SSL Support »): `verify-full` checks the
 *   certificate and the server’s name (only protection against an impostor),
 *   `require` encrypts without checking, `disable` sends everything in clear.
 * - the CNIL’s « Guide de la sécurité des données personnelles » (2024, fiche
 *   « Chiffrer, garantir l’intégrité ou signer ») asks for encrypted channels
 *   for personal data crossing a network: clear text only on this very machine.
 */

import type { TlsMode } from '../shared/contract/storage';

export type { TlsMode };

export const DEFAULT_TLS_MODE: TlsMode = 'verify';
export const DEFAULT_POSTGRES_PORT = 5432;
/** NAMEDATALEN - 1: PostgreSQL truncates longer names, so they are refused instead. */
export const MAX_NAME_BYTES = 63;

export interface PostgresSetting {
  host: string;
  port: number;
  database: string;
  user: string;
  tls: TlsMode;
  /** The authority’s PEM certificate(s) « TLS obligatoire » checks against (libpq’s sslrootcert); none: the public ones. */
  authority?: string | null;
}

export interface SettingIssue {
  field: keyof PostgresSetting;
  message: string;
}

export interface SettingCheck {
  /** What must be fixed before the connection can be tried. */
  issues: SettingIssue[];
  /** What is allowed but discouraged, said plainly. */
  warnings: string[];
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9a-f:]+$/i;
const NAME = /^[a-z_][a-z0-9_$]*$/;

function isIpv6(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (!IPV6.test(bare) || !bare.includes(':')) return false;
  const parts = bare.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return parts.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/** Whether the host is this very machine (the only place a connection without TLS is allowed). */
export function isLocalHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (IPV4.test(h)) return h.startsWith('127.');
  return h === '::1' || h === '0:0:0:0:0:0:0:1';
}

export function hostIssue(host: string): string | null {
  const h = host.trim();
  if (h === '') return 'Indiquez le nom ou l’adresse du serveur PostgreSQL.';
  if (/^[a-z]+:\/\//i.test(h) || h.includes('/'))
    return 'Indiquez seulement le nom du serveur (par exemple « base.mairie.fr »), sans « postgres:// » ni chemin.';
  if (/\s/.test(h)) return 'Le nom du serveur ne peut pas contenir d’espace.';
  if (/^\d+(\.\d+){3}$/.test(h))
    return IPV4.test(h) ? null : 'Cette adresse IP n’est pas valide (4 nombres de 0 à 255).';
  if (h.includes(':')) {
    return isIpv6(h) ? null : 'Cette adresse IPv6 n’est pas valide. Le port se saisit dans son propre champ.';
  }
  if (h.length > 253) return 'Le nom du serveur est trop long (253 caractères au plus).';
  const labels = h.replace(/\.$/, '').split('.');
  if (!labels.every((label) => LABEL.test(label)))
    return 'Le nom du serveur ne peut contenir que des lettres sans accent, des chiffres, des tirets et des points.';
  return null;
}

export function portIssue(port: number): string | null {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return 'Le port est un nombre entier de 1 à 65535 (5432 le plus souvent).';
  return null;
}

function nameIssue(name: string, what: 'database' | 'user'): string | null {
  const noun = what === 'database' ? 'Le nom de la base' : 'Le nom de l’utilisateur';
  if (name === '')
    return what === 'database'
      ? 'Indiquez le nom de la base de données créée pour Passerelle.'
      : 'Indiquez le nom de l’utilisateur PostgreSQL créé pour Passerelle.';
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES)
    return `${noun} est trop long : PostgreSQL n’en garde que ${MAX_NAME_BYTES} octets.`;
  if (!NAME.test(name))
    return `${noun} commence par une lettre minuscule sans accent ou « _ », puis des lettres minuscules, des chiffres, « _ » ou « $ » (par exemple « passerelle »).`;
  return null;
}

export function databaseIssue(database: string): string | null {
  const issue = nameIssue(database, 'database');
  if (issue) return issue;
  if (database === 'template0' || database === 'template1')
    return `« ${database} » est un modèle de PostgreSQL, pas une base pour des données : créez une base « passerelle ».`;
  return null;
}

export function userIssue(user: string): string | null {
  const issue = nameIssue(user, 'user');
  if (issue) return issue;
  if (user.startsWith('pg_')) return 'Les noms commençant par « pg_ » sont réservés à PostgreSQL.';
  return null;
}

export function tlsIssue(tls: TlsMode, host: string): string | null {
  if (tls === 'disable' && !isLocalHost(host))
    return 'Sans TLS, les données des personnes accompagnées passeraient en clair sur le réseau : ce n’est possible que pour un serveur installé sur ce PC (localhost). Choisissez « TLS obligatoire ».';
  return null;
}

/** Every problem of a setting at once, field by field, then what is allowed but discouraged. */
export function checkPostgresSetting(setting: PostgresSetting): SettingCheck {
  const issues: SettingIssue[] = [];
  const add = (field: keyof PostgresSetting, message: string | null) => {
    if (message) issues.push({ field, message });
  };
  add('host', hostIssue(setting.host));
  add('port', portIssue(setting.port));
  add('database', databaseIssue(setting.database));
  add('user', userIssue(setting.user));
  add('tls', tlsIssue(setting.tls, setting.host));
  if (setting.authority && setting.tls !== 'verify')
    add(
      'authority',
      'Le certificat de l’autorité ne sert qu’avec « TLS obligatoire » : choisissez ce mode, ou retirez le certificat.',
    );
  const warnings: string[] = [];
  if (setting.tls === 'no-verify')
    warnings.push(
      'Sans vérification du certificat, la connexion est chiffrée mais Passerelle ne peut pas savoir si elle parle au bon serveur. Déconseillé, en dernier recours seulement : demandez plutôt à votre prestataire informatique le certificat de son autorité (ou celui du serveur s’il est auto-signé), choisissez « TLS obligatoire » et donnez ce fichier dans « Autorité de certification de la mairie ».',
    );
  if (setting.user === 'postgres')
    warnings.push(
      'L’utilisateur « postgres » a tous les droits sur le serveur. Mieux vaut un utilisateur créé pour Passerelle, propriétaire de sa seule base.',
    );
  return { issues, warnings };
}

/**
 * The oldest PostgreSQL Passerelle accepts: 15. The PostgreSQL project
 * supports a major version for five years (https://www.postgresql.org/support/versioning/):
 * 14 reached its end of life in November 2026, so an older server no longer
 * receives security fixes. 15 is also Debian 12’s version, and the first to
 * have `MERGE` and `UNIQUE NULLS NOT DISTINCT` and to stop granting CREATE on
 * the `public` schema to every role.
 */
export const MIN_SERVER_VERSION_NUM = 150000;

/** `server_version_num` (e.g. 170002) → « 17.2 »; before 10 the numbering had three parts. */
export function serverVersionLabel(versionNum: number): string {
  const major = Math.floor(versionNum / 10000);
  if (major >= 10) return `${major}.${versionNum % 10000}`;
  return `${Math.floor(versionNum / 10000)}.${Math.floor(versionNum / 100) % 100}.${versionNum % 100}`;
}

export function serverTooOld(versionNum: number, minimum = MIN_SERVER_VERSION_NUM): boolean {
  return versionNum < minimum;
}
