import * as contactsRepo from '../../db/repositories/contacts';
import * as documentsRepo from '../../db/repositories/documents';
import * as repo from '../../db/repositories/pmsmp';
import { documentFileName } from '../../domain/file-names';
import { isMinorOn } from '../../domain/minors';
import {
  plannedMinutes,
  pmsmpDatesProblem,
  renewalProblem,
  sameHostProblem,
  scheduleMinutes,
  scheduleProblems,
  suspendedDays,
  weekMinutes,
} from '../../domain/pmsmp';
import type { ImmersionDocumentData, PersonDocumentData } from '../../documents/data';
import { structurePartyOf } from '../../documents/collect';
import { DOCUMENT_REGISTRY } from '../../documents/kinds';
import { renderPersonDocument } from '../../documents/render';
import type { PersonDocumentKind } from '../../shared/contract/document-kinds';
import type { Pmsmp, PmsmpBilanInput, PmsmpFields, WeekScheduleInput } from '../../shared/contract/pmsmp';
import { AppError } from '../../shared/errors';
import { formatFrenchDate } from '../../shared/dates';
import { recordDocument } from '../read-models/document-record';
import type { HandlerContext, HandlerMap, NoneContext, ReadContext } from '../handler';
import type { PreparedDocument } from '../read-models/document-sources';
import { reachOf } from '../reach';

/**
 * Immersions (PMSMP) of a person: the convention's fields checked against
 * the rules of `domain/pmsmp.ts`, one renewal for the same objective, the
 * bilan, and the convention and bilan printed into the document registry.
 */

async function personOf(ctx: HandlerContext, personId: number) {
  const person = await repo.personInScope(ctx.db, personId, reachOf(ctx));
  if (!person) throw new AppError('NOT_FOUND', 'Cette personne est introuvable.');
  return person;
}

async function immersionInScope(ctx: HandlerContext, id: number) {
  const row = await repo.findImmersion(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Cette immersion est introuvable.');
  const person = await personOf(ctx, row.personId);
  ctx.record(`person:${row.personId}`);
  ctx.record(`immersion:${id}`);
  return { row, person };
}

/** The dates, hours and directory records of a convention, each refusal on its field. */
async function check(ctx: HandlerContext, f: PmsmpFields, birthDate: string) {
  const dates = pmsmpDatesProblem(f.startDate, f.endDate);
  if (dates) throw new AppError('INVALID_INPUT', dates, { field: 'immersion.endDate' });
  if (isMinorOn(birthDate, f.startDate) && f.representativeName.trim() === '') {
    throw new AppError(
      'INVALID_INPUT',
      'La personne aura moins de 18 ans au début de l’immersion : indiquez le nom de son représentant légal, qui signe aussi la convention.',
      { field: 'immersion.representativeName' },
    );
  }
  const problem = scheduleProblems(scheduleMinutes(f.schedule), isMinorOn(birthDate, f.startDate))[0];
  if (problem)
    throw new AppError('INVALID_INPUT', problem.message, {
      field: problem.day ? `immersion.schedule.${problem.day}` : 'immersion.schedule',
    });
  if (!(await contactsRepo.organisationExists(ctx.db, f.hostOrganisationId))) {
    throw new AppError('NOT_FOUND', 'L’entreprise d’accueil choisie n’existe pas dans le répertoire.', {
      field: 'immersion.hostOrganisationId',
    });
  }
  if (!(await contactsRepo.organisationExists(ctx.db, f.prescriberOrganisationId))) {
    throw new AppError('NOT_FOUND', 'Le prescripteur choisi n’existe pas dans le répertoire.', {
      field: 'immersion.prescriberOrganisationId',
    });
  }
  if (f.prescriberContactId !== null && !(await contactsRepo.contactExists(ctx.db, f.prescriberContactId))) {
    throw new AppError('NOT_FOUND', 'Le conseiller prescripteur choisi n’existe pas dans le répertoire.', {
      field: 'immersion.prescriberContactId',
    });
  }
}

/** D5135-3, third paragraph: two conventions and 60 days at most with the same host over 12 months. */
async function checkSameHost(
  ctx: HandlerContext,
  personId: number,
  f: PmsmpFields,
  own: { id: number | null; renewal: boolean },
  field: string,
) {
  const others = await repo.conventionsWithHost(ctx.db, personId, f.hostOrganisationId, own.id);
  const problem = sameHostProblem(
    { start: f.startDate, end: f.endDate, objective: f.objective, goals: f.goals, renewal: own.renewal },
    others.map((o) => ({
      start: o.startDate,
      end: o.endDate,
      objective: o.objective,
      goals: o.goals,
      renewal: o.renewalOf !== null,
    })),
  );
  if (problem) throw new AppError('INVALID_INPUT', problem, { field });
}

function fieldsOf(row: repo.ImmersionRow): PmsmpFields {
  return {
    hostOrganisationId: row.hostOrganisationId,
    hostSiret: row.hostSiret,
    hostActivity: row.hostActivity,
    place: row.place,
    tutorName: row.tutorName,
    tutorFunction: row.tutorFunction,
    tutorPhone: row.tutorPhone,
    tutorEmail: row.tutorEmail,
    objective: row.objective,
    trade: row.trade,
    goals: row.goals,
    startDate: row.startDate,
    endDate: row.endDate,
    schedule: JSON.parse(row.schedule) as WeekScheduleInput,
    tasks: row.tasks,
    skills: row.skills,
    risks: row.risks,
    equipment: row.equipment,
    prescriberKind: row.prescriberKind,
    prescriberOrganisationId: row.prescriberOrganisationId,
    prescriberContactId: row.prescriberContactId,
    referentName: row.referentName,
    referentFunction: row.referentFunction,
    representativeName: row.representativeName,
  };
}

async function viewOf(ctx: HandlerContext, row: repo.ImmersionRow): Promise<Pmsmp> {
  const fields = fieldsOf(row);
  const minutes = scheduleMinutes(fields.schedule);
  const suspensions = (await repo.cddisOverlapping(ctx.db, row.personId, row.startDate, row.endDate)).flatMap((c) => {
    const days = suspendedDays(c, { start: row.startDate, end: row.endDate });
    return days ? [{ participationId: c.participationId, worksiteName: c.worksiteName, ...days }] : [];
  });
  return {
    id: row.id,
    personId: row.personId,
    renewalOf: row.renewalOf,
    renewedBy: row.renewedBy,
    fields,
    hostName: row.hostName,
    hostAddress: row.hostAddress,
    prescriberName: row.prescriberName,
    prescriberContactName: row.contactFirstName ? `${row.contactFirstName} ${row.contactLastName}` : null,
    weekMinutes: weekMinutes(minutes),
    plannedMinutes: plannedMinutes(row.startDate, row.endDate, minutes),
    bilan:
      row.outcome === null
        ? null
        : {
            outcome: row.outcome,
            missedMinutes: row.missedMinutes ?? 0,
            skillsObserved: row.skillsObserved ?? '',
            followUp: row.followUp ?? '',
            comment: row.bilanComment ?? '',
            writtenOn: row.bilanOn ?? row.endDate,
          },
    suspensions,
  };
}

async function viewById(ctx: HandlerContext, id: number): Promise<Pmsmp> {
  return viewOf(ctx, (await repo.findImmersion(ctx.db, id))!);
}

/** Prints the convention or the bilan of an immersion into the registry: a reprint is a new version of the same number. */
async function printImmersion(
  ctx: NoneContext,
  id: number,
  kind: Extract<PersonDocumentKind, 'convention_pmsmp' | 'bilan_pmsmp'>,
) {
  const info = DOCUMENT_REGISTRY[kind];
  // Numbers the document as it prepares it; the number is recorded on the immersion with the registry line.
  const prepare = async (inTx: ReadContext): Promise<PreparedDocument> => {
    const { db } = inTx;
    const { row, person } = await immersionInScope(inTx, id);
    const immersion = await viewOf(inTx, row);
    if (kind === 'bilan_pmsmp') {
      if (row.startDate > ctx.today)
        throw new AppError(
          'CONFLICT',
          'Cette immersion n’a pas encore commencé : son bilan s’établit à partir de son premier jour.',
        );
      if (!immersion.bilan) throw new AppError('CONFLICT', 'Enregistrez d’abord le bilan de l’immersion.');
    }
    const original = row.renewalOf === null ? null : await repo.findImmersion(db, row.renewalOf);
    const employers = (await repo.cddisOverlapping(db, row.personId, row.startDate, row.endDate))
      .filter((c) => suspendedDays(c, { start: row.startDate, end: row.endDate }) !== null)
      .map((c) => ({ ...c.employer, worksiteName: c.worksiteName }));
    const structure = await structurePartyOf(db, ctx.services.paths.filesDir);
    const data: ImmersionDocumentData = {
      immersion,
      beneficiary: {
        birthDate: person.birthDate,
        phone: person.phone,
        email: person.email,
        rsa: person.resources === null || person.resources === undefined ? null : person.resources === 'rsa',
        employers,
      },
      host: { name: row.hostName, address: row.hostAddress, phone: row.hostPhone, email: row.hostEmail },
      prescriber: {
        name: row.prescriberName,
        address: row.prescriberAddress,
        contactName: immersion.prescriberContactName,
        contactPhone: row.contactPhone ?? '',
        contactEmail: row.contactEmail ?? '',
      },
      renews: original
        ? { number: original.conventionNumber, startDate: original.startDate, endDate: original.endDate }
        : null,
    };
    const numbered = await documentsRepo.nextVersionOf(
      db,
      kind === 'convention_pmsmp' ? row.conventionNumber : row.bilanNumber,
      info.prefix,
      ctx.today.slice(0, 4),
    );
    const d: PersonDocumentData = {
      kind,
      ...numbered,
      issuedOn: ctx.today,
      structure,
      person: {
        civility: person.civility,
        firstNames: person.firstNames,
        lastName: person.lastName,
        address: person.address,
        postcode: person.postcode,
        town: person.town,
      },
      immersion: data,
    };
    return {
      kind,
      html: renderPersonDocument(d, ctx.services.fontsDir),
      number: d.number,
      version: d.version,
      title: `${info.label} — ${person.firstNames} ${person.lastName}`,
      fileName: documentFileName(info.fileLabel, person.lastName, person.firstNames, row.startDate),
      snapshot: JSON.stringify(d, (key, value: unknown) =>
        key === 'logo' && typeof value === 'string' ? 'logo' : value,
      ),
      personId: row.personId,
      worksiteId: null,
      participationId: null,
      weekOf: null,
    };
  };
  const { row, pdf } = await recordDocument(ctx, await ctx.read(prepare), prepare, {
    alsoWrite: (db, made) =>
      repo.setDocumentNumber(db, id, kind === 'convention_pmsmp' ? 'convention' : 'bilan', made.number),
  });
  ctx.record(`immersion:${id}`);
  return {
    documentId: row.id,
    number: row.number,
    fileName: row.fileName,
    pdfBase64: Buffer.from(pdf).toString('base64'),
  };
}

export const pmsmpHandlers: HandlerMap<
  'pmsmp/list' | 'pmsmp/save' | 'pmsmp/renew' | 'pmsmp/saveBilan' | 'pmsmp/printConvention' | 'pmsmp/printBilan'
> = {
  'pmsmp/list': async ({ personId }, ctx) => {
    await personOf(ctx, personId);
    ctx.record(`person:${personId}`);
    return Promise.all((await repo.listImmersions(ctx.db, personId)).map((row) => viewOf(ctx, row)));
  },

  'pmsmp/save': async ({ personId, id, immersion: typed }, ctx) => {
    const person = await personOf(ctx, personId);
    await check(ctx, typed, person.birthDate);
    // Only a minor has a legal representative on the convention.
    const immersion = isMinorOn(person.birthDate, typed.startDate) ? typed : { ...typed, representativeName: '' };
    let immersionId = id;
    if (immersionId === undefined) {
      await checkSameHost(ctx, personId, immersion, { id: null, renewal: false }, 'immersion.startDate');
      immersionId = await repo.insertImmersion(
        ctx.db,
        personId,
        immersion,
        null,
        ctx.now,
        ctx.session.user?.id ?? null,
      );
    } else {
      const existing = await repo.findImmersion(ctx.db, immersionId);
      if (!existing || existing.personId !== personId)
        throw new AppError('NOT_FOUND', 'Cette immersion est introuvable.');
      // D5135-3: a renewal keeps the object and objectives of the convention it renews, and the renewed one keeps those of its renewal.
      const linked = existing.renewalOf ?? existing.renewedBy;
      if (linked !== null && immersion.objective !== existing.objective) {
        throw new AppError(
          'INVALID_INPUT',
          'Une immersion renouvelée garde le même objet que son renouvellement (article D5135-3).',
          { field: 'immersion.objective' },
        );
      }
      await checkSameHost(
        ctx,
        personId,
        immersion,
        { id: immersionId, renewal: existing.renewalOf !== null },
        'immersion.startDate',
      );
      await repo.updateImmersion(ctx.db, immersionId, immersion, ctx.now);
    }
    ctx.record(`person:${personId}`);
    ctx.record(`immersion:${immersionId}`);
    return viewById(ctx, immersionId);
  },

  'pmsmp/renew': async ({ id, startDate, endDate }, ctx) => {
    const { row, person } = await immersionInScope(ctx, id);
    const refused = renewalProblem(
      { end: row.endDate, isRenewal: row.renewalOf !== null, renewed: row.renewedBy !== null },
      startDate,
    );
    if (refused) throw new AppError('CONFLICT', refused, { field: 'startDate' });
    const fields = {
      ...fieldsOf(row),
      startDate,
      endDate,
      representativeName: isMinorOn(person.birthDate, startDate) ? row.representativeName : '',
    };
    const dates = pmsmpDatesProblem(startDate, endDate);
    if (dates) throw new AppError('INVALID_INPUT', dates, { field: 'endDate' });
    await check(ctx, fields, person.birthDate);
    await checkSameHost(ctx, row.personId, fields, { id: null, renewal: true }, 'endDate');
    const renewalId = await repo.insertImmersion(
      ctx.db,
      row.personId,
      fields,
      id,
      ctx.now,
      ctx.session.user?.id ?? null,
    );
    ctx.record(`immersion:${renewalId}`);
    return viewById(ctx, renewalId);
  },

  'pmsmp/saveBilan': async ({ id, bilan }, ctx) => {
    const { row } = await immersionInScope(ctx, id);
    if (row.startDate > ctx.today)
      throw new AppError(
        'CONFLICT',
        'Cette immersion n’a pas encore commencé : son bilan s’écrit à partir de son premier jour.',
      );
    if (bilan.writtenOn < row.startDate)
      throw new AppError('INVALID_INPUT', 'Le bilan ne peut pas précéder le début de l’immersion.', {
        field: 'bilan.writtenOn',
      });
    // Never done ahead of time: « réalisée » from its last day on (the statistics count it so).
    if (bilan.outcome === 'realisee' && (ctx.today < row.endDate || bilan.writtenOn < row.endDate)) {
      throw new AppError(
        'INVALID_INPUT',
        `Une immersion est « réalisée » au plus tôt le jour de sa fin, le ${formatFrenchDate(row.endDate)} : avant, choisissez « partiellement réalisée » si elle s’est arrêtée plus tôt.`,
        { field: 'bilan.outcome' },
      );
    }
    await repo.saveImmersionBilan(ctx.db, id, bilan as Required<PmsmpBilanInput>, ctx.now);
    return viewById(ctx, id);
  },

  'pmsmp/printConvention': async ({ id }, ctx) => printImmersion(ctx, id, 'convention_pmsmp'),
  'pmsmp/printBilan': async ({ id }, ctx) => printImmersion(ctx, id, 'bilan_pmsmp'),
};
