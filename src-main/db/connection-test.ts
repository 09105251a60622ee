/**
 * « Tester la connexion »: connects to a PostgreSQL server with the setting
 * typed in the wizard or in Paramètres, and says in plain French what
 * happened: one typed outcome per thing the secretary or her IT provider can
 * fix. Nothing is written on the server. The password is used for this one
 * connection and never appears in an outcome, a log or an error.
 */
import pg from 'pg';
import type { PostgresConnection } from './open-postgres';
import {
  MIN_SERVER_VERSION_NUM,
  serverTooOld,
  serverVersionLabel,
  type PostgresSetting,
} from '../domain/postgres-connection';
import { CONNECTION_OUTCOME_KINDS } from '../shared/contract/storage';
import { expiredCertificates } from '../domain/postgres-authority';
import { formatFrenchDate } from '../shared/dates';
import { LATEST_VERSION } from './migrations';
import { authorityCertificates } from './postgres-authority';
import { PASSERELLE_SCHEMA_TABLE } from './postgres-marker';

export type ConnectionOutcomeKind = (typeof CONNECTION_OUTCOME_KINDS)[number];

export interface ConnectionOutcome {
  kind: ConnectionOutcomeKind;
  ok: boolean;
  /** For the secretary: what happened and what to do, in one or two sentences. */
  message: string;
  /** For the IT provider: the server’s side of it (code, version, tables found). Never the password. */
  technical: string;
  /** « 17.2 » once connected, otherwise null. */
  serverVersion: string | null;
  /** On success: whether the database is empty (Passerelle creates its tables) or already Passerelle’s. */
  contents: 'empty' | 'passerelle' | null;
}

export interface ConnectionTestOptions {
  /** How long to wait for the server (ms). */
  timeoutMs?: number;
  /** The oldest server accepted, as `server_version_num` (the domain’s minimum by default). */
  minimumVersionNum?: number;
  /** The newest Passerelle schema this version can open. */
  latestSchemaVersion?: number;
  /**
   * Whether this PC holds the key of a journal whose `journal_state.key_check` is this: asked of a
   * Passerelle database, whose PCs must share the journal's key (app/journal-start.ts). Not given: not asked.
   */
  holdsJournalKey?: (keyCheck: string) => boolean;
  /** When the authority's expiry is judged: the TLS check's own time, this PC's clock, by default. */
  now?: Date;
}

const PROVIDER = 'votre prestataire informatique';
const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]*)$/i;

/**
 * pg_hba.conf had no line for a connection in clear: « …, no encryption », or in French « …, aucun chiffrement »
 * from a server whose lc_messages is French (Debian installed in French: initdb takes the system's locale).
 * The server's own translation: msgid "no encryption" in postgres-15.mo (Debian's postgresql-15, fr).
 */
const CLEAR_REFUSED = /no encryption|aucun chiffrement/i;

/** The chain reaches no authority Node trusts (OpenSSL’s X509_V_ERR names, as node:tls gives them). */
const TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/** Node’s TLS verification failures. */
const CERTIFICATE_CODES = new Set([
  ...TRUST_CODES,
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function outcome(
  kind: ConnectionOutcomeKind,
  message: string,
  technical: string,
  extra: Partial<Pick<ConnectionOutcome, 'serverVersion' | 'contents'>> = {},
): ConnectionOutcome {
  return {
    kind,
    ok: kind === 'ok',
    message,
    technical,
    serverVersion: extra.serverVersion ?? null,
    contents: extra.contents ?? null,
  };
}

/** The driver’s TLS options for a setting: what the connection test uses, and what the app’s pool must use too. */
export function postgresSsl(setting: PostgresSetting): false | { rejectUnauthorized: boolean; ca?: string } {
  if (setting.tls === 'disable') return false;
  // `verify`: Node checks the chain against its trusted authorities and the server’s name (libpq’s verify-full).
  // With the town's authority (libpq's sslrootcert), against that authority alone: `ca` replaces Node's list.
  if (setting.tls === 'verify' && setting.authority) return { rejectUnauthorized: true, ca: setting.authority };
  return { rejectUnauthorized: setting.tls === 'verify' };
}

/** How the driver reaches a setting's server, the same for the connection test and the app's pool. */
export function postgresConnectionOf(setting: PostgresSetting, password: string): PostgresConnection {
  return {
    // An IPv6 address is typed in brackets, as in a URL; the driver wants it bare.
    host: setting.host.replace(/^\[(.*)\]$/, '$1'),
    port: setting.port,
    database: setting.database,
    user: setting.user,
    password,
    ssl: postgresSsl(setting),
  };
}

/** The server's own words for the IT provider (« no pg_hba.conf entry for host … »): never the password, which it never sends. */
function serverSays(text: string): string {
  const said = text.trim().slice(0, 300);
  return said ? ` : « ${said} ».` : '.';
}

/**
 * A certificate Node would not vouch for. What the secretary reads says who can fix it; what the IT provider
 * reads says which of the usual causes it is. Node checks the chain against the authorities it ships (Mozilla's
 * list, https://nodejs.org/api/tls.html#tlsrootcertificates), never the Windows store: « reconnue par cet
 * ordinateur » would send the IT provider to install the authority in Windows, which changes nothing.
 * OpenSSL's names for the codes: https://docs.openssl.org/3.0/man1/openssl-verification-options/.
 */
function certificateOutcome(code: string, setting: PostgresSetting, now: Date): ConnectionOutcome {
  if (setting.tls === 'verify' && setting.authority) {
    const authorityOutcome = againstAuthority(code, setting, now);
    if (authorityOutcome) return authorityOutcome;
  }
  const byAddress = IP_ADDRESS.test(setting.host.replace(/^\[(.*)\]$/, '$1'));
  const [why, ask, technical] =
    code === 'CERT_HAS_EXPIRED'
      ? ['Son certificat a expiré.', `de renouveler le certificat du serveur « ${setting.host} »`, 'certificat expiré']
      : code === 'CERT_NOT_YET_VALID'
        ? [
            'Son certificat n’est pas encore valable (vérifiez aussi la date de cet ordinateur).',
            'de vérifier le certificat du serveur et l’horloge de ce poste',
            'certificat pas encore valable (notBefore dans le futur)',
          ]
        : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
          ? byAddress
            ? [
                `Son certificat porte un nom, pas l’adresse « ${setting.host} ».`,
                'le nom du serveur tel qu’il figure dans son certificat (par exemple base.mairie.fr), à saisir dans « Serveur » à la place de l’adresse IP',
                `l’adresse « ${setting.host} » n’est pas dans les noms alternatifs (SAN) du certificat`,
              ]
            : [
                `Son certificat est établi pour un autre nom que « ${setting.host} ».`,
                `un certificat portant le nom « ${setting.host} » (ou le nom exact à saisir dans « Serveur »)`,
                `« ${setting.host} » n’est pas dans les noms alternatifs (SAN) du certificat`,
              ]
          : [
              'Son certificat n’est pas délivré par une autorité publique reconnue par Passerelle.',
              byAddress
                ? 'le certificat de l’autorité qui a signé celui du serveur (ou ce certificat lui-même s’il est auto-signé), à choisir dans « Autorité de certification de la mairie » : une autorité publique ne certifie pas une adresse du réseau local'
                : `le certificat de l’autorité qui a signé celui du serveur « ${setting.host} » (ou ce certificat lui-même s’il est auto-signé), à choisir dans « Autorité de certification de la mairie »`,
              code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
                ? 'certificat auto-signé'
                : code === 'SELF_SIGNED_CERT_IN_CHAIN'
                  ? 'autorité racine absente de la liste de Mozilla livrée avec Passerelle (autorité interne ?)'
                  : 'émetteur introuvable : autorité interne, ou ssl_cert_file sans les certificats intermédiaires (prendre fullchain.pem)',
            ];
  return outcome(
    'certificate_untrusted',
    `Passerelle ne peut pas vérifier l’identité du serveur. ${why} Demandez à ${PROVIDER} ${ask}.`,
    `Vérification TLS refusée (${code}) : ${technical}.${
      TRUST_CODES.has(code)
        ? ' Sans certificat d’autorité fourni, Passerelle ne reconnaît que les autorités de la liste de Mozilla livrée avec Node.js, pas le magasin de certificats de Windows.'
        : ''
    }`,
  );
}

/**
 * The town's authority was given (libpq's sslrootcert): the server's chain is checked against it alone. Said
 * apart: a server certificate this authority did not sign, and the authority's own certificate expired. A
 * name the certificate does not carry is said as without an authority (null: the general case).
 */
function againstAuthority(code: string, setting: PostgresSetting, now: Date): ConnectionOutcome | null {
  const certificates = authorityCertificates(setting.authority) ?? [];
  const named = certificates.map((c) => `« ${c.subject} »`).join(', ');
  const expired = expiredCertificates(certificates, now)[0];
  if (code === 'CERT_HAS_EXPIRED' && expired) {
    const on = formatFrenchDate(expired.validUntil.slice(0, 10));
    return outcome(
      'certificate_untrusted',
      `Passerelle ne peut pas vérifier l’identité du serveur : le certificat de l’autorité de la mairie choisi ici (« ${expired.subject} ») a expiré le ${on}. Demandez à ${PROVIDER} le certificat en cours de son autorité, puis choisissez-le dans « Autorité de certification de la mairie ».`,
      `Vérification TLS refusée (CERT_HAS_EXPIRED) : le certificat d’autorité fourni a expiré le ${on} (SHA-256 ${expired.fingerprint}).`,
    );
  }
  if (TRUST_CODES.has(code)) {
    return outcome(
      'certificate_untrusted',
      `Passerelle ne peut pas vérifier l’identité du serveur : son certificat n’est pas signé par l’autorité de la mairie choisie ici (${named}). Vérifiez avec ${PROVIDER} que ce fichier est bien le certificat de l’autorité qui a signé celui du serveur « ${setting.host} » (ou, pour un certificat auto-signé, le certificat du serveur lui-même).`,
      `Vérification TLS refusée (${code}) : la chaîne du serveur ne mène pas au certificat d’autorité fourni (SHA-256 ${certificates.map((c) => c.fingerprint).join(', ')}).`,
    );
  }
  return null;
}

/** Classifies what `connect()` threw. Exported for the cases a test server cannot produce. */
export function classifyConnectError(error: unknown, setting: PostgresSetting, now = new Date()): ConnectionOutcome {
  const err = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const text = typeof err.message === 'string' ? err.message : '';
  const where = `${setting.host}:${setting.port}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return outcome(
      'host_not_found',
      `Le serveur « ${setting.host} » est introuvable sur le réseau. Vérifiez son nom (une faute de frappe ?) ou demandez-le à ${PROVIDER}.`,
      `Résolution DNS impossible pour « ${setting.host} » (${code}).`,
    );
  }
  if (
    ['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EADDRNOTAVAIL'].includes(code) ||
    (code === '' && /timeout/i.test(text))
  ) {
    return outcome(
      'unreachable',
      `Le serveur PostgreSQL ne répond pas à l’adresse ${where}. Vérifiez que cet ordinateur est bien relié au réseau, puis demandez à ${PROVIDER} si le serveur est démarré et si ce port est ouvert pour ce poste.`,
      `Connexion TCP impossible vers ${where} (${code || 'délai dépassé'}).`,
    );
  }
  if (code === '28P01') {
    // PostgreSQL answers 28P01 for a role that does not exist too (it never tells a client which roles exist):
    // the name is as likely as the password, and only the server's log tells them apart.
    return outcome(
      'wrong_password',
      `Le serveur refuse le mot de passe de l’utilisateur « ${setting.user} ». Vérifiez le nom de l’utilisateur puis retapez le mot de passe (attention aux majuscules) ; s’ils sont justes, demandez à ${PROVIDER} de vérifier ce compte.`,
      `PostgreSQL 28P01 : authentification par mot de passe refusée pour « ${setting.user} » (mot de passe faux, ou rôle inexistant : le journal du serveur dit lequel).`,
    );
  }
  if (code === '3D000') {
    return outcome(
      'unknown_database',
      `La base « ${setting.database} » n’existe pas sur ce serveur. Vérifiez son nom, ou demandez à ${PROVIDER} de la créer (une base vide, dont l’utilisateur « ${setting.user} » est propriétaire).`,
      `PostgreSQL 3D000 : base « ${setting.database} » inexistante.`,
    );
  }
  if (code === '28000' && CLEAR_REFUSED.test(text)) {
    return outcome(
      'tls_required_by_server',
      `Le serveur exige une connexion chiffrée (TLS). Choisissez « TLS obligatoire ».`,
      `PostgreSQL 28000 : pg_hba.conf n’accepte que les connexions hostssl depuis ce poste.`,
    );
  }
  if (code === '28000' || code === '42501') {
    return outcome(
      'access_refused',
      `Le serveur refuse l’accès de l’utilisateur « ${setting.user} » à la base « ${setting.database} » depuis cet ordinateur. Vérifiez ces deux noms ; s’ils sont justes, ${PROVIDER} doit autoriser ce poste (fichier pg_hba.conf, droit CONNECT).`,
      `PostgreSQL ${code} : accès refusé (pg_hba.conf ou privilège CONNECT)${serverSays(text)}`,
    );
  }
  if (/does not support SSL/i.test(text)) {
    return outcome(
      'server_without_tls',
      `Le serveur n’accepte pas les connexions chiffrées (TLS) : les données passeraient en clair sur le réseau. Demandez à ${PROVIDER} d’activer TLS sur le serveur PostgreSQL (ssl = on, avec un certificat).`,
      `Le serveur a répondu « N » à la demande SSLRequest : ssl = off dans postgresql.conf.`,
    );
  }
  if (CERTIFICATE_CODES.has(code)) return certificateOutcome(code, setting, now);
  if (code === '53300' || code === '57P03') {
    return outcome(
      'server_busy',
      'Le serveur PostgreSQL est occupé ou en train de démarrer. Réessayez dans quelques minutes.',
      `PostgreSQL ${code}.`,
    );
  }
  const kind = error instanceof Error ? error.name : typeof error;
  return outcome(
    'failed',
    `La connexion au serveur PostgreSQL a échoué. Transmettez le détail ci-dessous à ${PROVIDER}.`,
    `Échec de connexion (${kind}${code ? `, ${code}` : ''}).`,
  );
}

interface ServerFacts {
  versionNum: number;
  tables: string[];
  passerelleVersion: number | null;
  canCreate: boolean;
  /** `journal_state.key_check` of a Passerelle database (null: none, or a journal sealed before it). */
  keyCheck: string | null;
}

async function readFacts(client: pg.Client): Promise<ServerFacts> {
  const version = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
  const tables = await client.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
      order by 1`,
  );
  const marker = tables.rows.find((row) => row.name.endsWith(`.${PASSERELLE_SCHEMA_TABLE}`));
  let passerelleVersion: number | null = null;
  let keyCheck: string | null = null;
  if (marker) {
    const [schema, table] = marker.name.split('.') as [string, string];
    const read = await client.query<{ v: number | null }>(
      `select max(version)::int as v from ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`,
    );
    passerelleVersion = read.rows[0]?.v ?? 0;
    if (tables.rows.some((row) => row.name === `${schema}.journal_state`)) {
      const state = await client.query<{ k: string | null }>(
        `select key_check as k from ${client.escapeIdentifier(schema)}.journal_state where id = 1`,
      );
      keyCheck = state.rows[0]?.k ?? null;
    }
  }
  const create = await client.query<{ can: boolean | null }>(
    `select has_schema_privilege(current_schema(), 'CREATE') as can`,
  );
  return {
    versionNum: Number(version.rows[0]?.v ?? 0),
    tables: tables.rows.map((row) => row.name),
    passerelleVersion,
    canCreate: create.rows[0]?.can === true,
    keyCheck,
  };
}

function judge(facts: ServerFacts, setting: PostgresSetting, options: ConnectionTestOptions): ConnectionOutcome {
  const serverVersion = serverVersionLabel(facts.versionNum);
  const minimum = options.minimumVersionNum ?? MIN_SERVER_VERSION_NUM;
  const latest = options.latestSchemaVersion ?? LATEST_VERSION;
  const at = { serverVersion };
  if (serverTooOld(facts.versionNum, minimum)) {
    return outcome(
      'server_too_old',
      `Ce serveur a PostgreSQL ${serverVersion} : Passerelle demande PostgreSQL ${serverVersionLabel(minimum).replace(/\.0$/, '')} ou plus récent (les versions plus anciennes ne reçoivent plus de correctifs de sécurité). Demandez à ${PROVIDER} de le mettre à jour.`,
      `server_version_num = ${facts.versionNum}, minimum ${minimum}.`,
      at,
    );
  }
  if (facts.passerelleVersion !== null && facts.passerelleVersion > latest) {
    return outcome(
      'newer_passerelle',
      'Cette base contient les données d’une version plus récente de Passerelle. Installez la dernière version de Passerelle sur ce poste : la base n’a pas été modifiée.',
      `Schéma Passerelle ${facts.passerelleVersion} sur le serveur, cette version connaît jusqu’à ${latest}.`,
      at,
    );
  }
  if (facts.passerelleVersion === null && facts.tables.length > 0) {
    const shown = facts.tables.slice(0, 3).join(', ');
    return outcome(
      'not_passerelle',
      `La base « ${setting.database} » contient déjà d’autres données que celles de Passerelle. Passerelle n’y touche pas : demandez à ${PROVIDER} une base vide, réservée à Passerelle.`,
      `${facts.tables.length} table(s) ou vue(s) sans table ${PASSERELLE_SCHEMA_TABLE} : ${shown}${facts.tables.length > 3 ? '…' : ''}.`,
      at,
    );
  }
  if (facts.passerelleVersion === null && !facts.canCreate) {
    return outcome(
      'cannot_create_tables',
      `L’utilisateur « ${setting.user} » n’a pas le droit de créer des tables dans cette base. Demandez à ${PROVIDER} de le rendre propriétaire de la base « ${setting.database} ».`,
      `has_schema_privilege(current_schema(), 'CREATE') est faux (depuis PostgreSQL 15, le schéma public n’est plus ouvert à tous).`,
      at,
    );
  }
  if (
    facts.passerelleVersion !== null &&
    facts.keyCheck !== null &&
    options.holdsJournalKey?.(facts.keyCheck) === false
  ) {
    // « Utiliser ce serveur » would be refused (journalKeyRefusal): said now, with the way that works.
    return outcome(
      'needs_join_file',
      `Connexion réussie (PostgreSQL ${serverVersion}), mais cette base contient déjà les données d’un autre poste Passerelle, dont le journal des accès est scellé avec une clé que ce PC n’a pas. Pour raccorder ce PC, faites un « fichier de raccordement » sur un poste déjà raccordé (Paramètres › Emplacement des données › Raccorder un autre poste), puis choisissez ici « Rejoindre avec un fichier de raccordement ».`,
      `Schéma Passerelle ${facts.passerelleVersion} ; journal_state.key_check ne correspond à aucune clé gardée sur ce poste.`,
      { ...at, contents: 'passerelle' },
    );
  }
  if (facts.passerelleVersion !== null) {
    return outcome(
      'ok',
      `Connexion réussie (PostgreSQL ${serverVersion}). Cette base contient déjà des données de Passerelle : elles seront utilisées.`,
      `Schéma Passerelle ${facts.passerelleVersion}.`,
      { ...at, contents: 'passerelle' },
    );
  }
  return outcome(
    'ok',
    `Connexion réussie (PostgreSQL ${serverVersion}). La base est vide : Passerelle y créera ses tables.`,
    'Base vide, droit de création accordé.',
    { ...at, contents: 'empty' },
  );
}

export async function testPostgresConnection(
  setting: PostgresSetting,
  password: string,
  options: ConnectionTestOptions = {},
): Promise<ConnectionOutcome> {
  const timeout = options.timeoutMs ?? 10_000;
  const client = new pg.Client({
    ...postgresConnectionOf(setting, password),
    connectionTimeoutMillis: timeout,
    query_timeout: timeout,
    application_name: 'Passerelle (test de connexion)',
  });
  // A server closing the connection later must not become an unhandled error.
  client.on('error', () => undefined);
  try {
    try {
      await client.connect();
    } catch (error) {
      return classifyConnectError(error, setting, options.now);
    }
    try {
      // Nothing is written: a read-only transaction around the checks.
      await client.query('begin transaction read only');
      return judge(await readFacts(client), setting, options);
    } catch (error) {
      return classifyConnectError(error, setting, options.now);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
