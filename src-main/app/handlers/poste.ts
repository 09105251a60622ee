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

  // Journaled here as a change without a record: the device it makes is the server’s, not one of this PC’s.
  'poste/pair': async (input, { services }) => {
    if (!services.poste) throw NOT_HERE();
    return services.poste.pair(input);
  },

  'poste/forget': async (_input, { services }) => {
    if (!services.poste) throw NOT_HERE();
    await services.poste.forget();
    return { done: true as const };
  },
};
