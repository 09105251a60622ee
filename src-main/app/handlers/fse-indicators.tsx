import { findStructure } from '../../db/repositories/settings';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import { FSE_INDICATORS_CSS, FseIndicatorsReport } from '../../documents/templates/fse-indicators';
import { countFseIndicators, publishFseTable } from '../../domain/fse-plus-indicators';
import { safeFileName } from '../../domain/file-names';
import { countingEnd } from '../../domain/statistics';
import { fseIndicatorsXlsx, fseParticipantsCsv } from '../../exports/fse-indicators';
import type { FseIndicatorsTable } from '../../shared/contract/fse-indicators';
import type { ParsedInput } from '../../shared/contract';
import type { ReadableDb } from '../../db/access';
import type { HandlerMap } from '../handler';
import { fseOperationFacts } from '../read-models/fse-operation-facts';

type Query = ParsedInput<'fse/indicators'>;

/** The table as published: counted by the domain's rules, statistical secrecy applied once for screen, PDF and xlsx. */
async function indicatorsTable(db: ReadableDb, q: Query, today: string): Promise<FseIndicatorsTable> {
  const { operation, participants } = await fseOperationFacts(db, q.operationId, q.to);
  const period = { from: q.from, to: q.to };
  return {
    operation,
    from: q.from,
    to: q.to,
    asOf: countingEnd(period, today).asOf,
    lines: publishFseTable(countFseIndicators(participants, period, today)).map((line) => ({ ...line })),
  };
}

const fileStem = (kind: string, table: Pick<FseIndicatorsTable, 'operation' | 'from' | 'to'>) =>
  `${kind}_${table.operation.name}_${table.from}_${table.to}`;

export const fseIndicatorsHandlers: HandlerMap<
  'fse/indicators' | 'fse/indicatorsReport' | 'fse/indicatorsExport' | 'fse/participantsCsv'
> = {
  'fse/indicators': async (q, ctx) => {
    const table = await indicatorsTable(ctx.db, q, ctx.today);
    ctx.record(`fseOperation:${q.operationId}`);
    return table;
  },

  'fse/indicatorsReport': async ({ query, folder }, ctx) => {
    // Read in one transaction, then printed outside it (a `none` method).
    const { table, structure } = await ctx.read(async ({ db }) => ({
      table: await indicatorsTable(db, query, ctx.today),
      structure: await structurePartyOf(db, ctx.services.paths.filesDir),
    }));
    const html = renderPage(
      <FseIndicatorsReport d={{ structure, table, issuedOn: ctx.today }} />,
      ctx.services.fontsDir,
      FSE_INDICATORS_CSS,
      { title: `Indicateurs FSE+ — ${table.operation.name}`, author: structure.name },
    );
    const pdf = await ctx.services.printer.print(html);
    ctx.record(`fseOperation:${query.operationId}`);
    const path = folder
      ? await ctx.saveFile(folder, safeFileName(fileStem('Indicateurs_FSE', table), 'pdf'), pdf)
      : null;
    return { pdfBase64: Buffer.from(pdf).toString('base64'), path };
  },

  'fse/indicatorsExport': async ({ query, folder }, ctx) => {
    const { table, structureName } = await ctx.read(async ({ db }) => ({
      table: await indicatorsTable(db, query, ctx.today),
      structureName: (await findStructure(db))?.structure.name ?? '',
    }));
    const bytes = await fseIndicatorsXlsx(table, structureName);
    ctx.record(`fseOperation:${query.operationId}`);
    return { path: await ctx.saveFile(folder, safeFileName(fileStem('Indicateurs_FSE', table), 'xlsx'), bytes) };
  },

  'fse/participantsCsv': async ({ query, folder }, ctx) => {
    const { operation, participants } = await ctx.read(({ db }) => fseOperationFacts(db, query.operationId, query.to));
    const { csv, rows, personIds } = fseParticipantsCsv(operation.name, participants, query, ctx.today);
    // Sensitive items of each person leave the app: the journal names whose.
    ctx.record(`fseOperation:${query.operationId}`);
    for (const id of personIds) ctx.record(`person:${id}`);
    const path = await ctx.saveFile(
      folder,
      safeFileName(fileStem('Participants_FSE', { operation, ...query }), 'csv'),
      Buffer.from(csv, 'utf8'),
    );
    return { path, rows };
  },
};
