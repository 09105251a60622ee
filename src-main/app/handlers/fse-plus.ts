import * as fundersRepo from '../../db/repositories/funders';
import * as repo from '../../db/repositories/fse-plus';
import {
  ageAtEntry,
  entrySuggestions,
  exitDateProblem,
  iscedGroup,
  sixMonthsDateProblem,
  sixMonthsDueOn,
  sixMonthsFollowUpState,
  SIX_MONTHS_REMINDER_DAYS,
} from '../../domain/fse-plus-entry';
import { seesFseSensitiveData } from '../../shared/capabilities';
import {
  FSE_SENSITIVE_ITEMS,
  FSE_SENSITIVE_ITEM_LABELS,
  type FseOperation,
  type FsePersonRecord,
} from '../../shared/contract/fse-plus';
import { addDays, addMonths } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { fromFlag } from '../../db/flags';
import type { HandlerContext, HandlerMap } from '../handler';
import { reachOf } from '../reach';

/**
 * FSE+ participant data (Regulation (EU) 2021/1057, Annex I): operations,
 * and per participant the entry, exit and six-month answers, with the rules of
 * `domain/fse-plus-entry.ts`. The four sensitive items reach only the roles
 * that see them (`seesFseSensitiveData`): null in their reads, refused in
 * their writes, kept as they are when such a role saves the rest.
 */

const seesSensitive = (ctx: HandlerContext) => ctx.session.user !== null && seesFseSensitiveData(ctx.session.user.role);

async function personOf(ctx: HandlerContext, personId: number, on: string) {
  const person = await repo.personForFse(ctx.db, personId, reachOf(ctx), on);
  if (!person) throw new AppError('NOT_FOUND', 'Cette personne est introuvable.');
  ctx.record(`person:${personId}`);
  return person;
}

async function operationOf(ctx: HandlerContext, id: number): Promise<FseOperation> {
  const operation = await repo.findOperation(ctx.db, id);
  if (!operation) throw new AppError('NOT_FOUND', 'Cette opération FSE+ est introuvable.', { field: 'operationId' });
  return operation;
}

function recordOf(row: repo.FseParticipantRow, sensitive: boolean): FsePersonRecord {
  const hide = <T>(value: T) => (sensitive ? value : null);
  return {
    operationId: row.operationId,
    operationName: row.operationName,
    funderName: row.funderName,
    entry: {
      enteredOn: row.enteredOn,
      labourStatus: row.labourStatus,
      ageAtEntry: row.ageAtEntry,
      educationLevel: row.educationLevel,
      iscedGroup: iscedGroup(row.educationLevel),
      disability: hide(row.disability),
      thirdCountryNational: hide(row.thirdCountryNational),
      foreignBackground: hide(row.foreignBackground),
      minority: hide(row.minority),
      homelessOrHousingExclusion: fromFlag(row.homeless),
      ruralArea: fromFlag(row.ruralArea),
      recorded: { at: row.entryRecordedAt, by: row.entryRecordedByName },
    },
    exit:
      row.leftOn === null
        ? null
        : {
            leftOn: row.leftOn,
            seekingWork: row.seekingWork === 1,
            inEducationOrTraining: row.inEducationOrTraining === 1,
            gainedQualification: row.gainedQualification === 1,
            inEmployment: row.inEmploymentAtExit === 1,
            recorded: { at: row.exitRecordedAt ?? '', by: row.exitRecordedByName },
          },
    sixMonths:
      row.observedOn === null
        ? null
        : {
            observedOn: row.observedOn,
            inEmployment: row.inEmploymentAtSixMonths === 1,
            improvedSituation: row.improvedSituation === 1,
            recorded: { at: row.sixMonthsRecordedAt ?? '', by: row.sixMonthsRecordedByName },
          },
    sixMonthsDueOn: row.leftOn === null ? null : sixMonthsDueOn(row.leftOn),
  };
}

/** The participant's row, once their entry is recorded. */
async function participantOf(ctx: HandlerContext, operationId: number, personId: number) {
  const row = await repo.findParticipant(ctx.db, operationId, personId);
  if (!row) {
    throw new AppError('CONFLICT', 'Enregistrez d’abord les données d’entrée de la personne dans cette opération.', {
      field: 'operationId',
    });
  }
  return row;
}

export const fseHandlers: HandlerMap<
  | 'fse/operations'
  | 'fse/saveOperation'
  | 'fse/person'
  | 'fse/suggest'
  | 'fse/saveEntry'
  | 'fse/saveExit'
  | 'fse/saveSixMonths'
  | 'fse/followUps'
> = {
  'fse/operations': async (_input, { db }) => repo.listOperations(db),

  'fse/saveOperation': async ({ id, operation }, ctx) => {
    if (id !== undefined) await operationOf(ctx, id);
    const funder = await fundersRepo.findFunder(ctx.db, operation.funderId);
    if (!funder) {
      throw new AppError('NOT_FOUND', 'Ce financeur n’existe pas dans le répertoire des financeurs.', {
        field: 'operation.funderId',
      });
    }
    const found = await repo.existingWorksiteIds(ctx.db, operation.worksiteIds);
    if (found.length !== new Set(operation.worksiteIds).size) {
      throw new AppError('NOT_FOUND', 'Un des chantiers choisis n’existe pas.', { field: 'operation.worksiteIds' });
    }
    const operationId = await repo.saveOperation(ctx.db, id, operation, ctx.now);
    ctx.record(`fseOperation:${operationId}`);
    return (await repo.findOperation(ctx.db, operationId))!;
  },

  'fse/person': async ({ personId }, ctx) => {
    await personOf(ctx, personId, ctx.today);
    const sensitive = seesSensitive(ctx);
    const rows = await repo.participantsOfPerson(ctx.db, personId);
    return { personId, seesSensitive: sensitive, records: rows.map((r) => recordOf(r, sensitive)) };
  },

  'fse/suggest': async ({ personId, enteredOn }, ctx) => {
    const person = await personOf(ctx, personId, enteredOn);
    const suggestions = entrySuggestions(person, enteredOn);
    const sensitive = seesSensitive(ctx);
    return {
      personId,
      ...suggestions,
      disability: sensitive ? suggestions.disability : null,
      thirdCountryNational: sensitive ? suggestions.thirdCountryNational : null,
    };
  },

  'fse/saveEntry': async ({ personId, operationId, entry }, ctx) => {
    const person = await personOf(ctx, personId, entry.enteredOn);
    await operationOf(ctx, operationId);
    const sensitive = seesSensitive(ctx);
    let values: repo.SensitiveValues | null = null;
    if (sensitive) {
      const missing = FSE_SENSITIVE_ITEMS.find((item) => entry[item] === undefined);
      if (missing) {
        throw new AppError(
          'INVALID_INPUT',
          `Répondez à la question « ${FSE_SENSITIVE_ITEM_LABELS[missing]} » (ou « Ne souhaite pas répondre »).`,
          { field: `entry.${missing}` },
        );
      }
      values = {
        disability: entry.disability!,
        thirdCountryNational: entry.thirdCountryNational!,
        foreignBackground: entry.foreignBackground!,
        minority: entry.minority!,
      };
    } else {
      const given = FSE_SENSITIVE_ITEMS.find((item) => entry[item] !== undefined);
      if (given) {
        throw new AppError(
          'FORBIDDEN',
          'Les questions sensibles (handicap, nationalité, origine, minorité) sont posées par la travailleuse sociale ou l’administrateur.',
          { field: `entry.${given}` },
        );
      }
    }
    const existing = await repo.findParticipant(ctx.db, operationId, personId);
    if (existing?.leftOn) {
      const problem = exitDateProblem(entry.enteredOn, existing.leftOn);
      if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'entry.enteredOn' });
    }
    await repo.saveEntry(
      ctx.db,
      { operationId, personId },
      entry,
      ageAtEntry(person.birthDate, entry.enteredOn),
      values,
      { at: ctx.now, by: ctx.session.user?.id ?? null },
    );
    ctx.record(`fseOperation:${operationId}`);
    return recordOf(await participantOf(ctx, operationId, personId), sensitive);
  },

  'fse/saveExit': async ({ personId, operationId, exit }, ctx) => {
    await personOf(ctx, personId, ctx.today);
    await operationOf(ctx, operationId);
    const row = await participantOf(ctx, operationId, personId);
    const problem = exitDateProblem(row.enteredOn, exit.leftOn);
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'exit.leftOn' });
    if (row.observedOn !== null) {
      const sixMonths = sixMonthsDateProblem(exit.leftOn, row.observedOn);
      if (sixMonths) {
        throw new AppError(
          'INVALID_INPUT',
          'La situation à 6 mois déjà enregistrée serait antérieure aux six mois après cette sortie : corrigez-la d’abord.',
          { field: 'exit.leftOn' },
        );
      }
    }
    await repo.saveExit(ctx.db, row.id, exit, { at: ctx.now, by: ctx.session.user?.id ?? null });
    ctx.record(`fseOperation:${operationId}`);
    return recordOf(await participantOf(ctx, operationId, personId), seesSensitive(ctx));
  },

  'fse/saveSixMonths': async ({ personId, operationId, sixMonths }, ctx) => {
    await personOf(ctx, personId, ctx.today);
    await operationOf(ctx, operationId);
    const row = await participantOf(ctx, operationId, personId);
    if (row.leftOn === null) {
      throw new AppError('CONFLICT', 'Enregistrez d’abord la sortie de la personne : la situation à 6 mois la suit.', {
        field: 'sixMonths.observedOn',
      });
    }
    const problem = sixMonthsDateProblem(row.leftOn, sixMonths.observedOn);
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'sixMonths.observedOn' });
    await repo.saveSixMonths(ctx.db, row.id, sixMonths, { at: ctx.now, by: ctx.session.user?.id ?? null });
    ctx.record(`fseOperation:${operationId}`);
    return recordOf(await participantOf(ctx, operationId, personId), seesSensitive(ctx));
  },

  'fse/followUps': async (_input, ctx) => {
    // A few days of margin (a due day is clamped to a month's end); the domain rule then keeps the due and nearly due.
    const horizon = addDays(addMonths(addDays(ctx.today, SIX_MONTHS_REMINDER_DAYS), -6), 3);
    const rows = await repo.sixMonthsPending(ctx.db, reachOf(ctx), horizon);
    return rows.flatMap((r) => {
      const leftOn = r.leftOn!;
      const state = sixMonthsFollowUpState(leftOn, ctx.today);
      if (state === 'pas_encore') return [];
      return [
        {
          personId: r.personId,
          personName: `${r.firstNames} ${r.lastName}`,
          operationId: r.operationId,
          operationName: r.operationName,
          leftOn,
          dueOn: sixMonthsDueOn(leftOn),
          state,
        },
      ];
    });
  },
};
