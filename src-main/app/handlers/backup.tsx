import { timingSafeEqual } from 'node:crypto';
import { rmSync } from 'node:fs';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import { RecoverySheet } from '../../documents/templates/recovery-sheet';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { deriveKey, newKeyId, newSalt, suggestPassphrase } from '../../backup/keys';
import { BACKUP_EXTENSION, readBackup, stagedDatabase, writeBackup, type BackupKey } from '../../backup/pipeline';
import type { BackupHeader } from '../../backup/format';
import { LATEST_VERSION } from '../../db/migrations';
import { findBackupSettings, insertBackup, lastBackup, saveBackupKey } from '../../db/repositories/backup';
import { safeFileName } from '../../domain/file-names';
import { evaluatePassword } from '../../shared/password-strength';
import { structureNameOf } from '../read-models/accounts';
import type { BackupStatus } from '../../shared/contract/backup';
import { addDays } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap, NoneContext } from '../handler';
import { frenchDate, frenchStamp } from '../ports';
import { adoptBackupJournal, checkBackupJournal } from '../journal-backup';
import { readHeadText } from '../journal-head';
import { rotatePreRestoreCopies, workFolder } from '../work-files';
import type { ReadableDb } from '../../db/access';

/** `db`: the method's transaction, or the one its write runs in. */
async function status(ctx: Pick<HandlerContext, 'services' | 'today'>, db: ReadableDb): Promise<BackupStatus> {
  const settings = await findBackupSettings(db);
  const key = settings ? await ctx.services.keyStore.load(settings.keyId) : null;
  const last = await lastBackup(db);
  return {
    configured: key !== null,
    keyId: settings?.keyId ?? null,
    lastFolder: settings?.lastFolder ?? null,
    lastBackup: last
      ? { at: last.at, path: last.path, size: last.size, previousVerified: last.previousVerified }
      : null,
    stale: !last || frenchDate(new Date(last.at)) < addDays(ctx.today, -7),
  };
}

/**
 * This PC's backup key. Read before the slow work of a `none` method (a
 * backup, a derivation), in a read of its own: the method's write comes
 * later in `ctx.transaction`.
 */
async function localKey(ctx: NoneContext): Promise<BackupKey | null> {
  const settings = await ctx.read(({ db }) => findBackupSettings(db));
  if (!settings) return null;
  const key = await ctx.services.keyStore.load(settings.keyId);
  return key ? { keyId: settings.keyId, key, salt: settings.salt, kdf: settings.kdf } : null;
}

/** The key of a backup: this PC's when the key ids match, otherwise the one its passphrase gives. */
function keyFor(ctx: NoneContext, passphrase: string | null) {
  return async (header: BackupHeader) => {
    const local = await localKey(ctx);
    if (local && local.keyId === header.keyId && passphrase === null) return local.key;
    if (passphrase === null)
      throw new AppError(
        'INVALID_INPUT',
        'Cette sauvegarde a été faite avec une autre phrase de passe : indiquez-la.',
        { field: 'passphrase' },
      );
    return deriveKey(passphrase, header.salt, header.kdf);
  };
}

/** Reads (and with `extractTo`, unpacks) a backup; one from a newer Passerelle is refused. */
async function opened(ctx: NoneContext, file: string, passphrase: string | null, extractTo?: string) {
  const backup = await readBackup(file, keyFor(ctx, passphrase), { extractTo });
  if (backup.manifest.schemaVersion > LATEST_VERSION) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      'Cette sauvegarde vient d’une version plus récente de Passerelle : mettez Passerelle à jour pour la restaurer.',
    );
  }
  return backup;
}

export const backupHandlers: HandlerMap<
  | 'backup/status'
  | 'backup/suggestPassphrase'
  | 'backup/setPassphrase'
  | 'backup/recoverySheet'
  | 'backup/create'
  | 'backup/progress'
  | 'backup/inspect'
  | 'backup/restore'
> = {
  'backup/status': async (_input, ctx) => status(ctx, ctx.db),

  'backup/suggestPassphrase': async () => ({ passphrase: suggestPassphrase() }),

  'backup/setPassphrase': async ({ passphrase }, ctx) => {
    const verdict = evaluatePassword(passphrase, 'backup', {
      personName: ctx.session.user?.displayName,
      structureName: await ctx.read(({ db }) => structureNameOf(db)),
    });
    if (!verdict.acceptable)
      throw new AppError('INVALID_INPUT', verdict.advice ?? 'Cette phrase de passe est trop faible.', {
        field: 'passphrase',
      });
    // Derived once, here, outside any transaction; daily backups reuse the kept key.
    const salt = newSalt();
    const kdf = ctx.services.backupKdf;
    const key = await deriveKey(passphrase, salt, kdf);
    const keyId = newKeyId();
    await ctx.services.keyStore.save(keyId, key);
    return ctx.transaction(async (db) => {
      await saveBackupKey(db, { keyId, salt, kdf }, ctx.now);
      ctx.record(`backupKey:${keyId}`);
      return status(ctx, db);
    });
  },

  'backup/progress': async (_input, ctx) => {
    const run = ctx.services.backupRun;
    return run ? { step: run.step, percent: Math.round(run.fraction * 100) } : null;
  },

  'backup/recoverySheet': async ({ passphrase }, ctx) => {
    const key = await localKey(ctx);
    if (!key) throw new AppError('CONFLICT', 'Choisissez d’abord la phrase de passe des sauvegardes.');
    const derived = await deriveKey(passphrase, key.salt, key.kdf);
    if (!timingSafeEqual(derived, key.key))
      throw new AppError('INVALID_INPUT', 'Ce n’est pas la phrase de passe actuelle des sauvegardes.', {
        field: 'passphrase',
      });
    const structure = await ctx.read(({ db }) => structurePartyOf(db, ctx.services.paths.filesDir));
    const html = renderPage(
      <RecoverySheet d={{ structure, passphrase, keyId: key.keyId, issuedOn: ctx.today }} />,
      ctx.services.fontsDir,
    );
    ctx.record(`backupKey:${key.keyId}`);
    return { pdfBase64: Buffer.from(await ctx.services.printer.print(html)).toString('base64') };
  },

  'backup/create': async ({ folder }, ctx) => {
    // Claimed before the first await: two clicks in a row must not both pass the check.
    if (ctx.services.backupRun) throw new AppError('CONFLICT', 'Une sauvegarde est déjà en cours : attendez la fin.');
    ctx.services.backupRun = { step: 'Préparation', fraction: 0 };
    let written;
    let key;
    try {
      key = await localKey(ctx);
      if (!key) throw new AppError('CONFLICT', 'Choisissez d’abord la phrase de passe des sauvegardes.');
      const structureName = await ctx.read(({ db }) => structureNameOf(db));
      const stamp = frenchStamp(new Date(ctx.now));
      written = await writeBackup({
        engine: ctx.services.engine,
        workDir: await workFolder(ctx.services.paths, 'sauvegarde'),
        filesDir: ctx.services.paths.filesDir,
        folder,
        fileName: safeFileName(`Passerelle_${structureName ?? 'CCAS'}_${stamp}`, BACKUP_EXTENSION.slice(1)),
        key,
        createdAt: ctx.now,
        journal: { key: ctx.services.journal.key, head: readHeadText(ctx.services.journal.headFile) },
        onProgress: (progress) => (ctx.services.backupRun = progress),
      });
    } finally {
      ctx.services.backupRun = null;
    }
    return ctx.transaction(async (db) => {
      const { path: made, size, plaintextSha256, previousVerified } = written;
      const id = await insertBackup(
        db,
        { at: ctx.now, path: made, size, plaintextSha256, keyId: key.keyId, previousVerified },
        folder,
      );
      ctx.record(`backup:${id}`);
      return status(ctx, db);
    });
  },

  'backup/inspect': async ({ path: file, passphrase }, ctx) => {
    const { manifest } = await opened(ctx, file, passphrase);
    return {
      structureName: manifest.structureName,
      createdAt: manifest.createdAt,
      schemaVersion: manifest.schemaVersion,
      counts: manifest.counts,
      files: manifest.entries.length - 1,
    };
  },

  'backup/restore': async ({ path: file, passphrase }, ctx) => {
    const { paths } = ctx.services;
    const stamp = ctx.now.replace(/[:.]/g, '-');
    // Unpacked in the data folder's work folder (same disk): the swap below is then a rename, never a copy.
    const work = await workFolder(paths, 'restauration');
    try {
      const { manifest } = await opened(ctx, file, passphrase, work);
      // One SQLite file to check and take the data from, whichever engine made the backup or runs here.
      const staged = await stagedDatabase(work, manifest);
      // Backups made before the keyed journal carry none: their journal is sealed when opened.
      if (manifest.journal) await checkBackupJournal(staged, manifest.journal);
      // The current data is kept first: a restore is never a loss.
      await ctx.services.engine.snapshotTo(path.join(paths.backupsDir, `pre-restauration-${stamp}.sqlite`));
      // Whatever happens in the swap, the app goes on with a database open (the restored one, or the current one untouched).
      await ctx.services.replaceData(staged, async () => {
        await rename(paths.filesDir, path.join(paths.backupsDir, `fichiers-pre-restauration-${stamp}`));
        await rename(path.join(work, 'fichiers'), paths.filesDir).catch(() =>
          mkdir(paths.filesDir, { recursive: true }),
        );
        for (const dir of [paths.documentsDir, paths.attachmentsDir, paths.payrollDir])
          await mkdir(dir, { recursive: true });
        if (manifest.journal) await adoptBackupJournal(ctx.services.keyStore, ctx.services.journal, manifest.journal);
      });
      await rotatePreRestoreCopies(paths);
      // Accounts may differ in the restored data: everyone signs in again.
      ctx.services.sessions.clear();
      ctx.record(`restore:${path.basename(file)}`);
      return { restored: true as const };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
