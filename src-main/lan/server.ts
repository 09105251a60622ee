/**
 * « Passerelle serveur » (issue 29): the RPC over HTTPS on the office network,
 * for the PCs paired with this one. The same `handleRpc` as the desktop app
 * and browser mode: the permission matrix, throttling, idle lock and journal
 * apply unchanged; on top of them every call must come from a paired PC
 * (its credential in a header), and the journal names that PC.
 *
 * - listens on one address of the local network only (domain/local-network.ts);
 * - TLS only, with the self-signed certificate of the data folder (certificate.ts):
 *   a PC that speaks plain HTTP gets a French refusal and nothing else;
 * - answers `POST /appairage` (a one-time code for a credential, throttled)
 *   and `POST /rpc/<method>` (with a credential); nothing else;
 * - refuses requests from web pages (an `Origin` header): only Passerelle talks to it.
 */
import https from 'node:https';
import type http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { handleRpc } from '../app/dispatch';
import { deviceForCredential, pairDevice } from '../app/devices';
import type { Services } from '../app/services';
import { BIND_REFUSALS, judgeBindAddress } from '../domain/local-network';
import { AppError, type Result } from '../shared/errors';
import type { ServerCertificate } from './certificate';
import {
  DEFAULT_LAN_PORT,
  DEVICE_HEADER,
  MAX_BODY_BYTES,
  PAIR_PATH,
  PLAIN_HTTP_REFUSAL,
  RPC_PREFIX,
  SESSION_HEADER,
} from './protocol';

export interface LanServerOptions {
  services: Services;
  /** An address of this PC on the office network (checked: never a public one). */
  address: string;
  port?: number;
  certificate: ServerCertificate;
}

export interface RunningLanServer {
  address: string;
  port: number;
  fingerprint: string;
  close(): Promise<void>;
}

/** The first byte of a TLS record carrying a handshake (RFC 8446 § 5.1, ContentType.handshake). */
const TLS_HANDSHAKE = 0x16;

/** The address checked against the local-network rule; a French refusal otherwise. */
export function assertLocalBindAddress(address: string): string {
  const judged = judgeBindAddress(address);
  if (!judged.ok) throw new AppError('INVALID_INPUT', BIND_REFUSALS[judged.reason], { field: 'address' });
  return address.trim().replace(/^\[(.*)\]$/, '$1');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function errorBody(error: AppError): Result<never> {
  return { ok: false, error: error.toPayload() };
}

function statusOf(error: AppError): number {
  switch (error.code) {
    case 'DEVICE_NOT_PAIRED':
    case 'UNAUTHORIZED':
      return 401;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    case 'INVALID_INPUT':
      return 400;
    default:
      return 500;
  }
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new AppError('INVALID_INPUT', 'Requête mal formée.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AppError('INVALID_INPUT', 'Les données envoyées sont trop volumineuses.');
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  try {
    return body.length === 0 ? undefined : (JSON.parse(body) as unknown);
  } catch {
    throw new AppError('INVALID_INPUT', 'Requête mal formée.');
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function startLanServer(options: LanServerOptions): Promise<RunningLanServer> {
  const address = assertLocalBindAddress(options.address);
  const { services, certificate } = options;

  async function servePair(req: http.IncomingMessage, res: http.ServerResponse) {
    const input = (await readJson(req)) as { code?: unknown; name?: unknown } | undefined;
    const code = typeof input?.code === 'string' ? input.code : '';
    const name = typeof input?.name === 'string' ? input.name : '';
    const paired = await pairDevice(services, { code, name });
    sendJson(res, 200, { ok: true, value: paired });
  }

  async function serveRpc(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    const credential = req.headers[DEVICE_HEADER];
    const device = await deviceForCredential(services, typeof credential === 'string' ? credential : undefined);
    const input = await readJson(req);
    const sessionToken = req.headers[SESSION_HEADER];
    sendJson(
      res,
      200,
      await handleRpc(services, method, input, typeof sessionToken === 'string' ? sessionToken : null, device),
    );
  }

  const httpsServer = https.createServer(
    { key: certificate.keyPem, cert: certificate.certPem, minVersion: 'TLSv1.2' },
    (req, res) => {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      if (req.headers.origin !== undefined) {
        return sendJson(
          res,
          403,
          errorBody(new AppError('FORBIDDEN', 'Le serveur Passerelle ne répond pas aux pages web.')),
        );
      }
      const url = new URL(req.url ?? '/', 'https://passerelle');
      const task =
        req.method === 'POST' && url.pathname === PAIR_PATH
          ? servePair(req, res)
          : req.method === 'POST' && url.pathname.startsWith(RPC_PREFIX)
            ? serveRpc(req, res, safeDecode(url.pathname.slice(RPC_PREFIX.length)))
            : Promise.resolve(sendJson(res, 404, errorBody(new AppError('NOT_FOUND'))));
      task.catch((error: unknown) => {
        const appError = error instanceof AppError ? error : new AppError('INTERNAL');
        if (!res.headersSent) sendJson(res, statusOf(appError), errorBody(appError));
        else res.destroy();
      });
    },
  );
  httpsServer.on('tlsClientError', (_error, socket) => socket.destroy());

  // One port, two kinds of callers: TLS goes on to HTTPS, plain text gets the refusal and the door.
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(30_000, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.pause();
      if (first[0] === TLS_HANDSHAKE) {
        // From here the HTTPS server’s own timeouts apply (a long print may keep a request busy).
        socket.setTimeout(0);
        socket.unshift(first);
        httpsServer.emit('connection', socket);
        process.nextTick(() => socket.resume());
        return;
      }
      const body = Buffer.from(`${PLAIN_HTTP_REFUSAL}\n`, 'utf8');
      socket.end(
        Buffer.concat([
          Buffer.from(
            'HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\n' +
              `connection: close\r\ncontent-length: ${body.length}\r\n\r\n`,
          ),
          body,
        ]),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    front.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRNOTAVAIL'
          ? new AppError(
              'INVALID_INPUT',
              `L’adresse ${address} n’est pas celle de ce PC. Indiquez une adresse de ce PC sur le réseau du bureau.`,
            )
          : error.code === 'EADDRINUSE'
            ? new AppError(
                'CONFLICT',
                `Le port ${options.port ?? DEFAULT_LAN_PORT} est déjà utilisé sur ce PC : un autre Passerelle serveur tourne peut-être déjà.`,
              )
            : error,
      ),
    );
    front.listen(options.port ?? DEFAULT_LAN_PORT, address, () => resolve());
  });
  const port = (front.address() as AddressInfo).port;
  services.lan = { address, port, fingerprint: certificate.fingerprint };

  return {
    address,
    port,
    fingerprint: certificate.fingerprint,
    close: () =>
      new Promise<void>((resolve) => {
        services.lan = null;
        for (const socket of sockets) socket.destroy();
        httpsServer.close();
        front.close(() => resolve());
      }),
  };
}
