import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import * as repo from '../../db/repositories/settings';
import { AppError } from '../../shared/errors';
import { formatFrenchDate } from '../../shared/dates';
import type { Settings } from '../../shared/contract/settings';
import { rateInForce } from '../../domain/wages';
import { hasMetropolitanSmic, smicRateRefusal } from '../../shared/smic-floor';
import { calendarInForce, changeFrom, holidaysInForce } from '../../domain/calendar-settings';
import { firstDayAfter, guardSettingChange, lastSentMonth } from '../hours-change';
import type { HandlerMap } from '../handler';
import { assertLogoStored } from '../read-models/logos';
import { claimFresh } from '../record-versions';
import { readStoredImage, storeImage } from '../stored-files';
import type { ReadableDb } from '../../db/access';

export async function loadSettings(db: ReadableDb, today: string): Promise<Settings> {
  const found = await repo.findStructure(db);
  if (!found) throw new AppError('CONFLICT', 'Passerelle n’est pas encore configurée : terminez d’abord l’assistant.');
  const wageRates = await repo.listWageRates(db);
  const history = await repo.calendarHistory(db);
  const inForce = calendarInForce(history, today);
  const year = today.slice(0, 4);
  const lastSent = await lastSentMonth(db);
  const holidays = holidaysInForce(history, `${year}-01-01`, `${year}-12-31`);
  return {
    structure: { ...found.structure, version: found.version },
    hours: found.hours,
    employers: await repo.listEmployers(db),
    wageRates,
    wageRateToday: rateInForce(wageRates, today),
    security: { idleLockMinutes: found.idleLockMinutes },
    people: { collectNationality: found.collectNationality },
    calendar: {
      region: inForce.holidayRegion,
      whitMondayWorked: inForce.whitMondayWorked,
      forceMajeurePaid: inForce.forceMajeurePaid,
      history: history.map(({ effectiveFrom, values }) => ({
        effectiveFrom,
        region: values.holidayRegion ?? null,
        whitMondayWorked: values.whitMondayWorked ?? null,
        forceMajeurePaid: values.forceMajeurePaid ?? null,
        upcoming: effectiveFrom !== null && effectiveFrom > today,
      })),
      lastSentMonth: lastSent,
      defaultEffectiveFrom: firstDayAfter(lastSent, today),
      closures: await repo.listClosures(db),
      holidaysThisYear: [...holidays].map(([date, label]) => ({ date, label })),
    },
  };
}

export async function assertNewWageDate(db: Kysely<Database>, effectiveFrom: string) {
  if (await repo.wageRateExistsOn(db, effectiveFrom)) {
    throw new AppError(
      'CONFLICT',
      `Un taux existe déjà à partir du ${formatFrenchDate(effectiveFrom)}. Supprimez-le avant d’en saisir un autre à cette date.`,
      { field: 'effectiveFrom' },
    );
  }
}

export const settingsHandlers: HandlerMap<
  | 'settings/get'
  | 'settings/getLogo'
  | 'settings/updateStructure'
  | 'settings/updateHours'
  | 'settings/updateSecurity'
  | 'settings/updatePeopleOptions'
  | 'settings/updateCalendar'
  | 'settings/removeCalendarChange'
  | 'settings/addClosure'
  | 'settings/removeClosure'
  | 'settings/saveEmployer'
  | 'settings/setEmployerArchived'
  | 'settings/addWageRate'
  | 'settings/removeWageRate'
  | 'settings/importLogo'
> = {
  'settings/get': async (_input, { db, today }) => loadSettings(db, today),

  'settings/getLogo': async ({ file }, { services }) => readStoredImage(services.paths.filesDir, file),

  'settings/importLogo': async (source, { services }) => storeImage(services.paths.filesDir, source, 'logo'),

  'settings/updateStructure': async ({ structure, logoFile, expectedVersion }, ctx) => {
    const { db, services, now, today, record } = ctx;
    await loadSettings(db, today);
    assertLogoStored(services.paths.filesDir, logoFile);
    await claimFresh(ctx, 'structure', 1, expectedVersion);
    await repo.updateStructure(db, { ...structure, logoFile }, now);
    record('structure:1');
    return loadSettings(db, today);
  },

  'settings/updateHours': async (hours, { db, now, today, record }) => {
    await loadSettings(db, today);
    await repo.updateHours(db, hours, now);
    record('structure:1');
    return loadSettings(db, today);
  },

  'settings/updateCalendar': async ({ effectiveFrom, region, whitMondayWorked, forceMajeurePaid }, ctx) => {
    const { db, now, today, record } = ctx;
    await loadSettings(db, today);
    // Public holidays and force majeure count hours: a sent month keeps its figures (app/hours-change.ts);
    // dated after the last month sent, the change touches none of them.
    const guard = await guardSettingChange(ctx, null, 'effectiveFrom', { dated: true });
    const wanted = { holidayRegion: region, whitMondayWorked, forceMajeurePaid };
    const change = changeFrom(await repo.calendarHistory(db), effectiveFrom, wanted);
    await repo.replaceCalendarChange(db, effectiveFrom, change, now);
    await guard.settle();
    record(`calendar:${effectiveFrom}`);
    return loadSettings(db, today);
  },

  'settings/removeCalendarChange': async ({ effectiveFrom }, ctx) => {
    const { db, today, record } = ctx;
    await loadSettings(db, today);
    const day = formatFrenchDate(effectiveFrom);
    if (!(await repo.calendarHistory(db)).some((c) => c.effectiveFrom === effectiveFrom))
      throw new AppError('NOT_FOUND', `Aucun changement du calendrier n’est daté du ${day}.`, {
        field: 'effectiveFrom',
      });
    if (effectiveFrom <= today)
      throw new AppError(
        'CONFLICT',
        `Le changement du ${day} s’applique déjà : il ne se supprime plus. Pour revenir aux réglages d’avant, changez-les à compter d’une nouvelle date.`,
        { field: 'effectiveFrom' },
      );
    const guard = await guardSettingChange(ctx, null, 'effectiveFrom', { dated: true });
    await repo.deleteCalendarChange(db, effectiveFrom);
    await guard.settle();
    record(`calendar:${effectiveFrom}`);
    return loadSettings(db, today);
  },

  'settings/addClosure': async ({ date, reason }, { db, today, record }) => {
    await loadSettings(db, today);
    if ((await repo.listClosures(db)).some((c) => c.date === date)) {
      throw new AppError('CONFLICT', `Le ${formatFrenchDate(date)} est déjà un jour de fermeture.`, { field: 'date' });
    }
    await repo.insertClosure(db, date, reason);
    record(`closure:${date}`);
    return loadSettings(db, today);
  },

  'settings/removeClosure': async ({ date }, { db, today, record }) => {
    if (!(await repo.deleteClosure(db, date))) throw new AppError('NOT_FOUND', 'Ce jour de fermeture n’existe pas.');
    record(`closure:${date}`);
    return loadSettings(db, today);
  },

  'settings/updatePeopleOptions': async ({ collectNationality }, { db, now, today, record }) => {
    await loadSettings(db, today);
    await repo.updateCollectNationality(db, collectNationality, now);
    record('structure:1');
    return loadSettings(db, today);
  },

  'settings/updateSecurity': async ({ idleLockMinutes }, { db, services, now, today, record }) => {
    await loadSettings(db, today);
    await repo.updateIdleLock(db, idleLockMinutes, now);
    record('structure:1');
    const settings = await loadSettings(db, today);
    // Applied to open sessions at once; kept in memory so each call need not read it.
    services.security.idleLockMinutes = idleLockMinutes;
    return settings;
  },

  'settings/saveEmployer': async ({ id, employer, expectedVersion }, ctx) => {
    const { db, services, now, record } = ctx;
    assertLogoStored(services.paths.filesDir, employer.logoFile, 'employer.logoFile');
    if (id === undefined) {
      const newId = await repo.insertEmployer(db, employer, now);
      record(`employer:${newId}`);
      return (await repo.findEmployer(db, newId))!;
    }
    if (!(await repo.findEmployer(db, id))) throw new AppError('NOT_FOUND', 'Cet employeur n’existe pas.');
    await claimFresh(ctx, 'employers', id, expectedVersion);
    await repo.updateEmployer(db, id, employer, now);
    record(`employer:${id}`);
    return (await repo.findEmployer(db, id))!;
  },

  'settings/setEmployerArchived': async ({ id, archived }, { db, now, record, session }) => {
    if (!(await repo.findEmployer(db, id))) throw new AppError('NOT_FOUND', 'Cet employeur n’existe pas.');
    if (archived) {
      const active = (await repo.listEmployers(db)).filter((e) => !e.archived && e.id !== id);
      if (active.length === 0) {
        throw new AppError('CONFLICT', 'Gardez au moins un employeur actif : les chantiers en ont besoin.');
      }
    }
    await repo.setEmployerArchived(db, id, archived, now, session.user?.id ?? null);
    record(`employer:${id}`);
    return (await repo.findEmployer(db, id))!;
  },

  'settings/addWageRate': async ({ effectiveFrom, hourlyCents }, { db, now, record }) => {
    await assertNewWageDate(db, effectiveFrom);
    const structure = await repo.findStructure(db);
    const refusal = smicRateRefusal({ effectiveFrom, hourlyCents }, await repo.listWageRates(db), {
      legalFloor: hasMetropolitanSmic(structure?.structure.postcode),
    });
    if (refusal) throw new AppError('INVALID_INPUT', refusal, { field: 'hourlyCents' });
    record(`wageRate:${await repo.insertWageRate(db, effectiveFrom, hourlyCents, now)}`);
    return repo.listWageRates(db);
  },

  'settings/removeWageRate': async ({ id }, { db, record }) => {
    const rates = await repo.listWageRates(db);
    if (!rates.some((r) => r.id === id)) throw new AppError('NOT_FOUND', 'Ce taux n’existe pas.');
    if (rates.length === 1) {
      throw new AppError(
        'CONFLICT',
        'Gardez au moins un taux du SMIC : Passerelle en a besoin pour vérifier les salaires.',
      );
    }
    await repo.deleteWageRate(db, id);
    record(`wageRate:${id}`);
    return repo.listWageRates(db);
  },
};
