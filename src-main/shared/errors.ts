/**
 * The closed list of error codes that may cross the RPC boundary, each with a
 * French message a secretary understands. Tests assert on codes; users read
 * messages. No stack trace ever leaves the main process.
 */
import type { LinkTarget } from './contract/links';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHORIZED',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'READ_ONLY',
  'UNKNOWN_METHOD',
  'DATABASE_TOO_NEW',
  'DATABASE_DAMAGED',
  'UNSAFE_LOCATION',
  'ENGINE_UNAVAILABLE',
  'DATABASE_UNREACHABLE',
  'JOURNAL_KEY_REQUIRED',
  'DEVICE_NOT_PAIRED',
  'SERVER_UNTRUSTED',
  'SERVER_UNREACHABLE',
  'FILE_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Certaines informations saisies ne sont pas valides.',
  UNAUTHORIZED: 'Cette fenêtre n’est plus reconnue. Fermez-la et relancez Passerelle.',
  TOO_MANY_ATTEMPTS: 'Trop d’essais de mot de passe. Patientez un peu avant de réessayer.',
  FORBIDDEN: 'Vous n’avez pas le droit de faire cette action.',
  PASSWORD_CHANGE_REQUIRED: 'Choisissez d’abord un nouveau mot de passe.',
  NOT_FOUND: 'L’élément demandé est introuvable.',
  CONFLICT: 'Cette action n’est pas possible dans l’état actuel des données.',
  STALE:
    'Cette fiche a été modifiée par quelqu’un d’autre pendant que vous la modifiiez. Rechargez-la : vos saisies sont gardées à côté.',
  READ_ONLY: 'Ces données sont verrouillées et ne peuvent plus être modifiées.',
  UNKNOWN_METHOD: 'Cette action n’existe pas dans cette version de Passerelle.',
  DATABASE_TOO_NEW:
    'Les données ont été créées par une version plus récente de Passerelle. Installez la dernière version : vos données ne sont pas modifiées.',
  DATABASE_DAMAGED:
    'Les données de Passerelle sont endommagées (le disque a peut-être souffert). Rien n’a été modifié ni supprimé : restaurez la dernière sauvegarde vérifiée.',
  UNSAFE_LOCATION: 'Le dossier des données doit se trouver sur cet ordinateur, pas sur un lecteur réseau.',
  ENGINE_UNAVAILABLE:
    'Cette version de Passerelle ne sait pas encore garder ses données sur un serveur PostgreSQL. Gardez-les « Sur ce PC » : rien n’a été changé.',
  DATABASE_UNREACHABLE:
    'Le serveur PostgreSQL qui garde les données de Passerelle ne répond pas. Rien n’a été modifié : réessayez, ou appelez votre prestataire informatique.',
  JOURNAL_KEY_REQUIRED:
    'Le journal des accès de cette base est scellé avec une clé que ce PC n’a pas : raccordez ce PC avec un « fichier de raccordement » fait sur un poste déjà raccordé. Rien n’a été modifié.',
  DEVICE_NOT_PAIRED:
    'Ce PC n’est pas appairé avec le serveur Passerelle. Demandez un code d’appairage à l’administrateur (Paramètres › Poste serveur).',
  SERVER_UNTRUSTED:
    'Le serveur Passerelle ne présente pas le certificat enregistré lors de l’appairage : la connexion est refusée. Prévenez l’administrateur avant d’aller plus loin.',
  SERVER_UNREACHABLE:
    'Le serveur Passerelle ne répond pas. Vérifiez que le PC serveur est allumé et relié au réseau du bureau : ce qui est à l’écran reste tel quel.',
  FILE_ERROR: 'Le fichier n’a pas pu être lu ou écrit.',
  INTERNAL:
    'Une erreur inattendue s’est produite. Rien n’a été enregistré. Réessayez, puis redémarrez Passerelle si cela se reproduit.',
};

/** One problem with one input field, the path in dotted form (`structure.siret`). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** The first field at fault, when the error is about input. */
  field?: string;
  issues?: FieldIssue[];
  /** Data a document needs and the records lack, each with the page where it is filled. */
  missing?: MissingPiece[];
  /** `STALE`: the record's current version, who made it and when; the form reloads the record itself. */
  stale?: StaleInfo;
  /** `STALE` on the attendance grid: the cells someone else changed since they were shown. */
  conflicts?: CellConflict[];
}

export interface StaleInfo {
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

export interface CellConflict {
  sessionId: number;
  participationId: number;
  changedBy: string | null;
  changedAt: string | null;
}

export interface MissingPiece {
  label: string;
  link: LinkTarget;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly issues?: FieldIssue[];
  readonly missing?: MissingPiece[];
  readonly stale?: StaleInfo;
  readonly conflicts?: CellConflict[];

  constructor(
    code: ErrorCode,
    message?: string,
    options?: {
      field?: string;
      issues?: FieldIssue[];
      missing?: MissingPiece[];
      stale?: StaleInfo;
      conflicts?: CellConflict[];
    },
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.field = options?.field;
    this.issues = options?.issues;
    this.missing = options?.missing;
    this.stale = options?.stale;
    this.conflicts = options?.conflicts;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.field !== undefined) payload.field = this.field;
    if (this.issues !== undefined) payload.issues = this.issues;
    if (this.missing !== undefined) payload.missing = this.missing;
    if (this.stale !== undefined) payload.stale = this.stale;
    if (this.conflicts !== undefined) payload.conflicts = this.conflicts;
    return payload;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
