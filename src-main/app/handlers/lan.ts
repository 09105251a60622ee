import * as repo from '../../db/repositories/lan';
import { displayPairingCode } from '../../domain/pairing';
import { AppError } from '../../shared/errors';
import { newPairingCode, pairingCodeExpiry, sha256 } from '../devices';
import type { HandlerMap } from '../handler';

export const lanHandlers: HandlerMap<'lan/status' | 'lan/createPairingCode' | 'lan/revokeDevice'> = {
  'lan/status': async (_input, { services, db, now }) => ({
    server: services.lan,
    devices: await repo.listDevices(db),
    liveCodes: (await repo.livePairingCodes(db, now)).length,
  }),

  'lan/createPairingCode': async (_input, { db, session, services, record }) => {
    const made = services.clock.now();
    const code = newPairingCode();
    const expiresAt = pairingCodeExpiry(made).toISOString();
    const id = await repo.insertPairingCode(db, {
      codeHash: sha256(code),
      createdAt: made.toISOString(),
      createdBy: session.user?.id ?? null,
      expiresAt,
    });
    record(`pairingCode:${id}`);
    return { code: displayPairingCode(code), expiresAt };
  },

  'lan/revokeDevice': async ({ id }, { db, session, services, now, record }) => {
    const device = await repo.findDevice(db, id);
    if (!device) throw new AppError('NOT_FOUND');
    if (device.revokedAt !== null) throw new AppError('CONFLICT', 'Ce poste est déjà révoqué.');
    await repo.revokeDevice(db, id, now, session.user?.id ?? null);
    services.sessions.endAllForDevice(id);
    record(`device:${id}`);
    return { done: true as const };
  },
};
