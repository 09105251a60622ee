import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/services';

const CHILD = path.resolve(import.meta.dirname, 'support/crash-child.ts');
// node itself runs the child (tsx as a loader): the process killed is the one writing, with no wrapper left behind.
const NODE_ARGS = ['--import', 'tsx'];
// A few kills in `npm test`; CRASH_RUNS=300 for the long run.
const RUNS = Number(process.env.CRASH_RUNS ?? 4);

/** Runs the child until it is ready, lets it write for a random while, kills it; returns the ids it reported committed. */
function runAndKill(dataDir: string, afterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killed && out.includes('ready\n')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child stopped by itself (${signal ?? _code})`));
      if (!out.includes('ready\n')) return reject(new Error(`child never ready`));
      // Only complete lines count: a line cut by the kill was not reported.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.filter((l) => /^\d+$/.test(l)).map(Number));
    });
  });
}

describe('crash safety', () => {
  it(`every reported write survives SIGKILL at random moments (${RUNS} kills), and the database stays intact`, async () => {
    const dataDir = tempDir('passerelle-crash-');
    const reported = new Set<number>();
    for (let run = 0; run < RUNS; run++) {
      for (const id of await runAndKill(dataDir, 50 + Math.floor(Math.random() * 400))) reported.add(id);
      const db = new Database(path.join(dataDir, 'passerelle.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const present = new Set((db.prepare('select id from persons').all() as { id: number }[]).map((r) => r.id));
        for (const id of reported) expect(present.has(id), `person ${id} reported committed`).toBe(true);
      } finally {
        db.close();
      }
    }
    expect(reported.size).toBeGreaterThan(0);
  }, 120_000);
});
