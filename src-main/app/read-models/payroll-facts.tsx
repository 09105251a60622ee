/**
 * A month's payroll figures for one employer as the hand-off counts them, the
 * checks before sending them, and the files made of them. Read by the payroll
 * screens and by anonymisation, which rebuilds kept files without the names.
 */
import path from 'node:path';
import * as repo from '../../db/repositories/payroll';
import { findEmployer, listWageRates } from '../../db/repositories/settings';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import { PAYROLL_SUMMARY_CSS, PayrollSummary } from '../../documents/templates/payroll-summary';
import { sha256, writeAtomically } from '../../documents/store';
import { payrollLine, smicNotes, type PayrollLine } from '../../domain/payroll';
import { canonicalFigures, figuresOf, type MonthFigures, type PersonFigures } from '../../domain/payroll-figures';
import { payrollCsv, payrollXlsx } from '../../exports/payroll';
import { payrollVariablesCsv } from '../../exports/payroll-variables';
import type { HandoffView } from '../../shared/contract/payroll';
import { EARLY_END_REASON_LABELS } from '../../shared/contract/worksites';
import { formatFrenchDate, frenchMonth } from '../../shared/dates';
import { hoursSummaries, warningText } from '../hours';
import { monthBounds, unrecordedChanges, type DriftRegularisation } from '../payroll-drift';
import type { HandlerServices } from '../handler';
import { codeOf, payItemCodes } from './payroll-codes';
import type { LinkTarget } from '../../shared/contract/links';
import type { ReadableDb } from '../../db/access';

export const monthName = frenchMonth;

export interface Computed {
  lines: PayrollLine[];
  checks: { message: string; link: LinkTarget }[];
  regularisationIds: number[];
  /** Changes to transmitted months with no régularisation recorded: recorded at validation, carried by this month. */
  unrecorded: DriftRegularisation[];
  /** What validation keeps, to notice a later change (domain/payroll-figures.ts). */
  figures: PersonFigures[];
}

/** The fingerprint of a month's figures, kept at validation. */
export const figuresSha256 = (figures: MonthFigures) => sha256(Buffer.from(canonicalFigures(figures), 'utf8'));

/** The month's figures for one employer, and what to check before sending them. */
export async function compute(db: ReadableDb, today: string, month: string, employerId: number): Promise<Computed> {
  const employerName = (await findEmployer(db, employerId))?.name ?? '';
  const { first, last } = monthBounds(month);
  const handoff = await repo.findHandoff(db, month, employerId);
  // A transmitted month carries what it carried; the next one open carries later changes.
  const unrecorded =
    handoff?.status === 'transmis' ? [] : await unrecordedChanges(db, today, employerId, month, monthName);
  const rows = await repo.participationsOfMonth(db, employerId, first, last, {
    ids: unrecorded.map((u) => u.participationId),
    handoffId: handoff?.id,
  });
  const ids = rows.map((r) => r.id);
  const summaries = await hoursSummaries(
    db,
    today,
    rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      name: `${r.firstNames} ${r.lastName}`,
      worksiteId: r.worksiteId,
      worksiteName: r.worksiteName,
      startDate: r.startDate,
      end: r.earlyEndDate ?? r.endDate,
      weeklyMinutes: r.weeklyMinutes,
    })),
  );
  const wageFloors = await listWageRates(db);
  const proofs = await repo.proofDaysBetween(db, ids, first, last);
  const contracts = await repo.employmentContractsOf(db, ids);
  const signed = await repo.withAttachment(db, ids);
  const carried = await repo.regularisationsCarried(db, ids, first, handoff);
  const regularisations = [...carried, ...unrecorded].sort((a, b) => a.date.localeCompare(b.date));

  const checks: Computed['checks'] = [];
  const lines = rows.map((r) => {
    const name = `${r.firstNames} ${r.lastName}`;
    const person: LinkTarget = { kind: 'person', id: r.personId };
    const summary = summaries.get(r.id)!;
    const end = r.earlyEndDate ?? r.endDate;
    const events: string[] = [];
    if (r.startDate >= first) events.push(`Entrée le ${formatFrenchDate(r.startDate)}`);
    if (r.earlyEndDate && r.earlyEndDate <= last) {
      events.push(
        `Fin anticipée le ${formatFrenchDate(r.earlyEndDate)} (${r.earlyEndReason ? EARLY_END_REASON_LABELS[r.earlyEndReason] : 'motif non renseigné'})`,
      );
    } else if (end <= last) events.push(`Fin de contrat le ${formatFrenchDate(end)}`);
    // The first version's number: a regenerated contract keeps its key.
    const contract = contracts.find((c) => c.participationId === r.id);
    if (!contract)
      checks.push({ message: `${name} : le contrat de travail n’a pas été établi dans Passerelle.`, link: person });
    if (!signed.has(r.id)) checks.push({ message: `${name} : le contrat signé n’est pas joint.`, link: person });
    if (!r.matricule)
      checks.push({
        message: `${name} : matricule chez ${employerName} non renseigné (fiche de la personne).`,
        link: person,
      });
    if (!r.nir)
      checks.push({
        message: `${name} : numéro de sécurité sociale non renseigné (l’employeur en a besoin).`,
        link: person,
      });
    const line = payrollLine(
      {
        participationId: r.id,
        personId: r.personId,
        lastName: r.lastName,
        firstNames: r.firstNames,
        nir: r.nir,
        birthDate: r.birthDate,
        matricule: r.matricule,
        contractRef: contract ? contract.number : `Participation n° ${r.id}`,
        worksiteName: r.worksiteName,
        hourlyCents: r.hourlyCents,
        wageFloors,
        weeklyMinutes: r.weeklyMinutes,
        summary,
        proofByDate: new Set(proofs.filter((p) => p.participationId === r.id).map((p) => p.date)),
        events,
        regularisations: regularisations.filter((g) => g.participationId === r.id),
      },
      month,
    );
    for (const note of smicNotes(line)) checks.push({ message: `${name} : ${note}.`, link: person });
    for (const w of summary.warnings.filter((w) => w.date.startsWith(month))) {
      checks.push({ message: `${name} : ${warningText(w, r.weeklyMinutes)}`, link: person });
    }
    return line;
  });

  // Half-days held this month with people under contract and no mark.
  for (const worksiteId of new Set(rows.map((r) => r.worksiteId))) {
    const missing = await repo.unmarkedHalfDays(db, worksiteId, employerId, first, last < today ? last : today);
    if (missing.length > 0) {
      const dates = [...new Set(missing.map((m) => formatFrenchDate(m.date)))];
      checks.push({
        message: `${missing[0]!.name} : présences non saisies (${missing.length}) le ${dates.slice(0, 4).join(', ')}${dates.length > 4 ? '…' : ''}.`,
        link: { kind: 'attendance', worksiteId, week: missing[0]!.date },
      });
    }
  }
  // The information and prevention visit, within the contract, for everyone who started.
  const visited = await repo.visitDone(db, ids);
  for (const r of rows) {
    if (r.startDate <= today && !visited.has(r.id)) {
      checks.push({
        message: `${r.firstNames} ${r.lastName} : pas de visite d’information et de prévention enregistrée comme faite.`,
        link: { kind: 'worksite', id: r.worksiteId },
      });
    }
  }
  return {
    lines,
    checks,
    regularisationIds: regularisations.flatMap((g) => ('id' in g && typeof g.id === 'number' ? [g.id] : [])),
    unrecorded,
    figures: figuresOf(
      lines.map((l) => ({ participationId: l.person.participationId, payLines: l.payLines, days: l.days })),
    ),
  };
}

export function linesView(lines: PayrollLine[]): HandoffView['lines'] {
  return lines.map((l) => ({
    participationId: l.person.participationId,
    personId: l.person.personId,
    name: `${l.person.firstNames} ${l.person.lastName}`,
    worksiteName: l.person.worksiteName,
    planned: l.planned,
    worked: l.worked,
    paid: l.paid,
    complementary: l.complementary,
    complementaryWithinTenth: l.complementaryWithinTenth,
    complementaryBeyondTenth: l.complementaryBeyondTenth,
    regularisationPaid: l.regularisationPaid,
    hourlyCents: l.person.hourlyCents,
    rates: l.rates.map((s) => ({
      from: s.from,
      to: s.to,
      hourlyCents: s.hourlyCents,
      smicFrom: s.raisedBy?.effectiveFrom ?? null,
      minutes: s.minutes,
      amountCents: s.amountCents,
    })),
    payLines: l.payLines,
    grossCents: l.grossCents,
  }));
}

/**
 * The three hand-off files of a month's lines, written under names that carry
 * their hash (also rebuilt, names removed, when someone is anonymised).
 */
/** What the hand-off files print besides the lines: read before, in a transaction of their own. */
export async function handoffSources(db: ReadableDb, filesDir: string, employerId: number) {
  return { structure: await structurePartyOf(db, filesDir), codes: await payItemCodes(db, employerId) };
}

/** Prints and writes the month's files, outside any transaction. */
export async function handoffFiles(
  services: Pick<HandlerServices, 'paths' | 'printer' | 'fontsDir'>,
  { structure, codes }: Awaited<ReturnType<typeof handoffSources>>,
  h: {
    month: string;
    employer: NonNullable<Awaited<ReturnType<typeof findEmployer>>>;
    lines: PayrollLine[];
    coordinator: string;
    issuedOn: string;
  },
) {
  const meta = {
    month: h.month,
    employerName: h.employer.name,
    structureName: structure.name,
    ...monthBounds(h.month),
  };
  const xlsx = await payrollXlsx(h.lines, meta);
  const csv = Buffer.from(payrollCsv(h.lines, meta), 'utf8');
  const variables = Buffer.from(
    payrollVariablesCsv(h.lines, monthBounds(h.month), (item) => codeOf(codes, item)),
    'utf8',
  );
  const pdf = await services.printer.print(
    renderPage(
      <PayrollSummary
        d={{
          monthLabel: monthName(h.month),
          period: monthBounds(h.month),
          reference: `Heures ${h.month} — ${h.employer.name}`,
          issuedOn: h.issuedOn,
          structure,
          employer: h.employer,
          coordinator: h.coordinator,
          lines: h.lines,
        }}
      />,
      services.fontsDir,
      PAYROLL_SUMMARY_CSS,
    ),
  );
  const stem = `paie-${h.month}-${h.employer.id}`;
  const files = {
    xlsx: `${stem}-${sha256(xlsx).slice(0, 16)}.xlsx`,
    csv: `${stem}-${sha256(csv).slice(0, 16)}.csv`,
    pdf: `${stem}-${sha256(pdf).slice(0, 16)}.pdf`,
    variables: `variables-${h.month}-${h.employer.id}-${sha256(variables).slice(0, 16)}.csv`,
  };
  await writeAtomically(path.join(services.paths.payrollDir, files.xlsx), xlsx);
  await writeAtomically(path.join(services.paths.payrollDir, files.csv), csv);
  await writeAtomically(path.join(services.paths.payrollDir, files.pdf), pdf);
  await writeAtomically(path.join(services.paths.payrollDir, files.variables), variables);
  return { files, xlsx, csv, pdf, variables };
}
