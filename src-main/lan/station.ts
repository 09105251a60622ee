/**
 * How this PC answers the renderer (issue 29, « Sur chaque autre PC »): the
 * one place that decides between its two modes.
 *
 * - « local »: the data in this PC’s own folder (SQLite, or a PostgreSQL
 *   server it opens itself): every call goes to `handleRpc` as always;
 * - « client »: this PC is paired with the Passerelle server of the office
 *   (`poste-serveur.json` in its data folder, the device credential protected
 *   by the OS): every call goes to the server over HTTPS to the pinned
 *   certificate (`lanTransport`), and no database is opened here: one source
 *   of truth, no copy of personal data on the PC (api/connection.ts).
 *
 * The `poste/…` methods (this PC’s link: status, probe, pair, forget) are
 * always answered here, never sent to the server. In local mode they go
 * through `handleRpc` (permission matrix: open while the wizard runs, then the
 * administrator; journaled in this PC’s journal). In client mode there is no
 * local database nor account: changing the link of a PC the server still
 * accepts takes an administrator signed in on the server; a PC the server
 * refuses (revoked), cannot be trusted (another certificate) or cannot be
 * reached may be paired again by whoever is at it — the fingerprint compared
 * with the server’s screen is what keeps it from pairing with another machine.
 *
 * A server that does not answer gives the renderer the `unreachable` marker
 * its banner waits for (renderer api/bridge.ts, api/connection.ts).
 */
import os from 'node:os';
import { handleRpc, invalidInput } from '../app/dispatch';
import type { PosteControl } from '../app/ports';
import type { Services } from '../app/services';
import { ADMINISTRATOR } from '../shared/capabilities';
import { contract, type ParsedInput } from '../shared/contract';
import type { PairedServerView, PosteStatus } from '../shared/contract/poste';
import { AppError, type Result } from '../shared/errors';
import {
  lanTransport as defaultTransport,
  pairWithServer,
  parseServerAddress,
  probeServer,
  type LanTransport,
  type PairedServer,
  type ServerAddress,
  type ServerIdentity,
} from './client';
import { DEFAULT_LAN_PORT } from './protocol';

/** What the renderer receives for a call (renderer api/bridge.ts `Answer`). */
export type StationAnswer = Result<unknown> & { dataVersion?: number; unreachable?: true };

/** The pairing as kept in the data folder: the server, its certificate, the credential and this PC’s name there. */
export type KeptPairing = PairedServer & { deviceName?: string };

export interface PairingKeeper {
  save(paired: KeptPairing): Promise<void>;
  load(): Promise<KeptPairing | null>;
  forget(): Promise<void>;
}

export interface StationOptions {
  /** `pairedStore(dataDir, protect, unprotect)` (client.ts): `electronPairedStore` in the desktop app. */
  store: PairingKeeper;
  /** Opens this PC’s own data (local mode), with the transport’s own handling of a failure. */
  openLocal: () => Promise<Services>;
  /** Already opened by the caller (its start-up dialogs), when this PC is not paired; otherwise opened at the first call. */
  local?: Services | null;
  /** This PC’s name, proposed as the device’s name on the server. */
  hostName?: string;
  /** Tests may count the calls; the real one by default. */
  transport?: (paired: PairedServer) => LanTransport;
}

export interface Station {
  mode(): 'local' | 'client';
  invoke(method: string, input: unknown, sessionToken: string | null): Promise<StationAnswer>;
  /** The local data, when this PC keeps its own (the desktop app closes it on quit). */
  localServices(): Services | null;
  close(): Promise<void>;
}

const UNREADABLE_PAIRING = new AppError(
  'DEVICE_NOT_PAIRED',
  'Passerelle ne peut plus lire le secret de ce poste (le compte Windows a peut-être changé). Demandez un nouveau code d’appairage à l’administrateur (Paramètres › Poste serveur) et appairez ce PC de nouveau.',
);

const ONLY_ADMINISTRATOR = new AppError(
  'FORBIDDEN',
  'Ce PC travaille avec le serveur Passerelle. Seul un administrateur connecté peut le relier à un autre serveur ou l’en détacher.',
);

const FINGERPRINT_CHANGED = new AppError(
  'SERVER_UNTRUSTED',
  'Le serveur à cette adresse ne présente plus le certificat dont vous avez comparé l’empreinte. Recommencez depuis l’adresse et comparez de nouveau l’empreinte avec l’écran du serveur : si elle diffère, n’allez pas plus loin et prévenez l’administrateur.',
);

function nothingAt(address: ServerAddress): AppError {
  return new AppError(
    'SERVER_UNREACHABLE',
    `Aucun serveur Passerelle ne répond à l’adresse ${displayAddress(address)}. Vérifiez l’adresse (celle affichée dans Paramètres › Poste serveur du PC serveur, avec le nombre après les deux-points), puis que le PC serveur est allumé et relié au réseau du bureau.`,
  );
}

function failure(error: AppError, extra: { unreachable?: true } = {}): StationAnswer {
  return { ok: false, error: error.toPayload(), ...extra };
}

/** « 192.168.1.10:47443 », « [fd00::1]:47443 »: as the person types it back. */
export function displayAddress(address: ServerAddress): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `${host}:${address.port ?? DEFAULT_LAN_PORT}`;
}

/** « ab cd:EF… » → « AB:CD:EF… »: two fingerprints compared whatever the spacing. */
function normalFingerprint(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-F]/g, '');
}

function viewOf(paired: KeptPairing, hostName: string): PairedServerView {
  return {
    address: displayAddress(paired),
    fingerprint: paired.fingerprint,
    deviceId: paired.deviceId,
    deviceName: paired.deviceName ?? hostName,
  };
}

export async function startStation(options: StationOptions): Promise<Station> {
  const hostName = options.hostName ?? os.hostname();
  const makeTransport = options.transport ?? defaultTransport;
  let paired: KeptPairing | null = null;
  let unreadable = false;
  try {
    paired = await options.store.load();
  } catch {
    // The file is there but its credential cannot be read back: still a client, refused until paired again.
    unreadable = true;
  }
  let transport: LanTransport | null = paired ? makeTransport(paired) : null;
  let local: Services | null = paired || unreadable ? null : (options.local ?? null);
  // Any local data opened by the caller is not used in client mode.
  if ((paired || unreadable) && options.local) await options.local.close();
  /** Set by a pairing made in local mode: the switch happens once its answer (and journal entry) is done. */
  let switchTo: KeptPairing | null = null;
  /** The certificates read by `poste/probe`, by address: pairing goes on with the one the person compared. */
  const probed = new Map<string, ServerIdentity>();
  const isClient = () => paired !== null || unreadable;

  /** This PC’s own data, opened at the first call when the caller did not (a server of the data that did not answer: each call tries again). */
  let opening: Promise<Services> | null = null;
  const ensureLocal = async (): Promise<Services> => {
    if (local) return local;
    opening ??= options.openLocal().finally(() => {
      opening = null;
    });
    const opened = await opening;
    opened.poste = control;
    local = opened;
    return opened;
  };

  const status = async (): Promise<PosteStatus> => ({
    mode: isClient() ? 'client' : 'local',
    server: paired ? viewOf(paired, hostName) : null,
    thisPcName: hostName,
  });

  const probe = async (text: string) => {
    const address = parseServerAddress(text);
    const identity = await probeServer(address).catch((error: unknown) => {
      // Typing the address is where it goes wrong most: say which one was tried, and where to read the right one.
      throw error instanceof AppError && error.code === 'SERVER_UNREACHABLE' ? nothingAt(address) : error;
    });
    probed.set(displayAddress(address), identity);
    return { address: displayAddress(address), fingerprint: identity.fingerprint };
  };

  const pair = async (input: ParsedInput<'poste/pair'>): Promise<KeptPairing> => {
    const address = parseServerAddress(input.address);
    const identity = probed.get(displayAddress(address));
    if (!identity || normalFingerprint(identity.fingerprint) !== normalFingerprint(input.fingerprint))
      throw FINGERPRINT_CHANGED;
    const made = await pairWithServer({ address, identity, code: input.code, deviceName: input.deviceName }).catch(
      (error: unknown) => {
        throw error instanceof AppError && error.code === 'SERVER_UNTRUSTED' ? FINGERPRINT_CHANGED : error;
      },
    );
    const kept: KeptPairing = { ...made, deviceName: input.deviceName };
    await options.store.save(kept);
    probed.clear();
    return kept;
  };

  /** What `handleRpc` reaches through `services.poste` in local mode. */
  const control: PosteControl = {
    status,
    probe,
    pair: async (input) => {
      const kept = await pair(input);
      switchTo = kept;
      return { server: viewOf(kept, hostName) };
    },
    forget: async () => {
      throw new AppError('CONFLICT', 'Ce PC n’est relié à aucun serveur Passerelle : il garde ses propres données.');
    },
  };
  if (local) local.poste = control;

  const becomeClient = async (kept: KeptPairing) => {
    transport?.close();
    transport = makeTransport(kept);
    paired = kept;
    unreadable = false;
    const left = local;
    local = null;
    await left?.close();
  };

  /** Client mode: may the person at this PC change its link? (see the header). */
  const assertMayChangeLink = async (sessionToken: string | null) => {
    if (!transport) return;
    let answer: StationAnswer;
    try {
      answer = await transport.invoke('auth/me', {}, sessionToken);
    } catch {
      return; // Unreachable, or another certificate: the person pairs again, comparing the fingerprint.
    }
    if (!answer.ok) {
      if (answer.error.code === 'DEVICE_NOT_PAIRED') return;
      throw ONLY_ADMINISTRATOR;
    }
    const session = (answer.value as { session?: { user?: { role?: string } } | null }).session;
    if (session?.user?.role !== ADMINISTRATOR) throw ONLY_ADMINISTRATOR;
  };

  /** `poste/…` on a paired PC: validated like any call, answered here, no journal (no database here). */
  const clientPoste = async (method: string, rawInput: unknown, sessionToken: string | null): Promise<unknown> => {
    if (!(method in contract)) throw new AppError('UNKNOWN_METHOD');
    const definition = contract[method as 'poste/status'] as { input: { safeParse(v: unknown): unknown } };
    const valid = definition.input.safeParse(rawInput ?? undefined) as
      { success: true; data: unknown } | { success: false; error: Parameters<typeof invalidInput>[0] };
    if (!valid.success) throw invalidInput(valid.error);
    switch (method) {
      case 'poste/status':
        return status();
      case 'poste/probe':
        await assertMayChangeLink(sessionToken);
        return probe((valid.data as ParsedInput<'poste/probe'>).address);
      case 'poste/pair': {
        await assertMayChangeLink(sessionToken);
        const kept = await pair(valid.data as ParsedInput<'poste/pair'>);
        await becomeClient(kept);
        return { server: viewOf(kept, hostName) };
      }
      case 'poste/forget':
        await assertMayChangeLink(sessionToken);
        await options.store.forget();
        transport?.close();
        transport = null;
        paired = null;
        unreadable = false;
        return { done: true };
      default:
        throw new AppError('UNKNOWN_METHOD');
    }
  };

  const forward = async (method: string, input: unknown, sessionToken: string | null): Promise<StationAnswer> => {
    if (!transport) return failure(UNREADABLE_PAIRING);
    try {
      return await transport.invoke(method, input, sessionToken);
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('SERVER_UNREACHABLE');
      // Not reached: the renderer’s banner; not trusted: a refusal it shows with « Appairer de nouveau ».
      return appError.code === 'SERVER_UNREACHABLE' ? failure(appError, { unreachable: true }) : failure(appError);
    }
  };

  return {
    mode: () => (isClient() ? 'client' : 'local'),
    localServices: () => local,
    async invoke(method, input, sessionToken) {
      if (isClient()) {
        if (!method.startsWith('poste/')) return forward(method, input, sessionToken);
        try {
          return { ok: true, value: await clientPoste(method, input, sessionToken) };
        } catch (error) {
          return failure(error instanceof AppError ? error : new AppError('INTERNAL'));
        }
      }
      let services: Services;
      try {
        services = await ensureLocal();
      } catch (error) {
        return failure(error instanceof AppError ? error : new AppError('INTERNAL'));
      }
      const answer = await handleRpc(services, method, input, sessionToken);
      if (switchTo) {
        const kept = switchTo;
        switchTo = null;
        // Kept in the data folder already: this PC works through the server from now on.
        await becomeClient(kept);
      }
      return answer;
    },
    async close() {
      transport?.close();
      transport = null;
      await local?.close();
      local = null;
    },
  };
}

/**
 * Whether this PC starts as a client of the office’s server: a pairing kept in
 * its data folder (one whose secret cannot be read back counts: refused until
 * paired again). Then the caller opens no database of its own.
 */
export async function pairedAtStart(store: PairingKeeper): Promise<boolean> {
  return store.load().then(
    (kept) => kept !== null,
    () => true,
  );
}
