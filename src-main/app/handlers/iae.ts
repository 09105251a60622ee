import * as repo from '../../db/repositories/iae';
import {
  IAE_CRITERION_BY_CODE,
  PASS_WARNING_DAYS,
  exclusionProblem,
  expiresWithin,
  iaeEligibility,
  normalizePassNumber,
  notCountedBecause,
  passDefaultEnd,
  passEnd,
  proofLastDay,
  proofTypeOf,
  prolongationProblem,
  type CheckedCriterion,
  type SiaeKind,
} from '../../domain/iae-eligibility';
import type { IaeCriterionInput, IaeEligibility } from '../../shared/contract/iae';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';
import { reachOf } from '../reach';
import { storeScan } from '../scan-store';
import { hasSource } from '../client-files';
import { readVerified } from '../../documents/store';

/**
 * IAE eligibility of a person: the criteria checked with their proofs, the
 * result of the rule (`domain/iae-eligibility.ts`), the PASS IAE and its
 * prolongations. The CCAS's insertion structure is an ACI (atelier et
 * chantier d'insertion): 3 level-2 criteria without a level-1 one, and the
 * « difficultés particulièrement importantes » prolongation open to it.
 */
const STRUCTURE_KIND: SiaeKind = 'ACI';

async function personOf(ctx: HandlerContext, personId: number) {
  const person = await repo.personInScope(ctx.db, personId, reachOf(ctx));
  if (!person) throw new AppError('NOT_FOUND', 'Cette personne est introuvable.');
  ctx.record(`person:${personId}`);
  return person;
}

/** The criteria, the result on the reference date and the PASS, as the card shows them. */
async function eligibilityOf(ctx: HandlerContext, personId: number): Promise<IaeEligibility> {
  const person = await personOf(ctx, personId);
  const rows = await repo.listCriteria(ctx.db, personId);
  const pass = await repo.findPass(ctx.db, personId);
  const prolongations = pass ? await repo.listProlongations(ctx.db, pass.id) : [];
  // The platform judges the proofs on the day the PASS IAE is delivered; before one exists, today.
  const on = pass?.startDate ?? ctx.today;
  const checked: CheckedCriterion[] = rows.map((r) => ({
    code: r.code,
    proofType: r.proofType,
    proofDate: r.proofDate,
    validUntil: r.validUntil,
  }));
  const result = iaeEligibility(checked, on, STRUCTURE_KIND, person.birthDate);
  const currentEnd = pass ? passEnd(pass.endDate, prolongations) : null;
  return {
    personId,
    criteria: rows.map((r, i) => ({
      code: r.code,
      proofType: r.proofType,
      proofDate: r.proofDate,
      validUntil: r.validUntil,
      lastDay: proofLastDay(checked[i]!),
      notCounted: notCountedBecause(checked[i]!, on, person.birthDate),
      attachmentId: r.attachmentId,
      attachmentName: r.attachmentName,
      authorName: r.authorName,
      updatedAt: r.updatedAt,
    })),
    result: {
      eligible: result.eligible,
      reason: result.reason,
      on,
      required: result.required,
      structureKind: STRUCTURE_KIND,
    },
    pass:
      pass && currentEnd
        ? {
            number: pass.number,
            startDate: pass.startDate,
            endDate: pass.endDate,
            currentEnd,
            prolongations,
            endsSoon: expiresWithin(currentEnd, ctx.today, PASS_WARNING_DAYS),
          }
        : null,
  };
}

/** The proof fits its criterion: a type the platform accepts, dated no later than today, an end date when the paper carries one. */
function checkProof(c: IaeCriterionInput, today: string) {
  const proof = proofTypeOf(c.code, c.proofType);
  if (!proof) {
    const accepted = IAE_CRITERION_BY_CODE[c.code].proofs.map((p) => `« ${p.label} »`).join(' ou ');
    throw new AppError('INVALID_INPUT', `Pour ce critère, le justificatif attendu est ${accepted}.`, {
      field: 'criterion.proofType',
    });
  }
  if (c.proofDate > today)
    throw new AppError(
      'INVALID_INPUT',
      `La date du justificatif ne peut pas être après aujourd’hui (${formatFrenchDate(today)}).`,
      { field: 'criterion.proofDate' },
    );
  if (proof.validity.kind === 'until' && c.validUntil === null)
    throw new AppError(
      'INVALID_INPUT',
      `Indiquez jusqu’à quand « ${proof.label} » est valable : la date est écrite sur le document.`,
      { field: 'criterion.validUntil' },
    );
}

export const iaeHandlers: HandlerMap<
  'iae/get' | 'iae/saveCriterion' | 'iae/proofContent' | 'iae/removeCriterion' | 'iae/savePass' | 'iae/addProlongation'
> = {
  'iae/get': async ({ personId }, ctx) => eligibilityOf(ctx, personId),

  'iae/saveCriterion': async ({ personId, criterion, path, file }, ctx) => {
    checkProof(criterion, ctx.today);
    // The person is checked before any file is copied.
    await ctx.read((r) => personOf(r, personId));
    const source = { path, file };
    const scan = hasSource(source) ? await storeScan(source, ctx.services.paths.attachmentsDir, 'path') : null;
    try {
      return await ctx.transaction(async (db, w) => {
        await personOf(w, personId);
        const others = (await repo.listCriteria(db, personId)).map((r) => r.code).filter((c) => c !== criterion.code);
        const excluded = exclusionProblem([...others, criterion.code]);
        if (excluded) throw new AppError('CONFLICT', excluded, { field: 'criterion.code' });
        const before = await repo.findCriterion(db, personId, criterion.code);
        let attachmentId = before?.attachmentId ?? null;
        if (scan) {
          attachmentId = await repo.insertProofAttachment(db, {
            personId,
            worksiteId: null,
            participationId: null,
            weekOf: null,
            label: `Justificatif IAE : ${proofTypeOf(criterion.code, criterion.proofType)!.label}`,
            originalName: scan.originalName,
            storedFile: scan.storedFile,
            mediaType: scan.mediaType,
            sha256: scan.sha256,
            size: scan.size,
            authorId: ctx.session.user?.id ?? null,
            createdAt: ctx.now,
          });
          w.record(`attachment:${attachmentId}`);
        }
        const proof = proofTypeOf(criterion.code, criterion.proofType)!;
        await repo.upsertCriterion(db, {
          personId,
          code: criterion.code,
          proofType: criterion.proofType,
          proofDate: criterion.proofDate,
          validUntil: proof.validity.kind === 'until' ? criterion.validUntil : null,
          attachmentId,
          authorId: ctx.session.user?.id ?? null,
          now: ctx.now,
        });
        return eligibilityOf(w, personId);
      });
    } catch (error) {
      await scan?.discard();
      throw error;
    }
  },

  'iae/proofContent': async ({ personId, code }, ctx) => {
    const row = await ctx.read(async (r) => {
      await personOf(r, personId);
      return repo.findProofAttachment(r.db, personId, code);
    });
    if (!row) throw new AppError('NOT_FOUND', 'Aucun justificatif numérisé n’est joint à ce critère.');
    const bytes = await readVerified(ctx.services.paths.attachmentsDir, row.storedFile, row.sha256);
    ctx.record(`attachment:${row.id}`);
    return { base64: bytes.toString('base64'), mediaType: row.mediaType, fileName: row.originalName };
  },

  'iae/removeCriterion': async ({ personId, code }, ctx) => {
    await personOf(ctx, personId);
    if (!(await repo.deleteCriterion(ctx.db, personId, code)))
      throw new AppError('NOT_FOUND', 'Ce critère n’est pas coché pour cette personne.');
    return eligibilityOf(ctx, personId);
  },

  'iae/savePass': async ({ personId, pass }, ctx) => {
    await personOf(ctx, personId);
    const number = normalizePassNumber(pass.number)!;
    const endDate = pass.endDate ?? passDefaultEnd(pass.startDate);
    const existing = await repo.findPass(ctx.db, personId);
    // Each prolongation starts on the end before it: once prolonged, the number and the end are fixed.
    if (existing && (await repo.listProlongations(ctx.db, existing.id)).length > 0) {
      const changed = existing.number !== number ? 'pass.number' : existing.endDate !== endDate ? 'pass.endDate' : null;
      if (changed)
        throw new AppError(
          'CONFLICT',
          'Ce PASS IAE a déjà des prolongations : son numéro et sa date de fin ne se changent plus.',
          { field: changed },
        );
    }
    await repo.savePass(
      ctx.db,
      {
        personId,
        number,
        startDate: pass.startDate,
        endDate,
        authorId: ctx.session.user?.id ?? null,
      },
      ctx.now,
    );
    return eligibilityOf(ctx, personId);
  },

  'iae/addProlongation': async ({ personId, prolongation }, ctx) => {
    await personOf(ctx, personId);
    const pass = await repo.findPass(ctx.db, personId);
    if (!pass) throw new AppError('CONFLICT', 'Enregistrez d’abord le PASS IAE de la personne, puis sa prolongation.');
    const existing = await repo.listProlongations(ctx.db, pass.id);
    const currentEnd = passEnd(pass.endDate, existing);
    const problem = prolongationProblem(
      currentEnd,
      existing,
      prolongation.reason,
      prolongation.endDate,
      STRUCTURE_KIND,
    );
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'prolongation.endDate' });
    if (prolongation.decidedOn > ctx.today)
      throw new AppError('INVALID_INPUT', 'La date de la décision ne peut pas être après aujourd’hui.', {
        field: 'prolongation.decidedOn',
      });
    const id = await repo.insertProlongation(
      ctx.db,
      {
        passId: pass.id,
        personId,
        reason: prolongation.reason,
        startDate: currentEnd,
        endDate: prolongation.endDate,
        decidedOn: prolongation.decidedOn,
        decidedBy: prolongation.decidedBy,
        authorId: ctx.session.user?.id ?? null,
      },
      ctx.now,
    );
    ctx.record(`prolongation:${id}`);
    return eligibilityOf(ctx, personId);
  },
};
