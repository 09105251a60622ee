import type { Kysely } from 'kysely';
import path from 'node:path';
import type { Database } from '../../db/schema';
import { de } from '../../shared/french';
import * as repo from '../../db/repositories/payroll';
import { findEmployer, listWageRates } from '../../db/repositories/settings';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import { PAYROLL_SUMMARY_CSS, PayrollSummary } from '../../documents/templates/payroll-summary';
import { payrollLine, smicNotes, type PayrollLine } from '../../domain/payroll';
import { safeFileName } from '../../domain/file-names';
import { copyInto, readVerified, sha256, writeAtomically } from '../../documents/store';
import { payrollCsv, payrollXlsx } from '../../exports/payroll';
import { payrollVariablesCsv } from '../../exports/payroll-variables';
import { missingMatricules, variablesRefusal } from '../../domain/variables-keys';
import { codeOf, payItemCodes } from './payroll-keys';
import { EARLY_END_REASON_LABELS, type EarlyEndReason } from '../../shared/contract/worksites';
import type { HandoffView } from '../../shared/contract/payroll';
import { formatFrenchDate, frenchMonth } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';
import type { Services } from '../services';
import { hoursSummaries, warningText } from '../hours';
import { journalNirDisclosure } from '../nir-exposure';
import { monthBounds, unrecordedChanges, type DriftRegularisation } from '../payroll-drift';
import { canonicalFigures, figureChanges, figuresOf, type MonthFigures, type PersonFigures } from '../../domain/payroll-figures';
import { PAY_ITEM_DEFAULTS, PAY_ITEMS, type PayItem } from '../../shared/contract/pay-items';

export const monthName = frenchMonth;

interface Computed {
  lines: PayrollLine[];
  checks: { message: string; link: string }[];
  regularisationIds: number[];
  /** Changes to transmitted months with no régularisation recorded: recorded at validation, carried by this month. */
  unrecorded: DriftRegularisation[];
  /** What validation keeps, to notice a later change (domain/payroll-figures.ts). */
  figures: PersonFigures[];
}

/** The fingerprint of a month's figures, kept at validation. */
export const figuresSha256 = (figures: MonthFigures) => sha256(Buffer.from(canonicalFigures(figures), 'utf8'));

/** The month's figures for one employer, and what to check before sending them. */
export async function compute(db: Kysely<Database>, today: string, month: string, employerId: number): Promise<Computed> {
  const employerName = (await findEmployer(db, employerId))?.name ?? '';
  const { first, last } = monthBounds(month);
  const handoff = await repo.findHandoff(db, month, employerId);
  // A transmitted month carries what it carried; the next one open carries later changes.
  const unrecorded = handoff?.status === 'transmis' ? [] : await unrecordedChanges(db, today, employerId, month, monthName);
  const rows = await repo.participationsOfMonth(db, employerId, first, last, { ids: unrecorded.map((u) => u.participationId), handoffId: handoff?.id });
  const ids = rows.map((r) => r.id);
  const summaries = await hoursSummaries(
    db,
    today,
    rows.map((r) => ({ id: r.id, personId: r.personId, name: `${r.firstNames} ${r.lastName}`, worksiteId: r.worksiteId, worksiteName: r.worksiteName, startDate: r.startDate, end: r.earlyEndDate ?? r.endDate, weeklyMinutes: r.weeklyMinutes })),
  );
  const wageFloors = await listWageRates(db);
  const proofs = ids.length
    ? await db
        .selectFrom('attendance as a')
        .innerJoin('sessions as s', 's.id', 'a.sessionId')
        .select(['a.participationId', 's.date'])
        .where('a.participationId', 'in', ids)
        .where('a.proofReceived', '=', 1)
        .where('s.date', '>=', first)
        .where('s.date', '<=', last)
        .execute()
    : [];
  const contracts = ids.length
    ? await db.selectFrom('documents').select(['participationId', 'number', 'version']).where('kind', '=', 'contrat_travail').where('participationId', 'in', ids).orderBy('version').execute()
    : [];
  const signed = new Set(ids.length ? (await db.selectFrom('attachments').select('participationId').where('participationId', 'in', ids).execute()).map((a) => a.participationId) : []);
  const carried = (await repo.regularisationsCarried(db, ids, first, handoff)).map((g) => ({ ...g, item: g.item as PayItem | null }));
  const regularisations = [...carried, ...unrecorded].sort((a, b) => a.date.localeCompare(b.date));

  const checks: Computed['checks'] = [];
  const lines = rows.map((r) => {
    const name = `${r.firstNames} ${r.lastName}`;
    const person = `/people/${r.personId}`;
    const summary = summaries.get(r.id)!;
    const end = r.earlyEndDate ?? r.endDate;
    const events: string[] = [];
    if (r.startDate >= first) events.push(`Entrée le ${formatFrenchDate(r.startDate)}`);
    if (r.earlyEndDate && r.earlyEndDate <= last) {
      events.push(`Fin anticipée le ${formatFrenchDate(r.earlyEndDate)} (${EARLY_END_REASON_LABELS[r.earlyEndReason as EarlyEndReason] ?? r.earlyEndReason})`);
    } else if (end <= last) events.push(`Fin de contrat le ${formatFrenchDate(end)}`);
    // The first version's number: a regenerated contract keeps its key.
    const contract = contracts.find((c) => c.participationId === r.id);
    if (!contract) checks.push({ message: `${name} : le contrat de travail n’a pas été établi dans Passerelle.`, link: person });
    if (!signed.has(r.id)) checks.push({ message: `${name} : le contrat signé n’est pas joint.`, link: person });
    if (!r.matricule) checks.push({ message: `${name} : matricule chez ${employerName} non renseigné (fiche de la personne).`, link: person });
    if (!r.nir) checks.push({ message: `${name} : numéro de sécurité sociale non renseigné (l’employeur en a besoin).`, link: person });
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
    const missing = await db
      .selectFrom('sessions as s')
      .innerJoin('participations as pa', 'pa.worksiteId', 's.worksiteId')
      .innerJoin('worksites as w', 'w.id', 's.worksiteId')
      .leftJoin('attendance as a', (join) => join.onRef('a.sessionId', '=', 's.id').onRef('a.participationId', '=', 'pa.id'))
      .select(['s.date', 'w.name'])
      .where('s.worksiteId', '=', worksiteId)
      .where('pa.employerId', '=', employerId)
      .where('s.cancelledReason', 'is', null)
      .where('s.date', '>=', first)
      .where('s.date', '<=', last < today ? last : today)
      .whereRef('s.date', '>=', 'pa.startDate')
      .where((eb) => eb('s.date', '<=', eb.fn.coalesce('pa.earlyEndDate', 'pa.endDate')))
      .where('a.sessionId', 'is', null)
      .orderBy('s.date')
      .execute();
    if (missing.length > 0) {
      const dates = [...new Set(missing.map((m) => formatFrenchDate(m.date)))];
      checks.push({
        message: `${missing[0]!.name} : présences non saisies (${missing.length}) le ${dates.slice(0, 4).join(', ')}${dates.length > 4 ? '…' : ''}.`,
        link: `/worksites/${worksiteId}/attendance?semaine=${missing[0]!.date}`,
      });
    }
  }
  // The information and prevention visit, within the contract, for everyone who started.
  const visits = ids.length ? await db.selectFrom('annexTimes').select('participationId').where('participationId', 'in', ids).where('kind', '=', 'visite_medicale').where('done', '=', 1).execute() : [];
  const visited = new Set(visits.map((v) => v.participationId));
  for (const r of rows) {
    if (r.startDate <= today && !visited.has(r.id)) {
      checks.push({ message: `${r.firstNames} ${r.lastName} : pas de visite d’information et de prévention enregistrée comme faite.`, link: `/worksites/${r.worksiteId}` });
    }
  }
  return {
    lines,
    checks,
    regularisationIds: regularisations.flatMap((g) => ('id' in g && typeof g.id === 'number' ? [g.id] : [])),
    unrecorded,
    figures: figuresOf(lines.map((l) => ({ participationId: l.person.participationId, payLines: l.payLines, days: l.days }))),
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
    rates: l.rates.map((s) => ({ from: s.from, to: s.to, hourlyCents: s.hourlyCents, smicFrom: s.raisedBy?.effectiveFrom ?? null, minutes: s.minutes, amountCents: s.amountCents })),
    payLines: l.payLines,
    grossCents: l.grossCents,
  }));
}

/** The kept figures against those counted now, per person and pay line, in the screen's words. */
function changesView(kept: MonthFigures, now: Computed, keptLines: HandoffView['lines']): HandoffView['changes'] {
  return figureChanges(kept, now.figures, PAY_ITEMS).map((c) => {
    const line = now.lines.find((l) => l.person.participationId === c.participationId);
    const keptLine = keptLines.find((l) => l.participationId === c.participationId);
    return {
      participationId: c.participationId,
      personId: line?.person.personId ?? keptLine?.personId ?? 0,
      name: line ? `${line.person.firstNames} ${line.person.lastName}` : (keptLine?.name ?? ''),
      item: c.item,
      label: PAY_ITEM_DEFAULTS[c.item].description,
      beforeMinutes: c.before.minutes,
      afterMinutes: c.after.minutes,
      beforeCents: c.before.amountCents,
      afterCents: c.after.amountCents,
      beforeDates: c.before.dates,
      afterDates: c.after.dates,
    };
  });
}

async function view(db: Kysely<Database>, today: string, month: string, employerId: number): Promise<HandoffView> {
  const employer = await findEmployer(db, employerId);
  if (!employer) throw new AppError('NOT_FOUND', "Cet employeur n’existe pas.", { field: 'employerId' });
  const stored = await repo.findHandoff(db, month, employerId);
  if (stored) {
    const content = JSON.parse(stored.content) as Pick<HandoffView, 'checks' | 'lines'> & { figures?: MonthFigures };
    // Kept before figures were: nothing to compare with.
    const now = content.figures && stored.figuresSha256 ? await compute(db, today, month, employerId) : null;
    const drifted = now !== null && figuresSha256(now.figures) !== stored.figuresSha256;
    const withdrawals = await repo.withdrawalsOf(db, stored.id);
    return {
      month,
      employerId,
      employerName: employer.name,
      status: stored.status as HandoffView['status'],
      handoffId: stored.id,
      validatedBy: stored.validatedByName,
      validatedAt: stored.validatedAt,
      transmittedBy: stored.transmittedByName,
      transmittedAt: stored.transmittedAt,
      checks: content.checks,
      lines: content.lines,
      stale: drifted && stored.status === 'valide',
      changes: drifted ? changesView(content.figures!, now, content.lines) : [],
      withdrawals: withdrawals.map((w) => ({ reason: w.reason, withdrawnBy: w.withdrawnByName, withdrawnAt: w.withdrawnAt, transmittedAt: w.transmittedAt })),
    };
  }
  const computed = await compute(db, today, month, employerId);
  return {
    month,
    employerId,
    employerName: employer.name,
    status: 'a_preparer',
    handoffId: null,
    validatedBy: null,
    validatedAt: null,
    transmittedBy: null,
    transmittedAt: null,
    checks: computed.checks,
    lines: linesView(computed.lines),
    stale: false,
    changes: [],
    withdrawals: [],
  };
}

/**
 * The three hand-off files of a month's lines, written under names that carry
 * their hash (also rebuilt, names removed, when someone is anonymised).
 */
export async function handoffFiles(
  services: Services,
  db: Kysely<Database>,
  h: { month: string; employer: NonNullable<Awaited<ReturnType<typeof findEmployer>>>; lines: PayrollLine[]; coordinator: string; issuedOn: string },
) {
  const structure = await structurePartyOf(db, services.paths.filesDir);
  const meta = { month: h.month, employerName: h.employer.name, structureName: structure.name, ...monthBounds(h.month) };
  const xlsx = await payrollXlsx(h.lines, meta);
  const csv = Buffer.from(payrollCsv(h.lines, meta), 'utf8');
  const codes = await payItemCodes(db, h.employer.id);
  const variables = Buffer.from(payrollVariablesCsv(h.lines, monthBounds(h.month), (item) => codeOf(codes, item)), 'utf8');
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

function fileBase(employerName: string, month: string) {
  return `Heures_${employerName}_${month}`;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);

export const payrollHandlers: HandlerMap<'payroll/list' | 'payroll/get' | 'payroll/validate' | 'payroll/transmit' | 'payroll/withdraw' | 'payroll/export'> = {
  'payroll/list': async (_input, ctx) =>
    (await repo.listHandoffs(ctx.db)).map((h) => ({
      month: h.month,
      employerId: h.employerId,
      employerName: h.employerName,
      status: h.status as HandoffView['status'],
      handoffId: h.id,
      validatedBy: h.validatedByName,
      validatedAt: h.validatedAt,
      transmittedBy: h.transmittedByName,
      transmittedAt: h.transmittedAt,
    })),

  'payroll/get': async ({ month, employerId }, ctx) => view(ctx.db, ctx.today, month, employerId),

  'payroll/validate': async ({ month, employerId, confirmChecks }, ctx: HandlerContext) => {
    const db = ctx.services.db;
    const existing = await repo.findHandoff(db, month, employerId);
    if (existing?.status === 'transmis') throw new AppError('CONFLICT', `Les heures ${de(monthName(month))} ont déjà été transmises : une correction passe par une régularisation.`);
    const employer = await findEmployer(db, employerId);
    if (!employer) throw new AppError('NOT_FOUND', "Cet employeur n’existe pas.", { field: 'employerId' });
    const computed = await db.transaction().execute((trx) => compute(trx, ctx.today, month, employerId));
    if (computed.lines.length === 0) throw new AppError('CONFLICT', `Aucune personne n’a travaillé pour ${employer.name} en ${monthName(month)}.`);
    if (computed.checks.length > 0 && !confirmChecks) {
      throw new AppError('CONFLICT', `${computed.checks.length} point(s) à vérifier avant l’envoi. Corrigez-les, ou confirmez pour valider quand même.`, { field: 'checks' });
    }
    const made = await handoffFiles(ctx.services, db, { month, employer, lines: computed.lines, coordinator: ctx.session.user?.displayName ?? '', issuedOn: ctx.today });
    const { files, xlsx, csv, pdf, variables } = made;
    await ctx.transaction(async (trx) => {
      const id = await repo.saveHandoff(trx, {
        month,
        employerId,
        status: 'valide',
        content: JSON.stringify({
          checks: computed.checks,
          lines: linesView(computed.lines),
          figures: computed.figures,
          // Who the kept variables file names without a matricule: that file is then refused at export.
          missingMatricules: missingMatricules(computed.lines.map((l) => ({ name: `${l.person.firstNames} ${l.person.lastName}`, matricule: l.person.matricule }))),
        }),
        figuresSha256: figuresSha256(computed.figures),
        xlsxFile: files.xlsx,
        xlsxSha256: sha256(xlsx),
        csvFile: files.csv,
        csvSha256: sha256(csv),
        pdfFile: files.pdf,
        pdfSha256: sha256(pdf),
        variablesFile: files.variables,
        variablesSha256: sha256(variables),
        validatedBy: ctx.session.user?.id ?? null,
        validatedAt: ctx.now,
        transmittedBy: null,
        transmittedAt: null,
      });
      await repo.attachRegularisations(trx, computed.regularisationIds, id);
      await repo.insertRegularisations(trx, computed.unrecorded, id, ctx.session.user?.id ?? null, ctx.now);
      ctx.record(`payroll:${id}`);
    });
    return view(db, ctx.today, month, employerId);
  },

  'payroll/transmit': async ({ month, employerId }, ctx) => {
    const handoff = await repo.findHandoff(ctx.db, month, employerId);
    if (!handoff) throw new AppError('CONFLICT', "Le mois doit d’abord être validé par la coordination.");
    if (handoff.status === 'transmis') throw new AppError('CONFLICT', 'Ce mois est déjà marqué comme transmis.');
    if ((await view(ctx.db, ctx.today, month, employerId)).stale) {
      throw new AppError('CONFLICT', `Les chiffres ${de(monthName(month))} ont changé depuis la validation : validez le mois à nouveau avant de le transmettre.`);
    }
    await repo.markTransmitted(ctx.db, handoff.id, ctx.session.user?.id ?? null, ctx.now);
    ctx.record(`payroll:${handoff.id}`);
    return view(ctx.db, ctx.today, month, employerId);
  },

  'payroll/withdraw': async ({ month, employerId, reason }, ctx) => {
    const handoff = await repo.findHandoff(ctx.db, month, employerId);
    if (!handoff || handoff.status !== 'transmis' || handoff.transmittedAt === null) throw new AppError('CONFLICT', `Les heures ${de(monthName(month))} ne sont pas marquées comme transmises : rien à retirer.`);
    const later = await repo.transmittedAfter(ctx.db, employerId, month);
    if (later) {
      throw new AppError(
        'CONFLICT',
        `${capitalised(monthName(later.month))} a déjà été transmis à ${handoff.employerName} : la transmission ${de(monthName(month))} ne peut plus être retirée. Une correction passe par une régularisation.`,
      );
    }
    await repo.withdrawTransmission(ctx.db, { ...handoff, transmittedAt: handoff.transmittedAt }, reason, ctx.session.user?.id ?? null, ctx.now, monthBounds(month).last);
    ctx.record(`payroll:${handoff.id}`);
    return view(ctx.db, ctx.today, month, employerId);
  },

  'payroll/export': async ({ month, employerId, format, folder }, ctx) => {
    const handoff = await repo.findHandoff(ctx.services.db, month, employerId);
    if (!handoff) throw new AppError('CONFLICT', "Le mois doit d’abord être validé : les fichiers sont faits à la validation.");
    if (format === 'variables' && !handoff.variablesFile) {
      throw new AppError('CONFLICT', "Ce mois a été validé avant l’export des variables de paie : validez-le à nouveau pour le produire.");
    }
    if (format === 'variables') {
      const kept = (JSON.parse(handoff.content) as { missingMatricules?: string[] }).missingMatricules ?? [];
      const refusal = variablesRefusal(kept, handoff.employerName, handoff.status === 'transmis');
      if (refusal) throw new AppError('CONFLICT', refusal);
    }
    const stored: Record<typeof format, { file: string; hash: string }> = {
      xlsx: { file: handoff.xlsxFile, hash: handoff.xlsxSha256 },
      csv: { file: handoff.csvFile, hash: handoff.csvSha256 },
      pdf: { file: handoff.pdfFile, hash: handoff.pdfSha256 },
      variables: { file: handoff.variablesFile ?? '', hash: handoff.variablesSha256 ?? '' },
    };
    const { file, hash } = stored[format];
    const bytes = await readVerified(ctx.services.paths.payrollDir, file, hash);
    ctx.record(`payroll:${handoff.id}`);
    // The files for payroll software carry the NIR the employer needs (the signed PDF summary does not).
    if (format !== 'pdf') {
      const lines = (JSON.parse(handoff.content) as Pick<HandoffView, 'lines'>).lines;
      const personIds = [...new Set(lines.map((l) => l.personId))];
      const withNir = personIds.length ? await ctx.services.db.selectFrom('persons').select('id').where('id', 'in', personIds).where('nir', 'is not', null).execute() : [];
      journalNirDisclosure(ctx, withNir.map((p) => p.id));
    }
    const name = format === 'variables' ? safeFileName(`Variables_paie_${handoff.employerName}_${month}`, 'csv') : safeFileName(fileBase(handoff.employerName, month), format);
    return { path: await copyInto(folder, name, bytes) };
  },
};
