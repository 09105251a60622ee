/**
 * Browser mode: the HTTP transport. Serves the built renderer and
 * `POST /rpc/<method>` on 127.0.0.1 only. A random token per launch, given in
 * the URL fragment, must come back as a header on every RPC; foreign `Host`
 * or `Origin` headers are refused (DNS rebinding, other local pages), and
 * nothing but the RPC and static routes answers.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { handleRpc } from '../app/dispatch';
import type { Services } from '../app/services';
import { AppError, type Result } from '../shared/errors';

export const TOKEN_HEADER = 'x-passerelle-token';
/** The signed-in person's session (the launch token proves the launch, the login the person). */
export const SESSION_HEADER = 'x-passerelle-session';
const MAX_BODY_BYTES = 20 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module: served as JavaScript or the browser refuses it (nosniff).
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServerOptions {
  /**
   * The core, or how to open it: while it cannot open (the PostgreSQL server
   * does not answer), every call answers with the French reason, which the
   * renderer shows with « Réessayer »; each call tries again.
   */
  services?: Services | (() => Promise<Services>);
  /**
   * Answers every call in place of the core: this PC’s station (lan/station.ts), which sends them to the
   * Passerelle server of the office once the PC is paired with it.
   */
  invoke?: (method: string, input: unknown, sessionToken: string | null) => Promise<Result<unknown>>;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningWebServer {
  port: number;
  token: string;
  /** The address to open, token in the fragment (never sent to the server in a request line). */
  url: string;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function errorBody(error: AppError): Result<never> {
  return { ok: false, error: error.toPayload() };
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newToken();
  const staticRoot = path.resolve(options.staticDir);
  // The root itself may be reached through a link (an installed app); what lies under it may not.
  const realRoot = realpath(staticRoot).catch(() => staticRoot);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveRpc(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendJson(res, 401, errorBody(new AppError('UNAUTHORIZED')));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, errorBody(new AppError('INVALID_INPUT', 'Requête mal formée.')));
    }
    const body = await readBody(req);
    if (body === null) {
      return sendJson(
        res,
        413,
        errorBody(new AppError('INVALID_INPUT', 'Les données envoyées sont trop volumineuses.')),
      );
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return sendJson(res, 400, errorBody(new AppError('INVALID_INPUT', 'Requête mal formée.')));
    }
    const sessionToken = req.headers[SESSION_HEADER];
    if (options.invoke)
      return sendJson(
        res,
        200,
        await options.invoke(method, input, typeof sessionToken === 'string' ? sessionToken : null),
      );
    let services: Services;
    try {
      if (!options.services) throw new AppError('INTERNAL');
      services = typeof options.services === 'function' ? await options.services() : options.services;
    } catch (error) {
      return sendJson(res, 200, errorBody(error instanceof AppError ? error : new AppError('INTERNAL')));
    }
    sendJson(
      res,
      200,
      await handleRpc(services, method, input, typeof sessionToken === 'string' ? sessionToken : null),
    );
  }

  async function handleStatic(res: http.ServerResponse, urlPath: string) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return sendText(res, 404, 'Introuvable');
    }
    if (decoded.includes('\0')) return sendText(res, 404, 'Introuvable');
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) return sendText(res, 404, 'Introuvable');
    // No symbolic link anywhere under the root: the real path must be the requested one.
    const real = await realpath(file).catch(() => null);
    if (real === null || path.relative(await realRoot, real) !== path.relative(staticRoot, file))
      return sendText(res, 404, 'Introuvable');
    const info = await stat(real).catch(() => null);
    if (!info?.isFile()) return sendText(res, 404, 'Introuvable');
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
    });
    createReadStream(real).pipe(res);
  }

  const server = http.createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) return sendText(res, 403, 'Hôte refusé');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return sendText(res, 403, 'Origine refusée');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const task =
      req.method === 'POST' && url.pathname.startsWith('/rpc/')
        ? serveRpc(req, res, safeDecode(url.pathname.slice('/rpc/'.length)))
        : req.method === 'GET' || req.method === 'HEAD'
          ? handleStatic(res, url.pathname)
          : Promise.resolve(sendText(res, 404, 'Introuvable'));
    task.catch(() => {
      if (!res.headersSent) sendJson(res, 500, errorBody(new AppError('INTERNAL')));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
