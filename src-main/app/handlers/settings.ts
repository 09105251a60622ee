import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import * as repo from '../../db/repositories/settings';
import { AppError } from '../../shared/errors';
import { formatFrenchDate } from '../../shared/dates';
import type { Settings } from '../../shared/contract/settings';
import { rateInForce } from '../../domain/wages';
import type { HandlerMap } from '../handler';
import { readStoredImage, storedFileExists, storeImage } from '../stored-files';

export async function loadSettings(db: Kysely<Database>, today: string): Promise<Settings> {
  const found = await repo.findStructure(db);
  if (!found) throw new AppError('CONFLICT', "Passerelle n'est pas encore configurée : terminez d'abord l'assistant.");
  const wageRates = await repo.listWageRates(db);
  return {
    structure: found.structure,
    hours: found.hours,
    employers: await repo.listEmployers(db),
    wageRates,
    wageRateToday: rateInForce(wageRates, today),
  };
}

export function assertLogoStored(filesDir: string, logoFile: string | null) {
  if (logoFile !== null && !storedFileExists(filesDir, logoFile)) {
    throw new AppError('INVALID_INPUT', 'Le logo choisi est introuvable : choisissez-le à nouveau.', {
      field: 'logoFile',
    });
  }
}

export async function assertNewWageDate(db: Kysely<Database>, effectiveFrom: string) {
  if (await repo.wageRateExistsOn(db, effectiveFrom)) {
    throw new AppError(
      'CONFLICT',
      `Un taux existe déjà à partir du ${formatFrenchDate(effectiveFrom)}. Supprimez-le avant d'en saisir un autre à cette date.`,
      { field: 'effectiveFrom' },
    );
  }
}

export const settingsHandlers: HandlerMap<
  | 'settings/get'
  | 'settings/getLogo'
  | 'settings/updateStructure'
  | 'settings/updateHours'
  | 'settings/saveEmployer'
  | 'settings/setEmployerArchived'
  | 'settings/addWageRate'
  | 'settings/removeWageRate'
  | 'settings/importLogo'
> = {
  'settings/get': async (_input, { db, today }) => loadSettings(db, today),

  'settings/getLogo': async ({ file }, { services }) => readStoredImage(services.paths.filesDir, file),

  'settings/importLogo': async ({ path }, { services }) => storeImage(services.paths.filesDir, path, 'logo'),

  'settings/updateStructure': async ({ structure, logoFile }, { db, services, now, today }) => {
    await loadSettings(db, today);
    assertLogoStored(services.paths.filesDir, logoFile);
    await repo.updateStructure(db, { ...structure, logoFile }, now);
    return loadSettings(db, today);
  },

  'settings/updateHours': async (hours, { db, now, today }) => {
    await loadSettings(db, today);
    await repo.updateHours(db, hours, now);
    return loadSettings(db, today);
  },

  'settings/saveEmployer': async ({ id, employer }, { db, now }) => {
    const values = { ...employer, providentBody: employer.providentBody };
    if (id === undefined) {
      const newId = await repo.insertEmployer(db, values, now);
      return (await repo.findEmployer(db, newId))!;
    }
    if (!(await repo.findEmployer(db, id))) throw new AppError('NOT_FOUND', "Cet employeur n'existe pas.");
    await repo.updateEmployer(db, id, values, now);
    return (await repo.findEmployer(db, id))!;
  },

  'settings/setEmployerArchived': async ({ id, archived }, { db, now }) => {
    if (!(await repo.findEmployer(db, id))) throw new AppError('NOT_FOUND', "Cet employeur n'existe pas.");
    if (archived) {
      const active = (await repo.listEmployers(db)).filter((e) => !e.archived && e.id !== id);
      if (active.length === 0) {
        throw new AppError('CONFLICT', 'Gardez au moins un employeur actif : les chantiers en ont besoin.');
      }
    }
    await repo.setEmployerArchived(db, id, archived, now);
    return (await repo.findEmployer(db, id))!;
  },

  'settings/addWageRate': async ({ effectiveFrom, hourlyCents }, { db, now }) => {
    await assertNewWageDate(db, effectiveFrom);
    await repo.insertWageRate(db, effectiveFrom, hourlyCents, now);
    return repo.listWageRates(db);
  },

  'settings/removeWageRate': async ({ id }, { db }) => {
    const rates = await repo.listWageRates(db);
    if (!rates.some((r) => r.id === id)) throw new AppError('NOT_FOUND', "Ce taux n'existe pas.");
    if (rates.length === 1) {
      throw new AppError('CONFLICT', 'Gardez au moins un taux du SMIC : Passerelle en a besoin pour vérifier les salaires.');
    }
    await repo.deleteWageRate(db, id);
    return repo.listWageRates(db);
  },
};
