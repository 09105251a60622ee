/**
 * The ASP monthly state of an employer's ACI contracts (domain/asp-monthly-state.ts),
 * counted from the payroll hand-off's own figures (read-models/payroll-facts.tsx:
 * the same attendance, the same pay lines), and the state as validated.
 */
import * as repo from '../../db/repositories/asp';
import { findEmployer } from '../../db/repositories/settings';
import { aspName, aspRow, canonicalAspRows } from '../../domain/asp-monthly-state';
import { sha256 } from '../../documents/store';
import type { AspMonthView } from '../../shared/contract/asp';
import { AppError } from '../../shared/errors';
import { monthBounds } from '../payroll-drift';
import { compute } from './payroll-facts';
import type { ReadableDb } from '../../db/access';

type Row = AspMonthView['rows'][number];

/** The rows counted now: one per CDDI contract of an ACI worksite active in the month. */
export async function aspRowsNow(db: ReadableDb, today: string, month: string, employerId: number): Promise<Row[]> {
  const { first, last } = monthBounds(month);
  const payroll = await compute(db, today, month, employerId);
  const facts = await repo.cddiFacts(
    db,
    payroll.lines.map((l) => l.person.participationId),
    last,
  );
  return facts
    .filter((f) => f.startDate <= last && (f.earlyEndDate ?? f.endDate) >= first)
    .map((f) => {
      const line = payroll.lines.find((l) => l.person.participationId === f.participationId)!;
      const row = aspRow(
        {
          ...f,
          personId: line.person.personId,
          lastName: line.person.lastName,
          firstNames: line.person.firstNames,
          nir: line.person.nir,
          payLines: line.payLines,
        },
        month,
        last,
      );
      return { ...row, worksiteName: line.person.worksiteName };
    })
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.participationId - b.participationId);
}

/** What a validated month keeps of a row: figures and categories, no name, no PASS IAE. */
type KeptRow = Omit<Row, 'lastName' | 'firstNames' | 'passIae' | 'worksiteName' | 'startDate' | 'problems'>;

export function keptRows(rows: readonly Row[]): KeptRow[] {
  return rows.map((r) => ({
    participationId: r.participationId,
    personId: r.personId,
    paidMinutes: r.paidMinutes,
    workedMinutes: r.workedMinutes,
    hours: r.hours,
    centiHours: r.centiHours,
    stillAccompanied: r.stillAccompanied,
    actualEndDate: r.actualEndDate,
    exitCategory: r.exitCategory,
    difficulties: r.difficulties,
  }));
}

export const rowsSha256 = (rows: readonly KeptRow[]) => sha256(Buffer.from(canonicalAspRows(rows), 'utf8'));

const total = (rows: readonly Row[]) => rows.reduce((sum, r) => sum + r.paidMinutes, 0);

/** The month as validated (« À revalider » when the figures counted now differ), or as counted now. */
export async function aspMonthView(
  db: ReadableDb,
  today: string,
  month: string,
  employerId: number,
  only: 'preview' | 'stored-first',
): Promise<AspMonthView> {
  const employer = await findEmployer(db, employerId);
  if (!employer) throw new AppError('NOT_FOUND', 'Cet employeur n’existe pas.', { field: 'employerId' });
  const now = await aspRowsNow(db, today, month, employerId);
  const stored = only === 'stored-first' ? await repo.findState(db, month, employerId) : undefined;
  if (!stored) {
    return {
      month,
      employerId,
      employerName: employer.name,
      status: 'a_valider',
      validatedBy: null,
      validatedAt: null,
      stale: false,
      rows: now,
      totalPaidMinutes: total(now),
    };
  }
  const kept = JSON.parse(stored.content) as KeptRow[];
  const who = await repo.identities(
    db,
    kept.map((k) => k.participationId),
  );
  const rows: Row[] = kept.map((k) => {
    const id = who.find((w) => w.id === k.participationId);
    return {
      ...k,
      lastName: aspName(id?.lastName ?? ''),
      firstNames: aspName(id?.firstNames ?? ''),
      passIae: (id?.passIae ?? '').replace(/\s/g, '').toUpperCase(),
      startDate: id?.startDate ?? '',
      worksiteName: id?.worksiteName ?? '',
      problems: [],
    };
  });
  return {
    month,
    employerId,
    employerName: employer.name,
    status: 'valide',
    validatedBy: stored.validatedByName,
    validatedAt: stored.validatedAt,
    stale: rowsSha256(keptRows(now)) !== stored.contentSha256,
    rows,
    totalPaidMinutes: total(rows),
  };
}
