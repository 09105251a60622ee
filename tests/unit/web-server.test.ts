import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWebServer, TOKEN_HEADER } from '../../src-main/web/server';
import type { Services } from '../../src-main/app/services';
import { AppError } from '../../src-main/shared/errors';
import { tempDir, testServices } from './support/services';

/** A raw request, so tests control Host/Origin and un-normalised paths exactly. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

async function startServer() {
  const services = await testServices();
  const staticDir = path.join(tempDir('passerelle-static-'), 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Passerelle</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
  const server = await startWebServer({ services, staticDir });
  const host = `127.0.0.1:${server.port}`;
  const rpc = (method: string, headers: Record<string, string>, body = '{}') =>
    request(server.port, {
      method: 'POST',
      path: `/rpc/${method}`,
      headers: { host, 'content-type': 'application/json', ...headers },
      body,
    });
  return { server, host, rpc, staticDir };
}

describe('browser mode server', () => {
  it('answers every call with the French reason while the data cannot open, and opens it once it can', async () => {
    const staticDir = tempDir('passerelle-static-');
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Passerelle</title>');
    const reason = 'Passerelle garde ses données sur le serveur PostgreSQL « base.mairie.fr » et ne peut pas l’ouvrir.';
    let serverUp = false;
    const opened = await testServices();
    const server = await startWebServer({
      staticDir,
      services: async (): Promise<Services> => {
        if (!serverUp) throw new AppError('DATABASE_UNREACHABLE', reason);
        return opened;
      },
    });
    const host = `127.0.0.1:${server.port}`;
    const call = () =>
      request(server.port, {
        method: 'POST',
        path: '/rpc/setup/status',
        headers: { host, 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
        body: '{}',
      });
    const down = await call();
    expect(down.status).toBe(200);
    expect(JSON.parse(down.body)).toEqual({ ok: false, error: { code: 'DATABASE_UNREACHABLE', message: reason } });
    // « Réessayer » once the server is back: the same page goes on.
    serverUp = true;
    expect(JSON.parse((await call()).body)).toMatchObject({ ok: true, value: { completed: false } });
    // The token is checked first, as always.
    serverUp = false;
    const foreign = await request(server.port, {
      method: 'POST',
      path: '/rpc/setup/status',
      headers: { host, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(foreign.status).toBe(401);
    await server.close();
  });

  it('answers an RPC carrying the launch token', async () => {
    const { server, rpc } = await startServer();
    const res = await rpc('setup/status', { [TOKEN_HEADER]: server.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: { completed: false, structureName: null, needsAdministrator: false },
      dataVersion: 0,
    });
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{43}$`));
    await server.close();
  });

  it('refuses an RPC without token or with a wrong one (401)', async () => {
    const { server, rpc } = await startServer();
    const missing = await rpc('setup/status', {});
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await rpc('setup/status', { [TOKEN_HEADER]: 'x'.repeat(43) })).status).toBe(401);
    expect((await rpc('setup/status', { [TOKEN_HEADER]: `${server.token}x` })).status).toBe(401);
    await server.close();
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const { server, rpc } = await startServer();
    const rebinding = await rpc('setup/status', {
      [TOKEN_HEADER]: server.token,
      host: `attaquant.example:${server.port}`,
    });
    expect(rebinding.status).toBe(403);
    const page = await request(server.port, { path: '/', headers: { host: `attaquant.example:${server.port}` } });
    expect(page.status).toBe(403);
    const otherOrigin = await rpc('setup/status', { [TOKEN_HEADER]: server.token, origin: 'http://evil.example' });
    expect(otherOrigin.status).toBe(403);
    const sameOrigin = await rpc('setup/status', {
      [TOKEN_HEADER]: server.token,
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(sameOrigin.status).toBe(200);
    await server.close();
  });

  it('serves the renderer and nothing outside it (path traversal → 404)', async () => {
    const { server, host } = await startServer();
    expect((await request(server.port, { path: '/', headers: { host } })).body).toContain('<title>Passerelle</title>');
    expect((await request(server.port, { path: '/assets/app.js', headers: { host } })).status).toBe(200);
    for (const evil of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const res = await request(server.port, { path: evil, headers: { host } });
      expect(res.status, evil).toBe(404);
      expect(res.body).not.toContain('secret');
    }
    await server.close();
  });

  it('refuses symbolic links under the root, to a file outside or inside it, and to a folder', async () => {
    const { server, host, staticDir } = await startServer();
    symlinkSync(path.join(path.dirname(staticDir), 'secret.txt'), path.join(staticDir, 'lien.txt'));
    symlinkSync(path.join(staticDir, 'index.html'), path.join(staticDir, 'copie.html'));
    symlinkSync(path.dirname(staticDir), path.join(staticDir, 'dossier'));
    for (const link of ['/lien.txt', '/copie.html', '/dossier/secret.txt']) {
      const res = await request(server.port, { path: link, headers: { host } });
      expect(res.status, link).toBe(404);
      expect(res.body).not.toContain('secret');
    }
    expect((await request(server.port, { path: '/index.html', headers: { host } })).status).toBe(200);
    await server.close();
  });

  it('serves a root reached through a link (an installed app)', async () => {
    const services = await testServices();
    const real = path.join(tempDir('passerelle-static-'), 'renderer');
    mkdirSync(real);
    writeFileSync(path.join(real, 'index.html'), '<!doctype html><title>Passerelle</title>');
    const linked = path.join(tempDir('passerelle-lien-'), 'renderer');
    symlinkSync(real, linked);
    const server = await startWebServer({ services, staticDir: linked });
    expect((await request(server.port, { path: '/', headers: { host: `127.0.0.1:${server.port}` } })).status).toBe(200);
    await server.close();
  });

  it('answers only the RPC and static routes', async () => {
    const { server, host } = await startServer();
    expect((await request(server.port, { method: 'DELETE', path: '/', headers: { host } })).status).toBe(404);
    expect((await request(server.port, { method: 'PUT', path: '/rpc/setup/status', headers: { host } })).status).toBe(
      404,
    );
    await server.close();
  });

  it('answers malformed JSON with a typed French error', async () => {
    const { server, rpc } = await startServer();
    const res = await rpc('setup/status', { [TOKEN_HEADER]: server.token }, '{pas du json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Requête mal formée.' },
    });
    await server.close();
  });
});
