import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { contactExists, organisationExists } from '../../db/repositories/contacts';
import * as repo from '../../db/repositories/people';
import type { PersonInput } from '../../shared/contract/people';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { nirMismatches } from '../../shared/nir-check';
import type { HandlerContext, HandlerMap } from '../handler';
import { reachOf } from '../reach';
import { journalNirDisclosure } from '../nir-exposure';
import { loadRecord } from '../read-models/person-record';
import { claimFresh } from '../record-versions';

async function assertLinks(db: Kysely<Database>, person: PersonInput, today: string) {
  if (person.birthDate > today) {
    throw new AppError('INVALID_INPUT', 'La date de naissance ne peut pas être dans le futur.', {
      field: 'person.birthDate',
    });
  }
  if (person.birthDate < '1900-01-01') {
    throw new AppError('INVALID_INPUT', 'La date de naissance semble fausse (avant 1900).', {
      field: 'person.birthDate',
    });
  }
  if (person.prescriberId !== null && !(await organisationExists(db, person.prescriberId))) {
    throw new AppError('NOT_FOUND', 'Le prescripteur choisi n’existe pas.', { field: 'person.prescriberId' });
  }
  if (person.referentId !== null && !(await contactExists(db, person.referentId))) {
    throw new AppError('NOT_FOUND', 'Le référent choisi n’existe pas.', { field: 'person.referentId' });
  }
}

async function assertNoDuplicate(
  ctx: HandlerContext,
  person: { lastName: string; birthName?: string; firstNames: string; birthDate: string; nir: string },
  exceptId: number | null,
) {
  const found = await repo.findDuplicates(
    ctx.db,
    { ...person, birthName: person.birthName ?? '' },
    exceptId,
    reachOf(ctx),
  );
  if (found.length > 0) {
    const first = found.find((f) => f.inReach) ?? found[0]!;
    // A record the caller does not follow is never named: only that it exists.
    if (!first.inReach) {
      throw new AppError(
        'CONFLICT',
        first.sameNir
          ? 'Ce numéro de sécurité sociale est déjà utilisé par une autre fiche. Vérifiez-le, ou demandez à la coordination.'
          : 'Une autre fiche porte déjà ce nom, ce prénom et cette date de naissance. Vérifiez-les, ou demandez à la coordination.',
        { field: 'duplicates' },
      );
    }
    throw new AppError(
      'CONFLICT',
      `${first.firstNames} ${first.lastName}, né(e) le ${formatFrenchDate(first.birthDate)}, a déjà une fiche. Ouvrez-la, ou confirmez qu’il s’agit d’une autre personne.`,
      { field: 'duplicates' },
    );
  }
}

/** A NIR that disagrees with the sex or birth date is saved only once the user confirmed it. */
function assertNirAgrees(nir: string, person: PersonInput) {
  if (nir === '') return;
  const mismatches = nirMismatches(nir, {
    sex: person.sex ?? null,
    civility: person.civility,
    birthDate: person.birthDate,
  });
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
    const nationalityGroup = (await repo.collectsNationality(ctx.db)) ? (person.nationalityGroup ?? null) : null;
    const id = await repo.insertPerson(ctx.db, { ...person, nationalityGroup }, ctx.now);
    await repo.insertSituation(ctx.db, id, situation, ctx.now, ctx.session.user?.id ?? null);
    ctx.record(`person:${id}`);
    return { id };
  },

  'people/update': async ({ id, expectedVersion, person, confirmedNotDuplicate, confirmWarnings }, ctx) => {
    await loadRecord(ctx, id);
    await assertLinks(ctx.db, person, ctx.today);
    if (!confirmedNotDuplicate) await assertNoDuplicate(ctx, person, id);
    const stored = await repo.storedPerson(ctx.db, id);
    // An untouched empty NIR keeps the stored one: the form never receives it in clear.
    const nir = person.nir === '' ? (stored.nir ?? '') : person.nir;
    if (!confirmWarnings) assertNirAgrees(nir, person);
    const nationalityGroup =
      person.nationalityGroup !== undefined && (await repo.collectsNationality(ctx.db))
        ? person.nationalityGroup
        : stored.nationalityGroup;
    await claimFresh(ctx, 'persons', id, expectedVersion);
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
    await repo.setPersonArchived(ctx.db, id, archived, ctx.now, ctx.session.user?.id ?? null);
    ctx.record(`person:${id}`);
    return loadRecord(ctx, id);
  },

  'people/revealNir': async ({ id }, ctx) => {
    await loadRecord(ctx, id);
    const row = await repo.storedPerson(ctx.db, id);
    ctx.record(`person:${id}`);
    if (row.nir) journalNirDisclosure(ctx, [id]);
    return { nir: row.nir };
  },
};
