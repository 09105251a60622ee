import * as repo from '../../db/repositories/statistics';
import { findStructure } from '../../db/repositories/settings';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import { FunderReport, REPORT_CSS } from '../../documents/templates/funder-report';
import { safeFileName } from '../../domain/file-names';
import { shownBreakdown, shownCross, shownImmersions, statsXlsx } from '../../exports/stats';
import { SMALL_FIGURES_WARNING, type StatsFilter } from '../../shared/contract/stats';
import { ACTIVITY_LABELS, WORKSITE_KIND_LABELS } from '../../shared/contract/worksites';
import { countingEnd } from '../../domain/statistics';
import { formatFrenchDate, longFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';
import { scopeFor } from '../permissions';
import { statsFigures } from '../stats-figures';
import type { ReadableDb } from '../../db/access';

type Filter = repo.Filter & { showSmall: boolean };

/** The period in words; one ending after today says the day its figures stop at. */
function periodText(f: Filter, today: string): string {
  const { asOf } = countingEnd(f, today);
  return `du ${formatFrenchDate(f.from)} au ${formatFrenchDate(f.to)}${asOf ? `, chiffres au ${longFrenchDate(asOf)}` : ''}`;
}

/** The filters in words, for the report's cover and the export. */
async function filtersText(db: ReadableDb, f: Filter): Promise<string> {
  const parts: string[] = [];
  if (f.kind) parts.push(WORKSITE_KIND_LABELS[f.kind]);
  if (f.activity) parts.push(ACTIVITY_LABELS[f.activity]);
  if (f.funderId !== null) {
    const funder = await repo.funderName(db, f.funderId);
    if (funder === undefined)
      throw new AppError('NOT_FOUND', 'Ce financeur est introuvable.', { field: 'filter.funderId' });
    parts.push(`financés par ${funder}`);
  }
  return parts.length ? `Chantiers : ${parts.join(', ')}` : 'Tous les chantiers';
}

/**
 * The filter as main applies it: small counts are shown in full only to the
 * roles that may see the people behind them (those who may list them), never
 * to lecture seule, whatever the screen asks.
 */
function asFilter(f: Required<StatsFilter>, ctx: Pick<HandlerContext, 'session'>): Filter {
  if (f.showSmall && (!ctx.session.user || scopeFor('stats/people', ctx.session.user.role) === null)) {
    throw new AppError(
      'FORBIDDEN',
      'Seules les personnes autorisées à voir les personnes peuvent afficher les petits effectifs.',
      { field: 'showSmall' },
    );
  }
  return { from: f.from, to: f.to, kind: f.kind, funderId: f.funderId, activity: f.activity, showSmall: f.showSmall };
}

const withWarning = (title: string, small: boolean) => (small ? `${title} — ${SMALL_FIGURES_WARNING}` : title);

export const statsHandlers: HandlerMap<'stats/figures' | 'stats/people' | 'stats/report' | 'stats/export'> = {
  'stats/figures': async (filter, ctx) => {
    const f = asFilter(filter, ctx);
    await filtersText(ctx.db, f);
    return statsFigures(ctx.db, f, ctx.today);
  },

  'stats/people': async ({ filter, breakdown, category }, ctx) => {
    // The people a figure counts: up to the end of the period and today, as the figure.
    const rows = await repo.peopleOf(
      ctx.db,
      { ...filter, to: countingEnd(filter, ctx.today).until },
      breakdown,
      category,
    );
    ctx.record(`stats:${breakdown ?? 'total'}`);
    for (const r of rows) ctx.record(`person:${r.id}`);
    return rows.map((r) => ({
      id: r.id,
      name: `${r.lastName.toLocaleUpperCase('fr-FR')} ${r.firstNames}`,
      entry: r.entry,
    }));
  },

  'stats/report': async ({ filter, title, commentary, folder }, ctx) => {
    const f = asFilter(filter, ctx);
    // Read in one transaction, then printed outside it (a `none` method).
    const { figures, filters, structure } = await ctx.read(async ({ db }) => ({
      figures: await statsFigures(db, f, ctx.today),
      filters: await filtersText(db, f),
      structure: await structurePartyOf(db, ctx.services.paths.filesDir),
    }));
    const html = renderPage(
      <FunderReport
        d={{
          structure,
          title: withWarning(title || 'Bilan d’activité des chantiers d’insertion', figures.smallFiguresShown),
          period: `Période ${periodText(f, ctx.today)}`,
          filters,
          figures: figures.figures,
          tables: [
            shownCross(figures.cross),
            ...figures.breakdowns.map(shownBreakdown),
            shownImmersions(figures.immersions),
          ],
          commentary,
          issuedOn: ctx.today,
        }}
      />,
      ctx.services.fontsDir,
      REPORT_CSS,
    );
    const pdf = await ctx.services.printer.print(html);
    ctx.record(`stats:report:${f.from}:${f.to}`);
    const path = folder
      ? await ctx.saveFile(folder, safeFileName(`Rapport_${structure.name}_${f.from}_${f.to}`, 'pdf'), pdf)
      : null;
    return { pdfBase64: Buffer.from(pdf).toString('base64'), path };
  },

  'stats/export': async ({ filter, folder }, ctx) => {
    const f = asFilter(filter, ctx);
    const { figures, filters, structureName } = await ctx.read(async ({ db }) => ({
      figures: await statsFigures(db, f, ctx.today),
      filters: await filtersText(db, f),
      structureName: (await findStructure(db))?.structure.name ?? '',
    }));
    const bytes = await statsXlsx(figures, { structureName, period: periodText(f, ctx.today), filters });
    ctx.record(`stats:export:${f.from}:${f.to}`);
    return {
      path: await ctx.saveFile(folder, safeFileName(`Statistiques_${structureName}_${f.from}_${f.to}`, 'xlsx'), bytes),
    };
  },
};
