import { de } from '../../shared/french';
import { serialise } from '../../db/locks';
import * as repo from '../../db/repositories/payroll';
import { findEmployer } from '../../db/repositories/settings';
import { safeFileName } from '../../domain/file-names';
import { readVerified, sha256 } from '../../documents/store';
import { missingMatricules, variablesRefusal } from '../../domain/variables-keys';
import type { HandoffView } from '../../shared/contract/payroll';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { journalNirDisclosure } from '../nir-exposure';
import { monthBounds } from '../payroll-drift';
import { figureChanges, type MonthFigures } from '../../domain/payroll-figures';
import { PAY_ITEM_DEFAULTS, PAY_ITEMS } from '../../shared/contract/pay-items';
import {
  compute,
  figuresSha256,
  handoffFiles,
  handoffSources,
  linesView,
  monthName,
  type Computed,
} from '../read-models/payroll-facts';
import { linkFromStoredPath } from '../../shared/contract/links';
import type { ReadableDb } from '../../db/access';

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

function alreadySent(month: string): AppError {
  return new AppError(
    'CONFLICT',
    `Les heures ${de(monthName(month))} ont déjà été transmises : une correction passe par une régularisation.`,
  );
}

async function view(db: ReadableDb, today: string, month: string, employerId: number): Promise<HandoffView> {
  const employer = await findEmployer(db, employerId);
  if (!employer) throw new AppError('NOT_FOUND', 'Cet employeur n’existe pas.', { field: 'employerId' });
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
      status: stored.status,
      handoffId: stored.id,
      validatedBy: stored.validatedByName,
      validatedAt: stored.validatedAt,
      transmittedBy: stored.transmittedByName,
      transmittedAt: stored.transmittedAt,
      // Kept before links were typed: their paths read back as targets.
      checks: content.checks.map((c) => ({ ...c, link: linkFromStoredPath(c.link) })),
      lines: content.lines,
      stale: drifted && stored.status === 'valide',
      changes: drifted ? changesView(content.figures!, now, content.lines) : [],
      withdrawals: withdrawals.map((w) => ({
        reason: w.reason,
        withdrawnBy: w.withdrawnByName,
        withdrawnAt: w.withdrawnAt,
        transmittedAt: w.transmittedAt,
      })),
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

function fileBase(employerName: string, month: string) {
  return `Heures_${employerName}_${month}`;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);

export const payrollHandlers: HandlerMap<
  'payroll/list' | 'payroll/get' | 'payroll/validate' | 'payroll/transmit' | 'payroll/withdraw' | 'payroll/export'
> = {
  'payroll/list': async (_input, ctx) =>
    (await repo.listHandoffs(ctx.db)).map((h) => ({
      month: h.month,
      employerId: h.employerId,
      employerName: h.employerName,
      status: h.status,
      handoffId: h.id,
      validatedBy: h.validatedByName,
      validatedAt: h.validatedAt,
      transmittedBy: h.transmittedByName,
      transmittedAt: h.transmittedAt,
    })),

  'payroll/get': async ({ month, employerId }, ctx) => view(ctx.db, ctx.today, month, employerId),

  'payroll/validate': async ({ month, employerId, confirmChecks }, ctx) => {
    // A `none` method: the figures are read in one transaction, the files made outside it.
    const { employer, computed, sources } = await ctx.read(async ({ db }) => {
      if ((await repo.findHandoff(db, month, employerId))?.status === 'transmis') throw alreadySent(month);
      const employer = await findEmployer(db, employerId);
      if (!employer) throw new AppError('NOT_FOUND', 'Cet employeur n’existe pas.', { field: 'employerId' });
      return {
        employer,
        computed: await compute(db, ctx.today, month, employerId),
        sources: await handoffSources(db, ctx.services.paths.filesDir, employerId),
      };
    });
    if (computed.lines.length === 0)
      throw new AppError('CONFLICT', `Aucune personne n’a travaillé pour ${employer.name} en ${monthName(month)}.`);
    if (computed.checks.length > 0 && !confirmChecks) {
      throw new AppError(
        'CONFLICT',
        `${computed.checks.length} point(s) à vérifier avant l’envoi. Corrigez-les, ou confirmez pour valider quand même.`,
        { field: 'checks' },
      );
    }
    const made = await handoffFiles(ctx.services, sources, {
      month,
      employer,
      lines: computed.lines,
      coordinator: ctx.session.user?.displayName ?? '',
      issuedOn: ctx.today,
    });
    const { files, xlsx, csv, pdf, variables } = made;
    await ctx.transaction(async (trx) => {
      // Sent by someone else while the files were made: validating again would unlock the month.
      await serialise(trx, 'payroll-months');
      if ((await repo.findHandoff(trx, month, employerId))?.status === 'transmis') throw alreadySent(month);
      const id = await repo.saveHandoff(trx, {
        month,
        employerId,
        status: 'valide',
        content: JSON.stringify({
          checks: computed.checks,
          lines: linesView(computed.lines),
          figures: computed.figures,
          // Who the kept variables file names without a matricule: that file is then refused at export.
          missingMatricules: missingMatricules(
            computed.lines.map((l) => ({
              name: `${l.person.firstNames} ${l.person.lastName}`,
              matricule: l.person.matricule,
            })),
          ),
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
    return ctx.read(({ db }) => view(db, ctx.today, month, employerId));
  },

  'payroll/transmit': async ({ month, employerId }, ctx) => {
    // No hours edit of the month in flight while it is checked and marked sent (db/locks.ts).
    await serialise(ctx.db, 'payroll-months');
    const handoff = await repo.findHandoff(ctx.db, month, employerId);
    if (!handoff) throw new AppError('CONFLICT', 'Le mois doit d’abord être validé par la coordination.');
    if (handoff.status === 'transmis') throw new AppError('CONFLICT', 'Ce mois est déjà marqué comme transmis.');
    if ((await view(ctx.db, ctx.today, month, employerId)).stale) {
      throw new AppError(
        'CONFLICT',
        `Les chiffres ${de(monthName(month))} ont changé depuis la validation : validez le mois à nouveau avant de le transmettre.`,
      );
    }
    await repo.markTransmitted(ctx.db, handoff.id, ctx.session.user?.id ?? null, ctx.now);
    ctx.record(`payroll:${handoff.id}`);
    return view(ctx.db, ctx.today, month, employerId);
  },

  'payroll/withdraw': async ({ month, employerId, reason }, ctx) => {
    await serialise(ctx.db, 'payroll-months');
    const handoff = await repo.findHandoff(ctx.db, month, employerId);
    if (!handoff || handoff.status !== 'transmis' || handoff.transmittedAt === null)
      throw new AppError(
        'CONFLICT',
        `Les heures ${de(monthName(month))} ne sont pas marquées comme transmises : rien à retirer.`,
      );
    const later = await repo.transmittedAfter(ctx.db, employerId, month);
    if (later) {
      throw new AppError(
        'CONFLICT',
        `${capitalised(monthName(later.month))} a déjà été transmis à ${handoff.employerName} : la transmission ${de(monthName(month))} ne peut plus être retirée. Une correction passe par une régularisation.`,
      );
    }
    await repo.withdrawTransmission(
      ctx.db,
      { ...handoff, transmittedAt: handoff.transmittedAt },
      reason,
      ctx.session.user?.id ?? null,
      ctx.now,
      monthBounds(month).last,
    );
    ctx.record(`payroll:${handoff.id}`);
    return view(ctx.db, ctx.today, month, employerId);
  },

  'payroll/export': async ({ month, employerId, format, folder }, ctx) => {
    const handoff = await ctx.read(({ db }) => repo.findHandoff(db, month, employerId));
    if (!handoff)
      throw new AppError('CONFLICT', 'Le mois doit d’abord être validé : les fichiers sont faits à la validation.');
    if (format === 'variables' && !handoff.variablesFile) {
      throw new AppError(
        'CONFLICT',
        'Ce mois a été validé avant l’export des variables de paie : validez-le à nouveau pour le produire.',
      );
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
      journalNirDisclosure(ctx, await ctx.read(({ db }) => repo.withNir(db, personIds)));
    }
    const name =
      format === 'variables'
        ? safeFileName(`Variables_paie_${handoff.employerName}_${month}`, 'csv')
        : safeFileName(fileBase(handoff.employerName, month), format);
    return { path: await ctx.saveFile(folder, name, bytes) };
  },
};
