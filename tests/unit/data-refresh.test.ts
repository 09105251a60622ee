import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, METHODS, type Method } from '../../src-main/shared/contract';
import type { Answer, PasserelleBridge } from '../../src-renderer/src/api/bridge';

/**
 * No screen stays stale after a write: every write method of the contract,
 * called as the screens call it, leaves every query a screen uses invalidated
 * (and so refetched while on display). Main answers each call with its data
 * version; a moved version is the one rule, whichever write moved it.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The query methods the screens use, read from the renderer's source. */
const SCREEN_QUERIES = [
  ...new Set(
    sourceFiles(path.resolve(__dirname, '../../src-renderer/src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/useApiQuery\(\s*'([^']+)'/g)].map((match) => match[1] as Method),
    ),
  ),
].sort();

const WRITES = METHODS.filter((method) => contract[method].tx === 'write');

let version = 0;
let answers: Answer[] = [];

beforeEach(() => {
  version = 0;
  answers = [];
  const api: PasserelleBridge = {
    invoke: async () => answers.shift() ?? { ok: true, value: {}, dataVersion: version },
  };
  (globalThis as { window?: unknown }).window = { api };
});

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

/** A fresh client module (its last-seen version starts empty), wired like SessionProvider does. */
async function renderer() {
  vi.resetModules();
  const client = await import('../../src-renderer/src/api/client');
  const queries = new QueryClient();
  client.onDataChanged(() => queries.invalidateQueries({ refetchType: 'none' }));
  for (const method of SCREEN_QUERIES) queries.setQueryData([method, {}], {});
  await client.call('auth/me'); // the first answer: what the screens were fetched at
  const stale = () => SCREEN_QUERIES.filter((method) => queries.getQueryState([method, {}])?.isInvalidated);
  return { client, stale };
}

describe('data refresh after writes', () => {
  it('finds the screens’ queries and the contract’s writes', () => {
    expect(SCREEN_QUERIES).toEqual(
      expect.arrayContaining(['worksites/get', 'people/search', 'attendance/week', 'dashboard/summary']),
    );
    expect(WRITES).toEqual(expect.arrayContaining(['worksites/addParticipant', 'attendance/save', 'people/update']));
    for (const method of SCREEN_QUERIES) expect(METHODS).toContain(method);
  });

  it.each(WRITES)('%s, once committed, leaves no screen query fresh', async (method) => {
    const { client, stale } = await renderer();
    expect(stale()).toEqual([]);
    version += 1;
    await client.callAndRefresh(method, {} as never);
    expect(stale()).toEqual(SCREEN_QUERIES);
  });

  it('a refused write changes nothing on screen', async () => {
    const { client, stale } = await renderer();
    answers.push({ ok: false, error: { code: 'CONFLICT', message: 'Refusé.' }, dataVersion: version });
    await expect(client.callAndRefresh('worksites/addParticipant', {} as never)).rejects.toThrow('Refusé.');
    expect(stale()).toEqual([]);
  });

  it('a read at the same version refreshes nothing (no refetch loop)', async () => {
    const { client, stale } = await renderer();
    await client.call('worksites/get', { id: 1 });
    await client.call('people/search', {} as never);
    expect(stale()).toEqual([]);
  });

  it('a read showing a write made elsewhere (another tab) refreshes every screen', async () => {
    const { client, stale } = await renderer();
    version += 1;
    await client.call('people/search', {} as never);
    await Promise.resolve();
    expect(stale()).toEqual(SCREEN_QUERIES);
  });
});
