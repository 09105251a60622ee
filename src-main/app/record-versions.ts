import { claimVersion, versionStamp, type VersionedTable } from '../db/repositories/record-versions';
import { formatFrenchInstant } from '../shared/paris-time';
import { AppError } from '../shared/errors';
import type { HandlerContext } from './handler';

/** How each record is named in the refusal. */
const WHAT: Record<VersionedTable, { changed: string; it: 'la' | 'le' }> = {
  persons: { changed: 'Cette fiche a été modifiée', it: 'la' },
  worksites: { changed: 'Ce chantier a été modifié', it: 'le' },
  participations: { changed: 'Ce contrat a été modifié', it: 'le' },
  structure: { changed: 'La fiche de la structure a été modifiée', it: 'la' },
  employers: { changed: 'Cette fiche d’employeur a été modifiée', it: 'la' },
};

/** « par Marie Durand le 02/12/2026 à 10 h 31 », as far as it is known. */
export function byWhomAndWhen(changedBy: string | null, changedAt: string | null): string {
  const who = changedBy === null ? '' : ` par ${changedBy}`;
  const when = changedAt === null ? '' : ` le ${formatFrenchInstant(changedAt)}`;
  return `${who}${when}`;
}

/**
 * A form's save: the record must still be at the version the form was opened
 * on. Moves it to the next version (the caller's write follows in the same
 * transaction), or refuses with `STALE`, saying who changed it and when; the
 * form then reloads the record through its ordinary (journaled) read, keeping
 * the user's typing aside. The current record is not in the refusal: a read
 * of personal data is journaled, a failed write's transaction is not.
 * Without an expected version (scripts, imports, which hold no loaded copy)
 * the version moves all the same.
 */
export async function claimFresh(
  ctx: HandlerContext<'write'>,
  table: VersionedTable,
  id: number,
  expected: number | undefined,
): Promise<void> {
  const userId = ctx.session.user?.id ?? null;
  const current = await versionStamp(ctx.db, table, id);
  if (current === null) throw new AppError('NOT_FOUND');
  if (await claimVersion(ctx.db, table, id, expected ?? current.version, userId, ctx.now)) return;
  const latest = (await versionStamp(ctx.db, table, id)) ?? current;
  const { changed, it } = WHAT[table];
  throw new AppError(
    'STALE',
    `${changed}${byWhomAndWhen(latest.changedBy, latest.changedAt)} pendant que vous ${it} modifiiez. Rechargez-${it} : vos saisies restent à côté, à reporter.`,
    { stale: latest },
  );
}
