import os from 'node:os';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';

/** No station on this Passerelle: the server itself (`npm run server`) does not pair with another. */
const NOT_HERE = () =>
  new AppError(
    'CONFLICT',
    'Ce Passerelle ne peut pas se relier à un autre serveur : c’est lui qui garde les données du bureau.',
  );

/**
 * The link of another PC is answered by that PC’s own station (lan/station.ts), never sent to the
 * server: a `poste/…` change that comes over the office network would change the server PC’s own link.
 */
const FROM_ANOTHER_PC = () =>
  new AppError(
    'CONFLICT',
    'Le lien d’un poste avec le serveur Passerelle se règle sur ce poste-là (Paramètres › Ce poste), pas sur le PC serveur.',
  );

/**
 * The station of this PC, when it may change its link: never on the PC that serves the office (its
 * desktop app in server mode has a station too, but the other PCs depend on its data), never for a
 * call that came from a paired PC.
 */
function stationOf({ services, session }: Pick<HandlerContext<'none'>, 'services' | 'session'>) {
  if (session.device) throw FROM_ANOTHER_PC();
  if (!services.poste || services.lan) throw NOT_HERE();
  return services.poste;
}

/** This PC’s link to the office’s server, while it keeps its own data (lan/station.ts does the work). */
export const posteHandlers: HandlerMap<'poste/status' | 'poste/probe' | 'poste/pair' | 'poste/forget'> = {
  'poste/status': async (_input, { services }) =>
    services.poste ? services.poste.status() : { mode: 'local' as const, server: null, thisPcName: os.hostname() },

  'poste/probe': async ({ address }, ctx) => stationOf(ctx).probe(address),

  // Journaled here as a change without a record: the device it makes is the server’s, not one of this PC’s.
  'poste/pair': async (input, ctx) => stationOf(ctx).pair(input),

  'poste/forget': async (_input, ctx) => {
    await stationOf(ctx).forget();
    return { done: true as const };
  },
};
