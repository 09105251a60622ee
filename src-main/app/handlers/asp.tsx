import * as repo from '../../db/repositories/asp';
import { findEmployer } from '../../db/repositories/settings';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import { ASP_MONTHLY_STATE_CSS, AspMonthlyState } from '../../documents/templates/asp-monthly-state';
import { safeFileName } from '../../domain/file-names';
import { aspMonthlyStateCsv } from '../../exports/asp-monthly-state';
import { de } from '../../shared/french';
import { frenchMonth } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { monthBounds } from '../payroll-drift';
import { aspMonthView, aspRowsNow, keptRows, rowsSha256 } from '../read-models/asp-month';

export const aspHandlers: HandlerMap<'asp/preview' | 'asp/get' | 'asp/validate' | 'asp/export'> = {
  'asp/preview': async ({ month, employerId }, ctx) => aspMonthView(ctx.db, ctx.today, month, employerId, 'preview'),

  'asp/get': async ({ month, employerId }, ctx) => aspMonthView(ctx.db, ctx.today, month, employerId, 'stored-first'),

  'asp/validate': async ({ month, employerId }, ctx) => {
    const employer = await findEmployer(ctx.db, employerId);
    if (!employer) throw new AppError('NOT_FOUND', 'Cet employeur n’existe pas.', { field: 'employerId' });
    const rows = await aspRowsNow(ctx.db, ctx.today, month, employerId);
    if (rows.length === 0)
      throw new AppError(
        'CONFLICT',
        `Aucun contrat CDDI d’un chantier ACI chez ${employer.name} en ${frenchMonth(month)} : rien à déclarer à l’ASP.`,
      );
    const problems = rows.reduce((n, r) => n + r.problems.length, 0);
    if (problems > 0)
      throw new AppError(
        'CONFLICT',
        `${problems} point(s) à corriger avant de valider l’état ${de(frenchMonth(month))} : chaque ligne dit quoi corriger.`,
        { field: 'rows' },
      );
    const kept = keptRows(rows);
    const id = await repo.saveState(ctx.db, {
      month,
      employerId,
      content: JSON.stringify(kept),
      contentSha256: rowsSha256(kept),
      validatedBy: ctx.session.user?.id ?? null,
      validatedAt: ctx.now,
    });
    ctx.record(`asp:${id}`);
    return aspMonthView(ctx.db, ctx.today, month, employerId, 'stored-first');
  },

  'asp/export': async ({ month, employerId, format, folder }, ctx) => {
    const { view, employer, structure, id } = await ctx.read(async ({ db }) => {
      const stored = await repo.findState(db, month, employerId);
      if (!stored) throw new AppError('CONFLICT', 'Validez d’abord l’état du mois : seul un état validé est exporté.');
      const view = await aspMonthView(db, ctx.today, month, employerId, 'stored-first');
      if (view.stale)
        throw new AppError(
          'CONFLICT',
          `Les heures ${de(frenchMonth(month))} ont changé depuis la validation : validez l’état à nouveau avant de l’exporter.`,
        );
      return {
        view,
        id: stored.id,
        employer: (await findEmployer(db, employerId))!,
        structure: await structurePartyOf(db, ctx.services.paths.filesDir),
      };
    });
    ctx.record(`asp:${id}`);
    const base = `Etat_mensuel_ASP_${employer.name}_${month}`;
    if (format === 'csv') {
      const bytes = Buffer.from(aspMonthlyStateCsv(view), 'utf8');
      return { path: await ctx.saveFile(folder, safeFileName(base, 'csv'), bytes) };
    }
    const pdf = await ctx.services.printer.print(
      renderPage(
        <AspMonthlyState
          d={{
            monthLabel: frenchMonth(month),
            period: monthBounds(month),
            reference: `ASP ${month} — ${employer.name}`,
            issuedOn: ctx.today,
            structure,
            employer: { name: employer.name, siret: employer.siret },
            validatedBy: view.validatedBy ?? '',
            validatedAt: view.validatedAt ?? ctx.now,
            rows: view.rows,
          }}
        />,
        ctx.services.fontsDir,
        ASP_MONTHLY_STATE_CSS,
      ),
    );
    return { path: await ctx.saveFile(folder, safeFileName(base, 'pdf'), pdf) };
  },
};
