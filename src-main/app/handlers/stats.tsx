import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/statistics';
import type { Database } from '../../db/schema';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import { copyInto } from '../../documents/store';
import { FunderReport, REPORT_CSS } from '../../documents/templates/funder-report';
import { safeFileName } from '../../domain/file-names';
import { shownBreakdown, shownCross, statsXlsx } from '../../exports/stats';
import type { StatsFilter } from '../../shared/contract/stats';
import { ACTIVITY_LABELS, WORKSITE_KIND_LABELS } from '../../shared/contract/worksites';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { statsFigures } from '../stats-figures';

type Filter = repo.Filter;

const periodText = (f: Filter) => `du ${formatFrenchDate(f.from)} au ${formatFrenchDate(f.to)}`;

/** The filters in words, for the report's cover and the export. */
async function filtersText(db: Kysely<Database>, f: Filter): Promise<string> {
  const parts: string[] = [];
  if (f.kind) parts.push(WORKSITE_KIND_LABELS[f.kind]);
  if (f.activity) parts.push(ACTIVITY_LABELS[f.activity]);
  if (f.funderId !== null) {
    const funder = await db.selectFrom('organisations').select('name').where('id', '=', f.funderId).executeTakeFirst();
    if (!funder) throw new AppError('NOT_FOUND', 'Ce financeur est introuvable.', { field: 'filter.funderId' });
    parts.push(`financés par ${funder.name}`);
  }
  return parts.length ? `Chantiers : ${parts.join(', ')}` : 'Tous les chantiers';
}

const asFilter = (f: Required<StatsFilter>): Filter => ({ from: f.from, to: f.to, kind: f.kind, funderId: f.funderId, activity: f.activity });

export const statsHandlers: HandlerMap<'stats/figures' | 'stats/people' | 'stats/report' | 'stats/export'> = {
  'stats/figures': async (filter, ctx) => {
    await filtersText(ctx.db, asFilter(filter));
    return statsFigures(ctx.db, asFilter(filter));
  },

  'stats/people': async ({ filter, breakdown, category }, ctx) => {
    const rows = await repo.peopleOf(ctx.db, asFilter(filter), breakdown, category);
    ctx.record(`stats:${breakdown ?? 'total'}`);
    return rows.map((r) => ({ id: r.id, name: `${r.lastName.toLocaleUpperCase('fr-FR')} ${r.firstNames}`, entry: r.entry }));
  },

  'stats/report': async ({ filter, title, commentary, folder }, ctx) => {
    const f = asFilter(filter);
    // Read in one transaction, then printed outside it.
    const { figures, filters, structure } = await ctx.services.db.transaction().execute(async (db) => ({
      figures: await statsFigures(db, f),
      filters: await filtersText(db, f),
      structure: await structurePartyOf(db, ctx.services.paths.filesDir),
    }));
    const html = renderPage(
      <FunderReport
        d={{
          structure,
          title: title || 'Bilan d’activité des chantiers d’insertion',
          period: `Période ${periodText(f)}`,
          filters,
          figures: figures.figures,
          tables: [shownCross(figures.cross), ...figures.breakdowns.map(shownBreakdown)],
          commentary,
          issuedOn: ctx.today,
        }}
      />,
      ctx.services.fontsDir,
      REPORT_CSS,
    );
    const pdf = await ctx.services.printer.print(html);
    ctx.record(`stats:report:${f.from}:${f.to}`);
    const path = folder ? await copyInto(folder, safeFileName(`Rapport_${structure.name}_${f.from}_${f.to}`, 'pdf'), pdf) : null;
    return { pdfBase64: Buffer.from(pdf).toString('base64'), path };
  },

  'stats/export': async ({ filter, folder }, ctx) => {
    const f = asFilter(filter);
    const { figures, filters, structureName } = await ctx.services.db.transaction().execute(async (db) => ({
      figures: await statsFigures(db, f),
      filters: await filtersText(db, f),
      structureName: (await db.selectFrom('structure').select('name').executeTakeFirst())?.name ?? '',
    }));
    const bytes = await statsXlsx(figures, { structureName, period: periodText(f), filters });
    ctx.record(`stats:export:${f.from}:${f.to}`);
    return { path: await copyInto(folder, safeFileName(`Statistiques_${structureName}_${f.from}_${f.to}`, 'xlsx'), bytes) };
  },
};
