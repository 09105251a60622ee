import { findEmployer } from '../db/repositories/settings';
import { findStructure } from '../db/repositories/settings';
import {
  findParticipation,
  firstHalfDayBetween,
  listSlots,
  worksiteWithSupervisor,
} from '../db/repositories/worksites';
import { missingFor, needsMiseADisposition } from '../domain/documents';
import { readStoredImage } from '../app/stored-files';
import {
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  type MissingField,
  type ParticipationDocumentKind,
} from '../shared/contract/documents';
import { AppError } from '../shared/errors';
import { de } from '../shared/french';
import { minutesToTime } from '../shared/time';
import type { HalfDaySpread, ParticipationDocumentData, PersonDocumentData, StructureParty } from './data';
import type { HandlerContext } from '../app/handler';
import { findPerson } from '../db/repositories/people';
import { reachOf } from '../app/reach';
import type { ReadableDb } from '../db/access';

type Collected = Omit<
  ParticipationDocumentData,
  'number' | 'version' | 'issuedOn' | 'presence' | 'agenda' | 'countedUntil'
>;

/**
 * Everything a participation's document is made from, read in one
 * transaction; refused with every missing piece named when the records lack
 * one. The caller has checked the worksite is within reach.
 */
export async function collectParticipationData(
  db: ReadableDb,
  kind: ParticipationDocumentKind,
  participationId: number,
  filesDir: string,
): Promise<Collected & { personId: number; worksiteId: number }> {
  const participation = await findParticipation(db, participationId);
  if (!participation) throw new AppError('NOT_FOUND', 'Ce contrat est introuvable.');
  const worksite = await worksiteWithSupervisor(db, participation.worksiteId);
  // The caller has checked the worksite is reached: the person on it is named in full.
  const person = await findPerson(db, participation.personId, { kind: 'all', userId: null });
  if (!person) throw new AppError('NOT_FOUND', 'Cette personne est introuvable.');
  const employer = (await findEmployer(db, participation.employerId))!;
  const end = participation.earlyEndDate ?? participation.endDate;
  const firstSession = await firstHalfDayBetween(db, worksite.id, participation.startDate, end);

  if (kind === 'mise_a_disposition' && !needsMiseADisposition(employer.kind)) {
    throw new AppError('CONFLICT', 'Pas de mise à disposition : le CCAS est lui-même l’employeur de cette personne.');
  }
  const missing = missingFor(kind, {
    personId: person.id,
    worksiteId: worksite.id,
    person,
    worksite: { workAddress: worksite.workAddress, supervisorName: worksite.supervisorName },
    employerKind: employer.kind,
    hasFirstSession: firstSession !== undefined,
    employer,
    tasks: participation.tasks,
  });
  if (missing.length > 0) throw missingData(kind, `${person.firstNames} ${person.lastName}`, missing);

  const times = {
    morning: [worksite.morningStart, worksite.morningEnd],
    afternoon: [worksite.afternoonStart, worksite.afternoonEnd],
  } as const;
  const spread: HalfDaySpread[] = (await listSlots(db, worksite.id)).map((s) => {
    const [start, finish] = times[s.halfDay];
    return { weekday: s.weekday, halfDay: s.halfDay, start: minutesToTime(start), end: minutesToTime(finish) };
  });

  return {
    kind,
    personId: person.id,
    worksiteId: worksite.id,
    structure: await structurePartyOf(db, filesDir),
    employer: {
      name: employer.name,
      kind: employer.kind,
      address: employer.address,
      postcode: employer.postcode,
      town: employer.town,
      siret: employer.siret,
      collectiveAgreement: employer.collectiveAgreement,
      pensionFund: employer.pensionFund,
      pensionFundAddress: employer.pensionFundAddress,
      providentBody: employer.providentBody,
      providentBodyAddress: employer.providentBodyAddress,
      hourlyPriceCents: employer.hourlyPriceCents,
      signatoryName: employer.signatoryName,
      signatoryTitle: employer.signatoryTitle,
      logo: await storedLogo(filesDir, employer.logoFile),
    },
    person: {
      civility: person.civility,
      lastName: person.lastName,
      birthName: person.birthName,
      firstNames: person.firstNames,
      birthDate: person.birthDate,
      address: person.address,
      postcode: person.postcode,
      town: person.town,
    },
    worksite: {
      id: worksite.id,
      name: worksite.name,
      kind: worksite.kind,
      activity: worksite.activity,
      workAddress: worksite.workAddress,
      supervisorName: worksite.supervisorName,
      startDate: worksite.startDate,
      endDate: participation.endDate,
    },
    contract: {
      type: participation.contractType,
      startDate: participation.startDate,
      endDate: participation.endDate,
      position: participation.position,
      hourlyCents: participation.hourlyCents,
      weeklyMinutes: participation.weeklyMinutes,
      trialDays: participation.trialDays,
      spread,
      handedOn: participation.handedOn,
      signedOn: participation.signedOn,
      derogationUntil: participation.derogationUntil,
      classification: participation.classification,
      tasks: participation.tasks,
      particularRisk: participation.particularRisk,
      passIae: participation.passIae,
    },
    firstSession: firstSession ? { date: firstSession.date, start: minutesToTime(firstSession.startMinutes) } : null,
    lastDay: end,
    referentName: person.referentFirstName !== null ? `${person.referentFirstName} ${person.referentLastName}` : null,
  };
}

function missingData(kind: DocumentKind, name: string, missing: MissingField[]): AppError {
  const list = missing.map((m) => m.label).join(', ');
  return new AppError(
    'INVALID_INPUT',
    `Pour établir le document « ${DOCUMENT_KIND_LABELS[kind].toLowerCase()} » ${de(name)}, complétez : ${list}.`,
    {
      missing,
    },
  );
}

/** The CCAS as the issuer of its own documents, its logo inlined. */
export async function structurePartyOf(db: ReadableDb, filesDir: string): Promise<StructureParty> {
  const found = await findStructure(db);
  if (!found) throw new Error('The structure is not set up.');
  const { structure } = found;
  return {
    name: structure.name,
    address: structure.address,
    postcode: structure.postcode,
    town: structure.town,
    siret: structure.siret,
    phone: structure.phone,
    email: structure.email,
    signatoryName: structure.signatoryName,
    signatoryTitle: structure.signatoryTitle,
    logo: await storedLogo(filesDir, structure.logoFile),
  };
}

/** The person a document is addressed to, if the caller's role reaches them. */
export async function collectPerson(ctx: HandlerContext, personId: number): Promise<PersonDocumentData['person']> {
  const person = await findPerson(ctx.db, personId, reachOf(ctx));
  if (!person) throw new AppError('NOT_FOUND', 'Cette personne est introuvable.');
  return {
    civility: person.civility,
    firstNames: person.firstNames,
    lastName: person.lastName,
    address: person.address,
    postcode: person.postcode,
    town: person.town,
  };
}

/** A stored logo inlined as a data URL; a file gone missing prints the letterhead without it rather than refusing the document. */
export async function storedLogo(filesDir: string, file: string | null): Promise<string | null> {
  return file ? ((await readStoredImage(filesDir, file).catch(() => null))?.dataUrl ?? null) : null;
}
