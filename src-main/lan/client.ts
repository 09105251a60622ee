/**
 * The paired PC’s side of « Plusieurs postes » (issue 29), in Node: usable
 * from Electron’s main process and from the tests.
 *
 * 1. `probeServer(address)`: reads the certificate the server presents, so
 *    the person compares its fingerprint with the one the server shows
 *    (console, Paramètres › Poste serveur) before typing the code;
 * 2. `pairWithServer(...)`: sends the one-time code to that certificate only
 *    and gets the device credential back;
 * 3. `pairedStore(dir, protect, unprotect)`: keeps the address, the pinned
 *    certificate and the credential (the credential protected by the OS:
 *    Electron’s safeStorage, see electron/key-store.ts);
 * 4. `lanTransport(paired)`: every later call over HTTPS to that certificate
 *    only: another certificate, even one a public authority signed, is refused.
 */
import { X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { parseAddress } from '../domain/local-network';
import { AppError, ERROR_CODES, type ErrorCode, type Result } from '../shared/errors';
import { DEFAULT_LAN_PORT, DEVICE_HEADER, PAIR_PATH, RPC_PREFIX, SESSION_HEADER } from './protocol';

export interface ServerAddress {
  host: string;
  port: number;
}

export interface ServerIdentity {
  /** « AB:CD:… » (SHA-256), as the server shows it. */
  fingerprint: string;
  certPem: string;
}

export interface PairedServer extends ServerAddress, ServerIdentity {
  deviceId: number;
  credential: string;
}

/** « 192.168.1.10 », « 192.168.1.10:47443 », « [fd00::1]:47443 », « serveur-ccas » → host and port. */
export function parseServerAddress(text: string): ServerAddress {
  const typed = text
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(typed);
  const hostPort = /^([^:]+)(?::(\d+))?$/.exec(typed);
  const [host, port] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : hostPort
      ? [hostPort[1]!, hostPort[2]]
      : parseAddress(typed)
        ? [typed, undefined]
        : ['', undefined];
  const portNumber = port === undefined ? DEFAULT_LAN_PORT : Number(port);
  if (!host || !/^[\w.:%-]+$/.test(host) || !(portNumber >= 1 && portNumber <= 65_535))
    throw new AppError(
      'INVALID_INPUT',
      'Indiquez l’adresse du PC serveur telle qu’il l’affiche (par exemple 192.168.1.10:47443).',
      { field: 'address' },
    );
  return { host, port: portNumber };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
]);

const PIN_MISMATCH = 'ERR_PASSERELLE_PIN';

/** A failure to reach the server, in French: unreachable, or not the certificate pinned. */
function networkError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    !NETWORK_CODES.has(code) &&
    /PASSERELLE_PIN|CERT|SELF_SIGNED|SIGNATURE|ALTNAME/.test(code)
  )
    return new AppError('SERVER_UNTRUSTED');
  return new AppError('SERVER_UNREACHABLE');
}

function pemOf(raw: Buffer): string {
  const lines = raw.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Reaching the server (and reading its certificate): an office network answers in far less. */
const TIMEOUT_MS = 15_000;
/** A call with nothing received for this long: a batch of documents printed on the server may take minutes. */
const CALL_TIMEOUT_MS = 5 * 60_000;

/** The certificate the server presents, unverified: only for the person to compare its fingerprint. Sends nothing. */
export function probeServer(address: ServerAddress): Promise<ServerIdentity> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: address.host,
      port: address.port,
      rejectUnauthorized: false,
      servername: parseAddress(address.host) ? undefined : address.host,
    });
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true);
      socket.end();
      if (!peer?.raw) return reject(new AppError('SERVER_UNTRUSTED'));
      const certPem = pemOf(peer.raw);
      resolve({ certPem, fingerprint: new X509Certificate(certPem).fingerprint256 });
    });
    socket.once('error', (error) => reject(networkError(error)));
  });
}

/**
 * An HTTPS agent that trusts exactly one certificate: the pinned one is the
 * only authority (`ca`), and its SHA-256 must match (`checkServerIdentity`,
 * in place of the name check: the server is reached by its IP address).
 */
export function pinnedAgent(identity: ServerIdentity): https.Agent {
  const expected = identity.fingerprint.toUpperCase();
  return new https.Agent({
    ca: identity.certPem,
    rejectUnauthorized: true,
    keepAlive: true,
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256?.toUpperCase() === expected
        ? undefined
        : Object.assign(new Error('Certificat du serveur différent de celui appairé'), { code: PIN_MISMATCH }),
  });
}

function post<T>(
  agent: https.Agent,
  address: ServerAddress,
  urlPath: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; json: T }> {
  const payload = Buffer.from(JSON.stringify(body ?? {}), 'utf8');
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: address.host,
        port: address.port,
        path: urlPath,
        method: 'POST',
        agent,
        timeout: CALL_TIMEOUT_MS,
        servername: parseAddress(address.host) ? undefined : address.host,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
          } catch {
            reject(new AppError('SERVER_UNREACHABLE'));
          }
        });
        res.on('error', (error) => reject(networkError(error)));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => reject(networkError(error)));
    req.end(payload);
  });
}

function fromPayload(result: Result<unknown>): AppError | null {
  if (result.ok) return null;
  const code = (ERROR_CODES as readonly string[]).includes(result.error.code)
    ? (result.error.code as ErrorCode)
    : 'INTERNAL';
  return new AppError(code, result.error.message, { field: result.error.field });
}

/**
 * Sends the one-time code to the server whose certificate the person
 * compared (`identity`, from `probeServer`), and returns what to keep.
 */
export async function pairWithServer(input: {
  address: ServerAddress;
  identity: ServerIdentity;
  code: string;
  deviceName: string;
}): Promise<PairedServer> {
  const agent = pinnedAgent(input.identity);
  try {
    const { json } = await post<Result<{ deviceId: number; credential: string }>>(
      agent,
      input.address,
      PAIR_PATH,
      {
        code: input.code,
        name: input.deviceName,
      },
      {},
    );
    const refused = fromPayload(json);
    if (refused || !json.ok) throw refused ?? new AppError('INTERNAL');
    return { ...input.address, ...input.identity, deviceId: json.value.deviceId, credential: json.value.credential };
  } finally {
    agent.destroy();
  }
}

export interface LanTransport {
  /** One RPC: the server’s envelope as it came (refusals included), or a thrown AppError when the server could not be reached or trusted. */
  invoke(
    method: string,
    input: unknown,
    sessionToken: string | null,
  ): Promise<Result<unknown> & { dataVersion?: number }>;
  close(): void;
}

/** Every call to the paired server, over HTTPS to the pinned certificate, with the device credential. */
export function lanTransport(paired: PairedServer): LanTransport {
  const agent = pinnedAgent(paired);
  return {
    async invoke(method, input, sessionToken) {
      const headers: Record<string, string> = { [DEVICE_HEADER]: paired.credential };
      if (sessionToken) headers[SESSION_HEADER] = sessionToken;
      const { json } = await post<Result<unknown> & { dataVersion?: number }>(
        agent,
        paired,
        `${RPC_PREFIX}${encodeURIComponent(method)}`,
        input,
        headers,
      );
      return json;
    },
    close: () => agent.destroy(),
  };
}

/**
 * Where a PC keeps its pairing: `poste-serveur.json` in its data folder, the
 * credential wrapped by `protect` (the OS’s protection in the desktop app),
 * the rest in clear (an address and a public certificate are no secret).
 */
export function pairedStore(
  dir: string,
  protect: (secret: Buffer) => Buffer = (s) => s,
  unprotect: (stored: Buffer) => Buffer = (s) => s,
) {
  const file = path.join(dir, 'poste-serveur.json');
  return {
    file,
    async save(paired: PairedServer): Promise<void> {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const { credential, ...rest } = paired;
      const stored = { ...rest, credential: protect(Buffer.from(credential, 'utf8')).toString('base64') };
      await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    },
    async load(): Promise<PairedServer | null> {
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) return null;
      const stored = JSON.parse(text) as Omit<PairedServer, 'credential'> & { credential: string };
      return { ...stored, credential: unprotect(Buffer.from(stored.credential, 'base64')).toString('utf8') };
    },
    async forget(): Promise<void> {
      await rm(file, { force: true });
    },
  };
}
