/**
 * Issue 28, item 4, on SQLite: `serialise` (db/locks.ts) does nothing there,
 * since one process runs one transaction at a time on its one connection.
 * Two processes on one file (the desktop app is one instance, but the file
 * may be opened by a second Passerelle process, e.g. the browser mode) are
 * kept apart by SQLite itself: a transaction that read before the other's
 * COMMIT cannot write after it (SQLITE_BUSY_SNAPSHOT), and the dispatcher
 * runs it again. Two real processes print numbered documents at once; the
 * journal and the numbers come out whole.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHead, readHeadText } from '../../src-main/app/journal-head';
import { verifyJournal } from '../../src-main/app/journal-verify';
import { sha256 } from '../../src-main/documents/store';
import * as journalRepo from '../../src-main/db/repositories/journal';
import { configured, fakeClock, tempDir, valueOf } from './support/services';
import { blankPrinter } from './support/world';
import { admitted, mesp, mespContract } from './support/worksites';

const CHILD = path.resolve(import.meta.dirname, 'support/writer-child.ts');
const AT = '2026-07-02T09:00:00.000Z';
const CALLS = 16;

function start(
  dataDir: string,
  plan: object,
): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; done: Promise<string[]> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, JSON.stringify(plan)]);
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      onReady();
      if (code !== 0) return reject(new Error(`writer stopped with ${code}: ${err}`));
      if (err) process.stderr.write(err);
      resolve(JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as string[]);
    });
  });
  return { child, ready, done };
}

describe('two SQLite processes on one file', () => {
  it(
    'print numbered documents at once: every call done, the journal and the numbers whole',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir('passerelle-processes-');
      const { services, call } = await configured({
        dataDir,
        clock: fakeClock(AT),
        printer: blankPrinter,
        engine: 'sqlite',
      });
      const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
      const { sessions } = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
      const participations: number[] = [];
      for (const name of ['Alix', 'Brieuc', 'Corentin']) {
        const personId = await admitted(call, name);
        const joined = valueOf(
          await call('worksites/addParticipant', {
            id: worksite.id,
            personId,
            contract: mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' }),
            confirmWarnings: true,
          }),
        );
        participations.push(joined.participants.find((p) => p.personId === personId)!.id);
      }
      const mondays = [...new Set(sessions.map((s) => s.date))].filter((d) => new Date(d).getUTCDay() === 1);
      const plan = { participations, worksiteId: worksite.id, mondays, calls: CALLS, at: AT };

      const writers = [start(dataDir, plan), start(dataDir, plan)];
      await Promise.all(writers.map((w) => w.ready));
      for (const w of writers) w.child.stdin.end('go\n');
      const outcomes = await Promise.all(writers.map((w) => w.done));
      expect(outcomes).toEqual([Array(CALLS).fill('ok'), Array(CALLS).fill('ok')]);

      const db = services.db;
      const documents = await db.selectFrom('documents').selectAll().orderBy('id').execute();
      expect(documents).toHaveLength(2 * CALLS);
      const byStem = new Map<string, number[]>();
      for (const d of documents) {
        const [, stem, n] = /^(.*-\d{4}-)(\d{4})$/.exec(d.number)!;
        if (d.version === 1) byStem.set(stem!, [...(byStem.get(stem!) ?? []), Number(n)]);
      }
      // Three contracts and four weekly sheets: numbers 1…N of each kind, each given once.
      expect([...byStem.values()].map((n) => n.sort((a, b) => a - b))).toEqual([
        [1, 2, 3],
        [1, 2, 3, 4],
      ]);
      for (const number of new Set(documents.map((d) => d.number))) {
        const versions = documents.filter((d) => d.number === number).map((d) => d.version);
        expect(
          versions.sort((a, b) => a - b),
          number,
        ).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      }
      for (const d of documents) {
        const file = path.join(services.paths.documentsDir, d.storedFile);
        expect(existsSync(file), d.storedFile).toBe(true);
        expect(sha256(readFileSync(file))).toBe(d.sha256);
      }
      const check = await verifyJournal(
        db,
        services.journal.key,
        openHead(services.journal.key, readHeadText(services.journal.headFile)),
      );
      expect(check.findings).toEqual([]);
      const state = await journalRepo.journalState(db);
      const ids = (await journalRepo.chainLinks(db)).map((l) => l.id);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => state.anchorId + 1 + i));
    },
  );
});
