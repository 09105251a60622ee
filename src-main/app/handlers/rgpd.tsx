import { personExists } from '../../db/repositories/people';
import * as repo from '../../db/repositories/rgpd';
import { structurePartyOf } from '../../documents/collect';
import { renderPage } from '../../documents/render';
import type { PersonDocumentData } from '../../documents/data';
import { RgpdNotice } from '../../documents/templates/rgpd-notice';
import { RgpdRegister } from '../../documents/templates/rgpd-register';
import { dueForReview, reviewOn } from '../../domain/retention';
import type { RetentionReview, RightsRequest } from '../../shared/contract/rgpd';
import { addMonths, longFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';
import { anonymise } from '../anonymise';
import { keptOnServer } from '../../db/engine';
import { journalNirDisclosure } from '../nir-exposure';
import { recordDocument } from '../read-models/document-record';
import { prepareDocument } from '../read-models/document-sources';

async function reviews(ctx: HandlerContext, db = ctx.db): Promise<RetentionReview[]> {
  return (await repo.reviewCandidates(db, ctx.today))
    .filter((c) => dueForReview(ctx.today, c.lastActivity, c.retentionUntil))
    .map((c) => ({
      personId: c.id,
      name: `${c.lastName.toLocaleUpperCase('fr-FR')} ${c.firstNames}`,
      lastActivity: c.lastActivity,
      reviewOn: reviewOn(c.lastActivity, c.retentionUntil),
      retentionUntil: c.retentionUntil,
      retentionReason: c.retentionReason,
    }));
}

async function requests(ctx: HandlerContext): Promise<RightsRequest[]> {
  return (await repo.listRequests(ctx.db)).map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: r.lastName ? `${r.lastName.toLocaleUpperCase('fr-FR')} ${r.firstNames}` : null,
    kind: r.kind,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    answeredOn: r.answeredOn,
    notes: r.notes,
    late: r.answeredOn === null ? ctx.today > r.dueOn : r.answeredOn > r.dueOn,
  }));
}

export const rgpdHandlers: HandlerMap<
  | 'rgpd/reviews'
  | 'rgpd/extend'
  | 'rgpd/anonymise'
  | 'rgpd/exportPerson'
  | 'rgpd/requests'
  | 'rgpd/saveRequest'
  | 'rgpd/notice'
  | 'rgpd/register'
> = {
  'rgpd/reviews': async (_input, ctx) => reviews(ctx),

  'rgpd/extend': async ({ personId, until, reason }, ctx) => {
    if (until <= ctx.today)
      throw new AppError('INVALID_INPUT', 'La nouvelle date de revue doit être dans le futur.', { field: 'until' });
    if (until > addMonths(ctx.today, 60))
      throw new AppError('INVALID_INPUT', 'Au plus 5 ans : au-delà, la conservation doit être revue.', {
        field: 'until',
      });
    if (!(await repo.extendRetention(ctx.db, personId, until, reason, ctx.now)))
      throw new AppError('NOT_FOUND', 'Cette personne est introuvable ou déjà anonymisée.');
    ctx.record(`person:${personId}`);
    return reviews(ctx);
  },

  'rgpd/anonymise': async ({ personIds }, ctx) => ({ anonymised: await anonymise(ctx, personIds) }),

  /**
   * Through the registry like every document: a preview without a folder
   * (the screen shows it before anything is kept), numbered and recorded with
   * the person's documents once printed or saved for them.
   */
  'rgpd/exportPerson': async ({ personId, folder, keep }, ctx) => {
    const kept = keep || folder !== null;
    const prepared = await prepareDocument(ctx, { kind: 'donnees_personne', personId }, kept);
    const { held, issuedOn } = JSON.parse(prepared.snapshot) as PersonDocumentData;
    // Journaled with the call (its first transaction writes the entry): the NIR left, when recorded.
    if (held!.sections[0]!.rows[0]!['Numéro de sécurité sociale']) journalNirDisclosure(ctx, [personId]);
    const pdf = kept
      ? (
          await recordDocument(ctx, prepared, (within) =>
            prepareDocument(ctx, { kind: 'donnees_personne', personId }, true, within),
          )
        ).pdf
      : await ctx.services.printer.print(prepared.html);
    if (!kept) await ctx.transaction(async () => ctx.record(`person:${personId}`));
    const json = JSON.stringify({ généréLe: longFrenchDate(issuedOn), ...held }, null, 2);
    const fileStem = prepared.fileName.replace(/\.pdf$/, '');
    const paths = folder
      ? [
          await ctx.saveFile(folder, `${fileStem}.pdf`, pdf),
          await ctx.saveFile(folder, `${fileStem}.json`, Buffer.from(json, 'utf8')),
        ]
      : [];
    return { pdfBase64: Buffer.from(pdf).toString('base64'), json, fileStem, paths };
  },

  'rgpd/requests': async (_input, ctx) => requests(ctx),

  'rgpd/saveRequest': async ({ id, request }, ctx) => {
    if (request.answeredOn !== null && request.answeredOn < request.receivedOn)
      throw new AppError('INVALID_INPUT', 'La réponse ne peut pas précéder la demande.', {
        field: 'request.answeredOn',
      });
    if (request.personId !== null && !(await personExists(ctx.db, request.personId))) {
      throw new AppError('NOT_FOUND', 'Cette personne est introuvable.', { field: 'request.personId' });
    }
    const values = { ...request, dueOn: addMonths(request.receivedOn, 1) };
    if (id === undefined) {
      await repo.insertRequest(ctx.db, values, ctx.session.user?.id ?? null, ctx.now);
    } else if (!(await repo.updateRequest(ctx.db, id, values))) {
      throw new AppError('NOT_FOUND', 'Cette demande est introuvable.');
    }
    ctx.record(`rightsRequest:${id ?? 'new'}`);
    return requests(ctx);
  },

  'rgpd/notice': async (_input, ctx) => {
    const structure = await ctx.read(({ db }) => structurePartyOf(db, ctx.services.paths.filesDir));
    const pdf = await ctx.services.printer.print(
      renderPage(
        <RgpdNotice structure={structure} onServer={keptOnServer(ctx.services.engine)} />,
        ctx.services.fontsDir,
      ),
    );
    await ctx.transaction(async () => ctx.record('rgpd:notice'));
    return { pdfBase64: Buffer.from(pdf).toString('base64') };
  },

  'rgpd/register': async ({ kind }, ctx) => {
    const structure = await ctx.read(({ db }) => structurePartyOf(db, ctx.services.paths.filesDir));
    const pdf = await ctx.services.printer.print(
      renderPage(<RgpdRegister structure={structure} kind={kind} />, ctx.services.fontsDir),
    );
    await ctx.transaction(async () => ctx.record(`rgpd:${kind}`));
    return { pdfBase64: Buffer.from(pdf).toString('base64') };
  },
};
