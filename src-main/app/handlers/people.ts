import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { contactExists, organisationExists } from '../../db/repositories/contacts';
import * as repo from '../../db/repositories/people';
import { listJourneys, listObstacles } from '../../db/repositories/journeys';
import { unemploymentLength } from '../../domain/unemployment';
import { nextStatuses } from '../../domain/journeys';
import type { PersonInput, PersonRecord } from '../../shared/contract/people';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { maskNir } from '../../shared/identifiers';
import { nirMismatches } from '../../shared/nir-check';
import type { HandlerContext, HandlerMap } from '../handler';
import { reachOf } from '../reach';
import { seesSocialDetails } from '../permissions';
import { journalNirDisclosure } from '../nir-exposure';

async function collectsNationality(ctx: HandlerContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('structure').select('collectNationality').executeTakeFirst();
  return row?.collectNationality === 1;
}

const NOT_FOUND = "Cette personne est introuvable, ou son dossier ne vous est pas accessible.";

/** The record as the caller may see it; NOT_FOUND when out of their scope. */
export async function loadRecord(ctx: HandlerContext, id: number): Promise<PersonRecord> {
  const row = await repo.findPerson(ctx.db, id, reachOf(ctx));
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  const social = seesSocialDetails(ctx.session.user!.role);
  const situations = social
    ? (await repo.listSituations(ctx.db, id)).map((s) => ({
        id: s.id,
        observedOn: s.observedOn,
        resources: s.resources as never,
        rsaMonths: s.rsaMonths,
        franceTravailSince: s.franceTravailSince,
        educationLevel: s.educationLevel as never,
        rqth: s.rqth as never,
        housing: s.housing,
        drivingLicence: s.drivingLicence === 1,
        vehicle: s.vehicle === 1,
        publicTransport: s.publicTransport === 1,
        longTermUnemployed: s.franceTravailSince ? unemploymentLength(s.franceTravailSince, s.observedOn) : null,
      }))
    : null;
  const journeys = (await listJourneys(ctx.db, id)).map((j) => ({
    ...j,
    // Refusal reasons are social details.
    events: social ? j.events : j.events.map((e) => ({ ...e, reason: '' })),
    next: [...nextStatuses(j.status)],
  }));
  return {
    id: row.id,
    civility: row.civility as PersonRecord['civility'],
    lastName: row.lastName,
    birthName: row.birthName,
    firstNames: row.firstNames,
    birthDate: row.birthDate,
    sex: row.sex as PersonRecord['sex'],
    address: row.address,
    postcode: row.postcode,
    town: row.town,
    priorityArea: row.priorityArea as PersonRecord['priorityArea'],
    phone: row.phone,
    email: row.email,
    emergencyContact: row.emergencyContact,
    nationalityGroup: row.nationalityGroup as PersonRecord['nationalityGroup'],
    collectNationality: await collectsNationality(ctx),
    prescriberId: row.prescriberId,
    referentId: row.referentId,
    archived: row.archived === 1,
    nirMasked: row.nir ? maskNir(row.nir) : null,
    prescriberName: row.prescriberName,
    referentName: row.referentLastName === null ? null : `${row.referentFirstName} ${row.referentLastName}`,
    situations,
    obstacles: social ? await listObstacles(ctx.db, id) : null,
    journeys,
  };
}

async function assertLinks(db: Kysely<Database>, person: PersonInput, today: string) {
  if (person.birthDate > today) {
    throw new AppError('INVALID_INPUT', 'La date de naissance ne peut pas être dans le futur.', { field: 'person.birthDate' });
  }
  if (person.birthDate < '1900-01-01') {
    throw new AppError('INVALID_INPUT', 'La date de naissance semble fausse (avant 1900).', { field: 'person.birthDate' });
  }
  if (person.prescriberId !== null && !(await organisationExists(db, person.prescriberId))) {
    throw new AppError('NOT_FOUND', "Le prescripteur choisi n'existe pas.", { field: 'person.prescriberId' });
  }
  if (person.referentId !== null && !(await contactExists(db, person.referentId))) {
    throw new AppError('NOT_FOUND', "Le référent choisi n'existe pas.", { field: 'person.referentId' });
  }
}

async function assertNoDuplicate(ctx: HandlerContext, person: { lastName: string; birthName?: string; firstNames: string; birthDate: string; nir: string }, exceptId: number | null) {
  const found = await repo.findDuplicates(ctx.db, { ...person, birthName: person.birthName ?? '' }, exceptId, reachOf(ctx));
  if (found.length > 0) {
    const first = found.find((f) => f.inReach) ?? found[0]!;
    // A record the caller does not follow is never named: only that it exists.
    if (!first.inReach) {
      throw new AppError(
        'CONFLICT',
        first.sameNir
          ? "Ce numéro de sécurité sociale est déjà utilisé par une autre fiche. Vérifiez-le, ou demandez à la coordination."
          : "Une autre fiche porte déjà ce nom, ce prénom et cette date de naissance. Vérifiez-les, ou demandez à la coordination.",
        { field: 'duplicates' },
      );
    }
    throw new AppError(
      'CONFLICT',
      `${first.firstNames} ${first.lastName}, né(e) le ${formatFrenchDate(first.birthDate)}, a déjà une fiche. Ouvrez-la, ou confirmez qu'il s'agit d'une autre personne.`,
      { field: 'duplicates' },
    );
  }
}

/** A NIR that disagrees with the sex or birth date is saved only once the user confirmed it. */
function assertNirAgrees(nir: string, person: PersonInput) {
  if (nir === '') return;
  const mismatches = nirMismatches(nir, { sex: person.sex ?? null, civility: person.civility, birthDate: person.birthDate });
  if (mismatches.length > 0) throw new AppError('CONFLICT', mismatches.join(' '), { field: 'nirMismatch' });
}

export const peopleHandlers: HandlerMap<
  | 'people/search'
  | 'people/get'
  | 'people/findDuplicates'
  | 'people/create'
  | 'people/update'
  | 'people/addSituation'
  | 'people/setArchived'
  | 'people/revealNir'
> = {
  'people/search': async (filters, ctx) => repo.searchPeople(ctx.db, filters, reachOf(ctx)),

  'people/get': async ({ id }, ctx) => {
    const record = await loadRecord(ctx, id);
    ctx.record(`person:${id}`);
    return record;
  },

  'people/findDuplicates': async ({ exceptId, ...candidate }, ctx) =>
    (await repo.findDuplicates(ctx.db, candidate, exceptId, reachOf(ctx))).filter((d) => d.inReach),

  'people/create': async ({ person, situation, confirmedNotDuplicate, confirmWarnings }, ctx) => {
    await assertLinks(ctx.db, person, ctx.today);
    if (!confirmWarnings) assertNirAgrees(person.nir, person);
    if (!confirmedNotDuplicate) await assertNoDuplicate(ctx, person, null);
    const nationalityGroup = (await collectsNationality(ctx)) ? (person.nationalityGroup ?? null) : null;
    const id = await repo.insertPerson(ctx.db, { ...person, nationalityGroup }, ctx.now);
    await repo.insertSituation(ctx.db, id, situation, ctx.now, ctx.session.user?.id ?? null);
    ctx.record(`person:${id}`);
    return { id };
  },

  'people/update': async ({ id, person, confirmedNotDuplicate, confirmWarnings }, ctx) => {
    await loadRecord(ctx, id);
    await assertLinks(ctx.db, person, ctx.today);
    if (!confirmedNotDuplicate) await assertNoDuplicate(ctx, person, id);
    const stored = await ctx.db.selectFrom('persons').select(['nir', 'nationalityGroup']).where('id', '=', id).executeTakeFirstOrThrow();
    // An untouched empty NIR keeps the stored one: the form never receives it in clear.
    const nir = person.nir === '' ? (stored.nir ?? '') : person.nir;
    if (!confirmWarnings) assertNirAgrees(nir, person);
    const nationalityGroup =
      person.nationalityGroup !== undefined && (await collectsNationality(ctx)) ? person.nationalityGroup : stored.nationalityGroup;
    await repo.updatePerson(ctx.db, id, { ...person, nir, nationalityGroup }, ctx.now);
    ctx.record(`person:${id}`);
    return loadRecord(ctx, id);
  },

  'people/addSituation': async ({ id, situation }, ctx) => {
    await loadRecord(ctx, id);
    await repo.insertSituation(ctx.db, id, situation, ctx.now, ctx.session.user?.id ?? null);
    ctx.record(`person:${id}`);
    return loadRecord(ctx, id);
  },

  'people/setArchived': async ({ id, archived }, ctx) => {
    await loadRecord(ctx, id);
    await repo.setPersonArchived(ctx.db, id, archived, ctx.now);
    ctx.record(`person:${id}`);
    return loadRecord(ctx, id);
  },

  'people/revealNir': async ({ id }, ctx) => {
    await loadRecord(ctx, id);
    const row = await ctx.db.selectFrom('persons').select('nir').where('id', '=', id).executeTakeFirstOrThrow();
    ctx.record(`person:${id}`);
    if (row.nir) journalNirDisclosure(ctx, [id]);
    return { nir: row.nir };
  },
};
