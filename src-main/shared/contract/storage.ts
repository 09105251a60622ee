import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { requiredText } from './fields';
import { base64Length, oneSource, UPLOAD_LIMITS, uploadedFile } from './files';

/**
 * Where the data is kept: « Sur ce PC » (SQLite, one file in the data folder,
 * the default) or « Serveur PostgreSQL ». The setting lives in a file of the
 * data folder, never in the database; the password in the PC’s protected key
 * store, never in the database, the journal or the logs.
 */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];
export const ENGINE_LABELS: Record<EngineName, string> = {
  sqlite: 'Sur ce PC',
  postgres: 'Serveur PostgreSQL',
};

/** libpq’s verify-full, require and disable (see domain/postgres-connection.ts). */
export const TLS_MODES = ['verify', 'no-verify', 'disable'] as const;
export type TlsMode = (typeof TLS_MODES)[number];
export const TLS_MODE_LABELS: Record<TlsMode, string> = {
  verify: 'TLS obligatoire',
  'no-verify': 'TLS sans vérification du certificat',
  disable: 'Sans TLS (serveur sur ce PC)',
};

/** The shape; the rules (port range, names, TLS towards another machine) are the domain’s, checked in main. */
export const postgresSettingInput = z.object({
  host: z.string().trim().max(300, 'Le nom du serveur est trop long.'),
  port: z.number({ error: 'Le port est un nombre (5432 le plus souvent).' }),
  database: z.string().trim().max(300, 'Le nom de la base est trop long.'),
  user: z.string().trim().max(300, 'Le nom de l’utilisateur est trop long.'),
  tls: z.enum(TLS_MODES, { error: 'Choisissez le mode de connexion chiffrée.' }),
  /**
   * « Autorité de certification de la mairie » (libpq’s sslrootcert): the PEM certificate(s) « TLS obligatoire »
   * checks the server against instead of the public authorities; read by `storage/readAuthority`, checked
   * again in main. Public, not a secret: kept in moteur.json with the rest of the setting.
   */
  authority: z
    .string()
    .max(base64Length(UPLOAD_LIMITS.authority.bytes) * 2, UPLOAD_LIMITS.authority.tooBig)
    .nullish(),
});
export type PostgresSettingInput = z.input<typeof postgresSettingInput>;

export const postgresConnectionInput = z.object({
  setting: postgresSettingInput,
  password: z
    .string()
    .min(1, 'Indiquez le mot de passe de l’utilisateur PostgreSQL.')
    .max(1000, 'Ce mot de passe est trop long.'),
});
export type PostgresConnectionInput = z.input<typeof postgresConnectionInput>;

/** One certificate of the authority’s file, as the secretary reads it to the IT provider. */
export const authorityCertificate = z.object({
  /** « CN=…, O=… »: whom it names. */
  subject: z.string(),
  /** Who signed it (itself, for a root or a self-signed server certificate). */
  issuer: z.string(),
  /** ISO instants. */
  validFrom: z.string(),
  validUntil: z.string(),
  /** SHA-256 of the certificate, « AB:CD:… », to compare with the provider’s on the phone. */
  fingerprint: z.string(),
  selfSigned: z.boolean(),
});
export type AuthorityCertificateView = z.output<typeof authorityCertificate>;

export const authorityView = z.object({
  /** What goes into `setting.authority`. */
  pem: z.string(),
  certificates: z.array(authorityCertificate).min(1),
});
export type AuthorityView = z.output<typeof authorityView>;

export const CONNECTION_OUTCOME_KINDS = [
  'ok',
  'host_not_found',
  'unreachable',
  'wrong_password',
  'access_refused',
  'unknown_database',
  'server_without_tls',
  'tls_required_by_server',
  'certificate_untrusted',
  'server_too_old',
  'not_passerelle',
  'newer_passerelle',
  'needs_join_file',
  'cannot_create_tables',
  'server_busy',
  'failed',
] as const;

export const connectionOutcome = z.object({
  kind: z.enum(CONNECTION_OUTCOME_KINDS),
  ok: z.boolean(),
  message: z.string(),
  technical: z.string(),
  serverVersion: z.string().nullable(),
  contents: z.enum(['empty', 'passerelle']).nullable(),
  /** What is allowed but discouraged (a certificate not checked, the superuser). */
  warnings: z.array(z.string()),
});
export type ConnectionOutcomeView = z.output<typeof connectionOutcome>;

export const storageView = z.object({
  engine: z.enum(ENGINES),
  /** The server’s setting when PostgreSQL is used, without the password. */
  postgres: postgresSettingInput.nullable(),
  /** The SQLite file, when the data is on this PC. */
  databaseFile: z.string().nullable(),
  /** The certificates of the server’s authority, when one was given (`postgres.authority`). */
  authority: z.array(authorityCertificate).nullable(),
  /** Whether this version of Passerelle can keep its data on a PostgreSQL server yet. */
  postgresAvailable: z.boolean(),
});

/** The fichier de raccordement's passphrase: the file holds the server's password and the journal's key. */
export const JOIN_PASSPHRASE_MIN = 12;
const joinPassphrase = z
  .string({ error: 'Indiquez la phrase de passe du fichier de raccordement.' })
  .min(1, 'Indiquez la phrase de passe du fichier de raccordement.')
  .max(500, 'Cette phrase de passe est trop longue.');

export const storageMethods = {
  'storage/status': defineMethod({
    input: noInput,
    output: storageView,
    tx: 'none',
    access: 'setup',
  }),
  /**
   * « Autorité de certification de la mairie »: reads the certificate file the IT provider handed over (`path`
   * on this PC, or `file` sent by a client PC), refuses a key, anything else than certificates and an expired
   * authority, and says what it holds. Nothing is kept: the PEM comes back for `setting.authority`.
   */
  'storage/readAuthority': defineMethod({
    input: z
      .object({
        path: requiredText('Le fichier', 1000).optional(),
        file: uploadedFile('authority').optional(),
      })
      .refine(oneSource, { path: ['path'], message: 'Choisissez le certificat de l’autorité.' }),
    output: authorityView,
    tx: 'none',
    access: 'setup',
  }),
  /** Tries the server with the typed setting and password; nothing is written anywhere. */
  'storage/testConnection': defineMethod({
    input: postgresConnectionInput,
    output: connectionOutcome,
    tx: 'none',
    access: 'setup',
  }),
  /**
   * Moves the running app to this PostgreSQL server (its tables made when it is empty): the setting in the
   * data folder, the password in the key store. Everyone signs in again there. The SQLite file stays as it
   * was (`leftFile`), untouched.
   */
  'storage/choosePostgres': defineMethod({
    input: postgresConnectionInput,
    output: z.object({ outcome: connectionOutcome, leftFile: z.string().nullable() }),
    tx: 'none',
    access: 'setup',
    audit: 'change',
  }),
  /**
   * « Raccorder un autre poste »: on a PC already on the server, the « fichier de raccordement » written
   * into `folder`, encrypted under the passphrase (backup/join-file.ts): the server's setting, its password
   * and the journal's key, none of them in clear.
   */
  'storage/writeJoinFile': defineMethod({
    input: z.object({
      folder: requiredText('Le dossier', 1000),
      passphrase: joinPassphrase.min(
        JOIN_PASSPHRASE_MIN,
        `La phrase de passe doit avoir au moins ${JOIN_PASSPHRASE_MIN} caractères : le fichier contient le mot de passe du serveur et la clé du journal.`,
      ),
    }),
    output: z.object({ file: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /**
   * « Rejoindre avec un fichier de raccordement »: this PC moves to the server the file names, with its
   * password and the journal's key, once the key is checked against the server's journal. `path` on this
   * PC, or `file` sent by a client PC. Everyone signs in again there.
   */
  'storage/joinWithFile': defineMethod({
    input: z
      .object({
        path: requiredText('Le fichier', 1000).optional(),
        file: uploadedFile('join').optional(),
        passphrase: joinPassphrase,
      })
      .refine(oneSource, { path: ['path'], message: 'Choisissez le fichier de raccordement.' }),
    output: z.object({ outcome: connectionOutcome, leftFile: z.string().nullable() }),
    tx: 'none',
    access: 'setup',
    audit: 'change',
  }),
  /** Back to « Sur ce PC »: the SQLite file of the data folder, as it was left (or a new one). The server keeps its data. */
  'storage/chooseSqlite': defineMethod({
    input: noInput,
    output: z.object({ databaseFile: z.string() }),
    tx: 'none',
    access: 'setup',
    audit: 'change',
  }),
};
