import os from 'node:os';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';

/** No station on this Passerelle: the server itself (`npm run server`) does not pair with another. */
const NOT_HERE = () =>
  new AppError(
    'CONFLICT',
    'Ce Passerelle ne peut pas se relier à un autre serveur : c’est lui qui garde les données du bureau.',
  );

/** This PC’s link to the office’s server, while it keeps its own data (lan/station.ts does the work). */
export const posteHandlers: HandlerMap<'poste/status' | 'poste/probe' | 'poste/pair' | 'poste/forget'> = {
  'poste/status': async (_input, { services }) =>
    services.poste ? services.poste.status() : { mode: 'local' as const, server: null, thisPcName: os.hostname() },

  'poste/probe': async ({ address }, { services }) => {
    if (!services.poste) throw NOT_HERE();
    return services.poste.probe(address);
  },

  'poste/pair': async (input, { services, record }) => {
    if (!services.poste) throw NOT_HERE();
    const paired = await services.poste.pair(input);
    record(`device:${paired.server.deviceId}`);
    return paired;
  },

  'poste/forget': async (_input, { services }) => {
    if (!services.poste) throw NOT_HERE();
    await services.poste.forget();
    return { done: true as const };
  },
};
