/**
 * A person's record as the caller may see it: the people screens show it,
 * and every people or parcours write answers with it. Out of the caller's
 * scope it does not exist (NOT_FOUND); social details only for the roles
 * that see them (`permissions.ts`).
 */
import { listJourneys, listObstacles } from '../../db/repositories/journeys';
import * as repo from '../../db/repositories/people';
import { nextStatuses } from '../../domain/journeys';
import { unemploymentLength } from '../../domain/unemployment';
import type { PersonRecord } from '../../shared/contract/people';
import { AppError } from '../../shared/errors';
import { maskNir } from '../../shared/identifiers';
import type { HandlerContext } from '../handler';
import { seesSocialDetails } from '../permissions';
import { reachOf } from '../reach';

const NOT_FOUND = 'Cette personne est introuvable, ou son dossier ne vous est pas accessible.';

/** The record as the caller may see it; NOT_FOUND when out of their scope. */
export async function loadRecord(ctx: HandlerContext, id: number): Promise<PersonRecord> {
  const row = await repo.findPerson(ctx.db, id, reachOf(ctx));
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  const social = seesSocialDetails(ctx.session.user!.role);
  const situations = social
    ? (await repo.listSituations(ctx.db, id)).map((s) => ({
        id: s.id,
        observedOn: s.observedOn,
        resources: s.resources,
        rsaMonths: s.rsaMonths,
        franceTravailSince: s.franceTravailSince,
        educationLevel: s.educationLevel,
        rqth: s.rqth,
        housing: s.housing,
        drivingLicence: s.drivingLicence,
        vehicle: s.vehicle,
        publicTransport: s.publicTransport,
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
    version: row.version,
    civility: row.civility,
    lastName: row.lastName,
    birthName: row.birthName,
    firstNames: row.firstNames,
    birthDate: row.birthDate,
    sex: row.sex,
    address: row.address,
    postcode: row.postcode,
    town: row.town,
    priorityArea: row.priorityArea,
    phone: row.phone,
    email: row.email,
    emergencyContact: row.emergencyContact,
    nationalityGroup: row.nationalityGroup,
    collectNationality: await repo.collectsNationality(ctx.db),
    prescriberId: row.prescriberId,
    referentId: row.referentId,
    archived: row.archived,
    nirMasked: row.nir ? maskNir(row.nir) : null,
    prescriberName: row.prescriberName,
    referentName: row.referentLastName === null ? null : `${row.referentFirstName} ${row.referentLastName}`,
    situations,
    obstacles: social ? await listObstacles(ctx.db, id) : null,
    journeys,
  };
}
