import { CALENDAR_DEFAULTS } from '../../domain/calendar-settings';
import * as repo from '../../db/repositories/settings';
import * as users from '../../db/repositories/users';
import { ADMINISTRATOR } from '../../shared/capabilities';
import { hasMetropolitanSmic, smicRateRefusal } from '../../shared/smic-floor';
import { AppError } from '../../shared/errors';
import { formatFrenchDate } from '../../shared/dates';
import type { HandlerMap } from '../handler';
import { hashPassword } from '../password-hashing';
import type { SessionUser } from '../session';
import { assertPasswordFor, sessionViewFor, structureNameOf } from '../read-models/accounts';
import { assertLogoStored } from '../read-models/logos';

const ALREADY_DONE = 'Passerelle est déjà configurée. Modifiez les informations dans Paramètres.';

export const setupHandlers: HandlerMap<'setup/status' | 'setup/complete' | 'setup/createAdministrator'> = {
  'setup/status': async (_input, { db }) => {
    const found = await repo.findStructure(db);
    const noAccount = (await users.listUsers(db)).length === 0;
    return {
      completed: found !== null,
      structureName: found?.structure.name ?? null,
      needsAdministrator: found !== null && noAccount,
    };
  },

  'setup/createAdministrator': async (
    { displayName, password },
    { services, read, transaction, now, record, attribute },
  ) => {
    const refused = () =>
      new AppError(
        'CONFLICT',
        'Des comptes existent déjà : connectez-vous, ou demandez à l’administrateur de vous en créer un.',
      );
    const structureName = await read(async ({ db }) => {
      if (!(await repo.findStructure(db))) {
        throw new AppError('CONFLICT', 'Passerelle n’est pas encore configurée : terminez d’abord l’assistant.');
      }
      if ((await users.listUsers(db)).length > 0) throw refused();
      return structureNameOf(db);
    });
    assertPasswordFor(password, { personName: displayName, structureName }, 'password');
    const passwordHash = await hashPassword(password, services.passwordParams);
    const id = await transaction(async (db) => {
      if ((await users.listUsers(db)).length > 0) throw refused();
      const newId = await users.insertUser(db, { displayName, role: ADMINISTRATOR, passwordHash }, now);
      record(`user:${newId}`);
      attribute(newId);
      return newId;
    });
    const admin: SessionUser = { id, displayName: displayName.trim(), role: ADMINISTRATOR };
    return sessionViewFor(services, admin, services.sessions.create(admin, services.clock.now()));
  },

  'setup/complete': async (input, { services, read, transaction, now, record, attribute }) => {
    if (await read(({ db }) => repo.findStructure(db))) throw new AppError('CONFLICT', ALREADY_DONE);
    const seen = new Set<string>();
    for (const [index, rate] of input.wageRates.entries()) {
      if (seen.has(rate.effectiveFrom)) {
        throw new AppError(
          'INVALID_INPUT',
          `Deux taux du SMIC commencent le ${formatFrenchDate(rate.effectiveFrom)}.`,
          {
            field: `wageRates.${index}.effectiveFrom`,
          },
        );
      }
      seen.add(rate.effectiveFrom);
      const refusal = smicRateRefusal(rate, input.wageRates.slice(0, index), {
        legalFloor: hasMetropolitanSmic(input.structure.postcode),
      });
      if (refusal) throw new AppError('INVALID_INPUT', refusal, { field: `wageRates.${index}.hourlyCents` });
    }
    assertLogoStored(services.paths.filesDir, input.logoFile);
    input.employers.forEach((e, i) => assertLogoStored(services.paths.filesDir, e.logoFile, `employers.${i}.logoFile`));
    const { displayName, password } = input.administrator;
    assertPasswordFor(
      password,
      { personName: displayName, structureName: input.structure.name },
      'administrator.password',
    );
    const passwordHash = await hashPassword(password, services.passwordParams);

    const adminId = await transaction(async (db) => {
      // Checked again inside the transaction: two windows may finish the wizard at once.
      if (await repo.findStructure(db)) throw new AppError('CONFLICT', ALREADY_DONE);
      await repo.insertStructure(db, { ...input.structure, logoFile: input.logoFile }, input.hours, now);
      // The calendar that counts hours, from the beginning: changed later in Paramètres, « à compter du ».
      await repo.insertCalendarBeginning(db, CALENDAR_DEFAULTS, now);
      record('structure:1');
      for (const employer of input.employers) record(`employer:${await repo.insertEmployer(db, employer, now)}`);
      for (const rate of input.wageRates) await repo.insertWageRate(db, rate.effectiveFrom, rate.hourlyCents, now);
      const id = await users.insertUser(db, { displayName, role: ADMINISTRATOR, passwordHash }, now);
      record(`user:${id}`);
      attribute(id);
      return id;
    });
    const admin: SessionUser = { id: adminId, displayName: displayName.trim(), role: ADMINISTRATOR };
    return sessionViewFor(services, admin, services.sessions.create(admin, services.clock.now()));
  },
};
