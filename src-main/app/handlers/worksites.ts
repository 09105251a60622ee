import { tasksOrDefault } from '../../domain/activity-tasks';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findEmployer } from '../../db/repositories/settings';
import { organisationExists } from '../../db/repositories/contacts';
import { findUser } from '../../db/repositories/users';
import * as repo from '../../db/repositories/worksites';
import {
  generateSchedule,
  outsidePattern,
  patternEnd,
  proposeMakeUps,
  sessionKey,
  type Calendar,
  type HalfDay,
  type Session,
} from '../../domain/schedule';
import type { Worksite, WorksiteInput } from '../../shared/contract/worksites';
import { HALF_DAY_LABELS } from '../../shared/contract/worksites';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { minutesToTime, timeToMinutes } from '../../shared/time';
import { checkCddi, trialPeriodDays } from '../../domain/contracts';
import { patternMinutes } from '../../domain/hours';
import { isBelowFloor, rateInForce } from '../../domain/wages';
import { laterFloorAbove } from '../../domain/pay-rates';
import { placeAnnexTime } from '../../domain/working-time';
import { annexTimesOf } from '../../db/repositories/attendance';
import { formatEuros } from '../../shared/money';
import { findPerson } from '../../db/repositories/people';
import { insertEvent, listJourneys } from '../../db/repositories/journeys';
import { isOpenOnSaturday, listWageRates } from '../../db/repositories/settings';
import { checkSessionDay, contractEndWarning } from '../../domain/worksite-dates';
import { checkAgeForContract } from '../../domain/minors';
import { makeUpEffect, type MakeUpParticipant } from '../../domain/make-ups';
import { JOURNEY_STATUS_LABELS } from '../../shared/contract/journey-lists';
import type { HandlerMap } from '../handler';
import { calendarFor } from '../read-models/calendar';
import { assertWorksiteInScope } from '../read-models/worksite-access';
import { slotTimes, visibleAnnexKind, worksiteView } from '../read-models/worksite-view';
import { reachOf } from '../reach';
import { coordinatesWorksites, supervisesWorksites } from '../permissions';
import { claimFresh } from '../record-versions';
import { guardHoursChange, guardSettingChange, touchesOn, type HoursTouch } from '../hours-change';

/** Every contract of the worksite, whoever reaches it: the hours of each count for payroll. */
const allParticipants = (db: Kysely<Database>, worksiteId: number) =>
  repo.listParticipants(db, worksiteId, { kind: 'all', userId: null });

/** The contracts a change of the worksite's half-days on these dates touches (app/hours-change.ts). */
async function sessionTouches(db: Kysely<Database>, worksiteId: number, dates: readonly string[]) {
  const participants = await allParticipants(db, worksiteId);
  return dates.flatMap((date): HoursTouch[] => touchesOn(participants, date));
}

async function assertReferences(db: Kysely<Database>, w: WorksiteInput) {
  const employer = await findEmployer(db, w.employerId!);
  if (!employer || employer.archived)
    throw new AppError('NOT_FOUND', 'L’employeur choisi n’existe pas ou est archivé.', {
      field: 'worksite.employerId',
    });
  if (w.supervisorId !== null) {
    const supervisor = await findUser(db, w.supervisorId);
    if (!supervisor || !supervisor.active || !supervisesWorksites(supervisor.role)) {
      throw new AppError('INVALID_INPUT', 'L’encadrant doit être un compte actif au rôle « Encadrant technique ».', {
        field: 'worksite.supervisorId',
      });
    }
  }
  if (w.coordinatorId !== null) {
    const coordinator = await findUser(db, w.coordinatorId);
    if (!coordinator || !coordinator.active || !coordinatesWorksites(coordinator.role)) {
      throw new AppError('INVALID_INPUT', 'La coordination doit être un compte actif de coordination.', {
        field: 'worksite.coordinatorId',
      });
    }
  }
  for (const [field, orgId] of [
    ['worksite.clientId', w.clientId],
    ...w.fundersIds.map((f) => ['worksite.fundersIds', f] as const),
  ] as const) {
    if (orgId !== null && !(await organisationExists(db, orgId)))
      throw new AppError('NOT_FOUND', 'Un organisme choisi n’existe pas.', { field });
  }
}

/** A half-day's date must make sense: inside the worksite, not a Sunday, a Saturday only when the structure opens. */
async function refuseDay(db: Kysely<Database>, date: string, worksite: Worksite, field: string) {
  const violation = checkSessionDay(
    date,
    { start: worksite.startDate, end: worksite.endDate },
    await isOpenOnSaturday(db),
  );
  if (violation) throw new AppError('INVALID_INPUT', violation.message, { field });
}

/** Each participant's contract span and planned week, for the effect of a make-up half-day. */
function makeUpParticipants(worksite: Worksite): MakeUpParticipant[] {
  const weeklyMinutes = patternMinutes(worksite.slots.map((slot) => slotTimes(worksite, slot.halfDay)));
  return worksite.participants.map((p) => ({
    name: p.name,
    start: p.contract.startDate,
    end: p.earlyEnd?.date ?? p.contract.endDate,
    weeklyMinutes,
    plannedByWeek: new Map(p.plannedWeeks.map((w) => [w.weekOf, w.minutes])),
  }));
}

function makeUpMinutes(worksite: Worksite, halfDay: HalfDay) {
  const { startMinutes, endMinutes } = slotTimes(worksite, halfDay);
  return endMinutes - startMinutes;
}

function plan(worksite: Worksite, calendar: Calendar, today: string) {
  const pattern = { startDate: worksite.startDate, weeks: worksite.weeks, slots: worksite.slots };
  const schedule = generateSchedule(pattern, calendar);
  const existing = new Set(worksite.sessions.map(sessionKey));
  const toCreate = schedule.sessions.filter((s) => !existing.has(sessionKey(s)));
  const madeUp = worksite.sessions.filter((s) => s.origin === 'makeup').length;
  const owed = schedule.skipped.slice(madeUp);
  const taken: Session[] = [...schedule.sessions, ...worksite.sessions];
  const makeUps = proposeMakeUps(owed, taken, calendar, { from: worksite.startDate, to: worksite.endDate });
  return {
    calendar,
    schedule,
    toCreate,
    makeUps,
    outside: outsidePattern(worksite.sessions, pattern, calendar, today),
  };
}

export const worksitesHandlers: HandlerMap<
  | 'worksites/list'
  | 'worksites/get'
  | 'worksites/personAgenda'
  | 'worksites/planning'
  | 'worksites/save'
  | 'worksites/previewSchedule'
  | 'worksites/generateSessions'
  | 'worksites/addSession'
  | 'worksites/cancelSession'
  | 'worksites/moveSession'
  | 'worksites/addParticipant'
  | 'worksites/addAnnexTime'
> = {
  'worksites/list': async (_input, ctx) =>
    (await repo.listWorksites(ctx.db, reachOf(ctx))).map((w) => ({
      id: w.id,
      name: w.name,
      kind: w.kind,
      activity: w.activity,
      status: w.status,
      startDate: w.startDate,
      endDate: patternEnd({ startDate: w.startDate, weeks: w.weeks, slots: [] }),
      employerName: w.employerName,
      supervisorName: w.supervisorName,
      sessionCount: w.sessionCount,
    })),

  'worksites/get': async ({ id }, ctx) => worksiteView(ctx, id),

  'worksites/personAgenda': async ({ personId }, ctx) => {
    // The person's scope (caseload, supervised worksites) decides, as for their record.
    const person = await findPerson(ctx.db, personId, reachOf(ctx));
    if (!person)
      throw new AppError('NOT_FOUND', 'Cette personne est introuvable, ou son dossier ne vous est pas accessible.');
    const sessions = (await repo.personSessions(ctx.db, personId, reachOf(ctx))).map((s) => ({
      date: s.date,
      start: minutesToTime(s.startMinutes),
      end: minutesToTime(s.endMinutes),
      worksiteId: s.worksiteId,
      worksiteName: s.worksiteName,
      kind: s.halfDay,
      cancelled: s.cancelledReason !== null,
    }));
    const annexes = (await repo.personAnnexTimes(ctx.db, personId, reachOf(ctx))).map((a) => ({
      date: a.date,
      start: minutesToTime(a.startMinutes),
      end: minutesToTime(a.endMinutes),
      worksiteId: a.worksiteId,
      worksiteName: a.worksiteName,
      kind: visibleAnnexKind(a.kind, ctx),
      cancelled: false,
    }));
    return [...sessions, ...annexes].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  },

  'worksites/planning': async ({ from, to }, ctx) =>
    (await repo.planning(ctx.db, from, to, reachOf(ctx))).map((s) => ({
      sessionId: s.sessionId,
      worksiteId: s.worksiteId,
      worksiteName: s.worksiteName,
      date: s.date,
      halfDay: s.halfDay,
      start: minutesToTime(s.startMinutes),
      end: minutesToTime(s.endMinutes),
      cancelled: s.cancelledReason !== null,
      participants: s.participants,
    })),

  'worksites/save': async ({ id, expectedVersion, worksite }, ctx) => {
    await assertReferences(ctx.db, worksite);
    if (worksite.slots.some((slot) => slot.weekday === 5) && !(await isOpenOnSaturday(ctx.db))) {
      throw new AppError(
        'INVALID_INPUT',
        'La structure n’ouvre pas le samedi : décochez le samedi, ou cochez « Ouvert le samedi » dans Paramètres › Structure.',
        {
          field: 'worksite.slots',
        },
      );
    }
    let worksiteId = id;
    if (worksiteId === undefined) worksiteId = await repo.insertWorksite(ctx.db, worksite, ctx.now);
    else {
      await assertWorksiteInScope(ctx, worksiteId);
      await claimFresh(ctx, 'worksites', worksiteId, expectedVersion);
      // The weekly pattern counts the public holidays it meets: a sent month keeps its figures.
      const guard = await guardSettingChange(ctx, worksiteId, 'worksite.slots');
      await repo.updateWorksite(ctx.db, worksiteId, worksite, ctx.now);
      await guard.settle();
    }
    ctx.record(`worksite:${worksiteId}`);
    return worksiteView(ctx, worksiteId);
  },

  'worksites/previewSchedule': async ({ id }, ctx) => {
    const worksite = await worksiteView(ctx, id);
    const { schedule, toCreate, makeUps, outside } = plan(
      worksite,
      await calendarFor(ctx.db, worksite.startDate, worksite.endDate),
      ctx.today,
    );
    const participants = makeUpParticipants(worksite);
    const withEffect = makeUps.map((m) => ({
      ...m,
      ...makeUpEffect(m.date, makeUpMinutes(worksite, m.halfDay), participants),
    }));
    return { toCreate, skipped: schedule.skipped, makeUps: withEffect, outside, plannedCount: schedule.plannedCount };
  },

  'worksites/generateSessions': async ({ id, makeUps, removeOutside }, ctx) => {
    const worksite = await worksiteView(ctx, id);
    const { calendar, toCreate, outside } = plan(
      worksite,
      await calendarFor(ctx.db, worksite.startDate, worksite.endDate),
      ctx.today,
    );
    const removed = removeOutside ? outside : [];
    const removedKeys = new Set(removed.map(sessionKey));
    const taken = new Set(
      [...worksite.sessions.filter((s) => !removedKeys.has(sessionKey(s))), ...toCreate].map(sessionKey),
    );
    for (const [index, m] of makeUps.entries()) {
      const where = { field: `makeUps.${index}` };
      await refuseDay(ctx.db, m.date, worksite, where.field);
      // Added working time inside someone's contract, never a recovery of holiday hours (L3133-2).
      if (
        worksite.participants.length > 0 &&
        makeUpEffect(m.date, 0, makeUpParticipants(worksite)).concerned.length === 0
      ) {
        throw new AppError(
          'INVALID_INPUT',
          `Le ${formatFrenchDate(m.date)} ne tombe dans le contrat d’aucun participant : une demi-journée de rattrapage se place pendant le contrat.`,
          where,
        );
      }
      const holiday = calendar.holidays.get(m.date);
      if (holiday) throw new AppError('INVALID_INPUT', `Le ${formatFrenchDate(m.date)} est férié (${holiday}).`, where);
      const closure = calendar.closures.get(m.date);
      if (closure)
        throw new AppError(
          'INVALID_INPUT',
          `Le ${formatFrenchDate(m.date)} est un jour de fermeture (${closure}).`,
          where,
        );
      if (taken.has(sessionKey(m)))
        throw new AppError(
          'CONFLICT',
          `Il y a déjà une demi-journée le ${formatFrenchDate(m.date)} (${HALF_DAY_LABELS[m.halfDay].toLowerCase()}).`,
          where,
        );
      taken.add(sessionKey(m));
    }
    // Half-days of a sent month are history (domain/payroll-month-changes.ts).
    const guard = await guardHoursChange(
      ctx,
      'planning',
      await sessionTouches(
        ctx.db,
        id,
        [...removed, ...toCreate, ...makeUps].map((s) => s.date),
      ),
      { field: 'makeUps' },
    );
    await repo.deleteSessions(
      ctx.db,
      id,
      removed.map((s) => s.id),
    );
    for (const s of toCreate)
      await repo.insertSession(
        ctx.db,
        { worksiteId: id, ...s, ...slotTimes(worksite, s.halfDay), origin: 'pattern' },
        ctx.now,
      );
    for (const s of makeUps)
      await repo.insertSession(
        ctx.db,
        { worksiteId: id, ...s, ...slotTimes(worksite, s.halfDay), origin: 'makeup' },
        ctx.now,
      );
    await guard.settle();
    ctx.record(`worksite:${id}`);
    return worksiteView(ctx, id);
  },

  'worksites/addSession': async ({ id, session }, ctx) => {
    const worksite = await worksiteView(ctx, id);
    await refuseDay(ctx.db, session.date, worksite, 'session.date');
    const calendar = await calendarFor(ctx.db, session.date, session.date);
    const holiday = calendar.holidays.get(session.date) ?? calendar.closures.get(session.date);
    if (holiday)
      throw new AppError('INVALID_INPUT', `Le ${formatFrenchDate(session.date)} n’est pas travaillé (${holiday}).`, {
        field: 'session.date',
      });
    if (worksite.sessions.some((s) => sessionKey(s) === sessionKey(session))) {
      throw new AppError('CONFLICT', 'Cette demi-journée existe déjà.', { field: 'session.date' });
    }
    const guard = await guardHoursChange(ctx, 'planning', await sessionTouches(ctx.db, id, [session.date]), {
      field: 'session.date',
    });
    await repo.insertSession(
      ctx.db,
      { worksiteId: id, ...session, ...slotTimes(worksite, session.halfDay), origin: 'added' },
      ctx.now,
    );
    await guard.settle();
    ctx.record(`worksite:${id}`);
    return worksiteView(ctx, id);
  },

  'worksites/addParticipant': async ({ id, personId, contract, confirmWarnings }, ctx) => {
    const worksite = await worksiteView(ctx, id);
    const person = await findPerson(ctx.db, personId, { kind: 'all', userId: null });
    if (!person) throw new AppError('NOT_FOUND', 'Cette personne est introuvable.', { field: 'personId' });
    const name = `${person.firstNames} ${person.lastName}`;
    if (worksite.participants.some((p) => p.personId === personId))
      throw new AppError('CONFLICT', `${name} participe déjà à ce chantier.`, { field: 'personId' });
    const journey = (await listJourneys(ctx.db, personId))[0];
    if (!journey || (journey.status !== 'admise' && journey.status !== 'en_chantier')) {
      const step = journey ? JOURNEY_STATUS_LABELS[journey.status] : 'aucun parcours';
      throw new AppError(
        'CONFLICT',
        `Seule une personne admise ou déjà en chantier peut rejoindre un chantier (${name} : ${step}).`,
        {
          field: 'personId',
        },
      );
    }
    if (contract.endDate < contract.startDate) {
      throw new AppError('INVALID_INPUT', 'La fin du contrat doit venir après son début.', {
        field: 'contract.endDate',
      });
    }
    const age = checkAgeForContract(person.birthDate, contract.startDate);
    if (age && 'refusal' in age)
      throw new AppError('INVALID_INPUT', age.refusal.message, { field: 'contract.startDate' });
    const rates = await listWageRates(ctx.db);
    if (isBelowFloor(rates, contract.startDate, contract.hourlyCents)) {
      const floor = rateInForce(rates, contract.startDate)!;
      throw new AppError(
        'INVALID_INPUT',
        `Le taux horaire est inférieur au SMIC en vigueur le ${formatFrenchDate(contract.startDate)} (${formatEuros(floor.hourlyCents)}).`,
        { field: 'contract.hourlyCents' },
      );
    }
    const weeklyMinutes = patternMinutes(worksite.slots.map((slot) => slotTimes(worksite, slot.halfDay)));
    if (contract.type === 'cddi') {
      const [violation] = checkCddi({
        start: contract.startDate,
        end: contract.endDate,
        weeklyMinutes,
        derogationUntil: contract.derogationUntil,
      });
      if (violation) throw new AppError('INVALID_INPUT', violation.message, { field: 'contract.type' });
    }
    if (!confirmWarnings) {
      if (worksite.participants.length >= worksite.capacity) {
        throw new AppError(
          'CONFLICT',
          `Le chantier est complet (${worksite.capacity} places). Confirmez pour dépasser sa capacité.`,
          { field: 'capacity' },
        );
      }
      if (age && 'warning' in age) throw new AppError('CONFLICT', age.warning, { field: 'minor' });
      const pastWorksite = contractEndWarning(contract.endDate, { start: worksite.startDate, end: worksite.endDate });
      if (pastWorksite) throw new AppError('CONFLICT', pastWorksite, { field: 'worksiteEnd' });
      const mine = new Set(worksite.sessions.filter((s) => s.cancelledReason === null).map(sessionKey));
      const clashes = (await repo.bookedElsewhere(ctx.db, personId, id, contract.startDate, contract.endDate)).filter(
        (s) => mine.has(sessionKey({ date: s.date, halfDay: s.halfDay })),
      );
      if (clashes.length > 0) {
        const dates = clashes
          .slice(0, 3)
          .map((c) => `${formatFrenchDate(c.date)} (${c.name})`)
          .join(', ');
        throw new AppError(
          'CONFLICT',
          `${name} est déjà sur un autre chantier le ${dates}${clashes.length > 3 ? '…' : ''}. Confirmez pour l’inscrire quand même.`,
          {
            field: 'clash',
          },
        );
      }
      // L3231-2: a SMIC that takes effect during the contract raises its rate from that day; the hand-off applies it.
      const raise = laterFloorAbove(rates, {
        start: contract.startDate,
        end: contract.endDate,
        hourlyCents: contract.hourlyCents,
      });
      if (raise) {
        throw new AppError(
          'CONFLICT',
          `Le SMIC passe à ${formatEuros(raise.hourlyCents)} le ${formatFrenchDate(raise.effectiveFrom)}, pendant ce contrat : le taux de ${formatEuros(contract.hourlyCents)} ` +
            `sera porté à ${formatEuros(raise.hourlyCents)} à partir de cette date dans les heures transmises à l’employeur. Confirmez pour garder ce taux au contrat.`,
          { field: 'wageRaise' },
        );
      }
    }
    const participationId = await repo.insertParticipation(
      ctx.db,
      {
        worksiteId: id,
        personId,
        journeyId: journey.id,
        contractType: contract.type,
        employerId: worksite.employerId,
        startDate: contract.startDate,
        endDate: contract.endDate,
        weeklyMinutes,
        position: contract.position,
        hourlyCents: contract.hourlyCents,
        trialDays: trialPeriodDays(contract.startDate, contract.endDate),
        handedOn: contract.handedOn,
        signedOn: contract.signedOn,
        derogationUntil: contract.derogationUntil,
        classification: contract.classification,
        tasks: tasksOrDefault(contract.tasks, worksite.activity),
        particularRisk: contract.particularRisk,
        passIae: contract.passIae,
      },
      ctx.now,
    );
    // A contract entered after its first months were sent: they carry its hours as a régularisation.
    const guard = await guardHoursChange(
      ctx,
      'contract',
      [{ participationId, first: contract.startDate, last: contract.endDate }],
      {
        act: `Contrat du ${formatFrenchDate(contract.startDate)} au ${formatFrenchDate(contract.endDate)}`,
        created: [participationId],
      },
    );
    await guard.settle();
    if (journey.status === 'admise') {
      // The parcours moves on; a step is never dated in the future.
      const stepDate = contract.startDate < ctx.today ? contract.startDate : ctx.today;
      await insertEvent(ctx.db, journey.id, 'en_chantier', stepDate, '', ctx.now, ctx.session.user?.id ?? null);
    }
    ctx.record(`worksite:${id}`);
    ctx.record(`person:${personId}`);
    ctx.record(`participation:${participationId}`);
    return worksiteView(ctx, id);
  },

  'worksites/addAnnexTime': async ({ participationId, annexTime }, ctx) => {
    const participation = await repo.findParticipation(ctx.db, participationId);
    if (!participation) throw new AppError('NOT_FOUND', 'Ce participant est introuvable.');
    await assertWorksiteInScope(ctx, participation.worksiteId);
    if (annexTime.date < participation.startDate || annexTime.date > participation.endDate) {
      throw new AppError(
        'INVALID_INPUT',
        `Un temps annexe rémunéré se place pendant le contrat (du ${formatFrenchDate(participation.startDate)} au ${formatFrenchDate(participation.endDate)}).`,
        { field: 'annexTime.date' },
      );
    }
    const span = { start: timeToMinutes(annexTime.start), end: timeToMinutes(annexTime.end) };
    const halfDays = (await repo.listSessions(ctx.db, participation.worksiteId))
      .filter((s) => s.date === annexTime.date && s.cancelledReason === null)
      .map((s) => ({ start: s.startMinutes, end: s.endMinutes }));
    const annexTimes = (await annexTimesOf(ctx.db, [participationId]))
      .filter((a) => a.date === annexTime.date)
      .map((a) => ({ start: a.startMinutes, end: a.endMinutes }));
    const placement = placeAnnexTime({ ...span, kind: annexTime.kind }, halfDays, annexTimes);
    if (placement.kind === 'refused') {
      const times = (t: { start: number; end: number }) => `${minutesToTime(t.start)} à ${minutesToTime(t.end)}`;
      const what = placement.with === 'half_day' ? 'la demi-journée' : 'un autre temps annexe de la personne';
      throw new AppError(
        'CONFLICT',
        `Ce temps annexe (${times(span)}) chevauche ${what} (${times(placement.clash)}) le ${formatFrenchDate(annexTime.date)} : le même temps de travail serait payé deux fois. ` +
          `Placez-le avant ou après${placement.with === 'half_day' ? ' ; seul un bilan de santé ou une visite médicale peut avoir lieu pendant la demi-journée (le temps commun est alors compté une fois)' : ''}.`,
        { field: 'annexTime.start' },
      );
    }
    const guard = await guardHoursChange(
      ctx,
      'planning',
      [{ participationId, first: annexTime.date, last: annexTime.date }],
      { field: 'annexTime.date' },
    );
    const annexId = await repo.insertAnnexTime(
      ctx.db,
      {
        participationId,
        kind: annexTime.kind,
        date: annexTime.date,
        startMinutes: timeToMinutes(annexTime.start),
        endMinutes: timeToMinutes(annexTime.end),
        paid: annexTime.paid,
      },
      ctx.now,
    );
    await guard.settle();
    ctx.record(`participation:${participationId}`);
    ctx.record(`annexTime:${annexId}`);
    return worksiteView(ctx, participation.worksiteId);
  },

  'worksites/moveSession': async ({ sessionId, to }, ctx) => {
    const session = await repo.findSession(ctx.db, sessionId);
    if (!session) throw new AppError('NOT_FOUND', 'Cette demi-journée est introuvable.');
    const worksite = await worksiteView(ctx, session.worksiteId);
    if (session.cancelledReason !== null)
      throw new AppError('CONFLICT', 'Une demi-journée annulée ne se déplace pas : ajoutez-en une nouvelle.');
    await refuseDay(ctx.db, to.date, worksite, 'to.date');
    const calendar = await calendarFor(ctx.db, to.date, to.date);
    const closed = calendar.holidays.get(to.date) ?? calendar.closures.get(to.date);
    if (closed)
      throw new AppError('INVALID_INPUT', `Le ${formatFrenchDate(to.date)} n’est pas travaillé (${closed}).`, {
        field: 'to.date',
      });
    if (worksite.sessions.some((s) => s.id !== sessionId && sessionKey(s) === sessionKey(to))) {
      throw new AppError('CONFLICT', 'Il y a déjà une demi-journée à cette date.', { field: 'to.date' });
    }
    const guard = await guardHoursChange(
      ctx,
      'planning',
      await sessionTouches(ctx.db, session.worksiteId, [session.date, to.date]),
      { field: 'to.date' },
    );
    await repo.moveSession(ctx.db, sessionId, {
      date: to.date,
      halfDay: to.halfDay,
      ...slotTimes(worksite, to.halfDay),
    });
    await guard.settle();
    ctx.record(`session:${sessionId}`);
    return worksiteView(ctx, session.worksiteId);
  },

  'worksites/cancelSession': async ({ sessionId, reason, kind }, ctx) => {
    const session = await repo.findSession(ctx.db, sessionId);
    if (!session) throw new AppError('NOT_FOUND', 'Cette demi-journée est introuvable.');
    await assertWorksiteInScope(ctx, session.worksiteId);
    if (session.cancelledReason !== null) throw new AppError('CONFLICT', 'Cette demi-journée est déjà annulée.');
    const guard = await guardHoursChange(
      ctx,
      'planning',
      await sessionTouches(ctx.db, session.worksiteId, [session.date]),
      { field: 'reason' },
    );
    await repo.cancelSession(ctx.db, sessionId, reason, kind);
    await guard.settle();
    ctx.record(`session:${sessionId}`);
    return worksiteView(ctx, session.worksiteId);
  },
};
