/**
 * Issue 28, item 4: twenty Passerelle processes on one PostgreSQL database
 * (twenty `Services`, each with its own pool, as twenty PCs or windows would
 * have), writing at once: journaled changes, documents that take numbers,
 * hours edited while the month is marked sent. Then the journal verifies end
 * to end with no gap nor duplicate id, each kind's numbers of the year run
 * 1…N with no gap nor duplicate (every registry line with its own file), and
 * no hour of the month sent changed after it was sent. What keeps it so:
 * db/locks.ts. SQLite is serial already: its part (two processes on one file)
 * is in sqlite-processes.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/app/dispatch';
import { openHead, readHeadText } from '../../src-main/app/journal-head';
import { verifyJournal } from '../../src-main/app/journal-verify';
import { headFindings } from '../../src-main/app/journal-verify';
import { createServices, type Services } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import { fileKeyStore } from '../../src-main/backup/file-key-store';
import { sha256 } from '../../src-main/documents/store';
import * as journalRepo from '../../src-main/db/repositories/journal';
import type { PostgresConnection } from '../../src-main/db/open-postgres';
import type { Method, MethodInput, MethodOutput } from '../../src-main/shared/contract';
import type { Result } from '../../src-main/shared/errors';
import { setupInput } from './support/factories';
import { engines, freshPostgres } from './support/postgres';
import { fakeClock, tempDir, TEST_PASSWORD_PARAMS, valueOf } from './support/services';
import { blankPrinter } from './support/world';
import { admitted, mesp, mespContract } from './support/worksites';

const WRITERS = 20;
const ROUNDS = 6;
const PEOPLE = 10;
const MONTH = '2026-06';

/** One more Passerelle process on the database and data folder: its own pool, the journal key every PC is given. */
function processOn(postgres: PostgresConnection, dataDir: string): Promise<Services> {
  return createServices({
    dataDir,
    dialogs: { native: false, chooseFile: async () => null, chooseFolder: async () => null },
    mode: 'browser',
    version: '0.0.0-test',
    clock: fakeClock('2026-07-02T09:00:00.000Z'),
    homeDir: dataDir,
    removableDrives: () => [],
    passwordParams: TEST_PASSWORD_PARAMS,
    printer: blankPrinter,
    backupKdf: { log2N: 10, r: 8, p: 1 },
    keyStore: fileKeyStore(path.join(dataDir, 'cles')),
    postgres: { ...postgres, max: 3 },
  });
}

function callerOf(services: Services, session: Session) {
  return <M extends Method>(method: M, input?: MethodInput<M>) =>
    dispatch(services, method, input, session) as Promise<Result<MethodOutput<M>>>;
}

/** What a call ended with: done, or refused with a code (and the field it names). */
type Outcome = { method: string; ok: true } | { method: string; ok: false; code: string; field?: string };

async function outcome(method: string, result: Promise<Result<unknown>>): Promise<Outcome> {
  const r = await result;
  return r.ok ? { method, ok: true } : { method, ok: false, code: r.error.code, field: r.error.field };
}

for (const kind of engines().filter((k) => k === 'postgres')) {
  describe(`twenty writers at once on ${kind}`, () => {
    it('keeps the journal chain, the document numbers and the sent month whole', { timeout: 600_000 }, async () => {
      const postgres = await freshPostgres();
      const dataDir = tempDir('passerelle-concurrent-');
      const first = await processOn(postgres, dataDir);
      const processes: Services[] = [first];
      try {
        // The structure: one MESP in June, six people present every half-day, June validated.
        const admin = callerOf(first, { user: null });
        const view = valueOf(await admin('setup/complete', setupInput()));
        const session: Session = { user: view.user, token: view.token };
        const call = callerOf(first, session);
        const worksite = valueOf(
          await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01', capacity: 12 }) }),
        );
        const { sessions } = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
        const participations: number[] = [];
        for (let i = 0; i < PEOPLE; i++) {
          const personId = await admitted(call, `Personne${String.fromCharCode(65 + i)}`);
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
        valueOf(
          await call('attendance/save', {
            worksiteId: worksite.id,
            entries: sessions.flatMap((s) =>
              participations.map((participationId) => ({
                sessionId: s.id,
                participationId,
                mark: { mark: 'present' as const },
              })),
            ),
          }),
        );
        const employerId = 1;
        valueOf(await call('payroll/validate', { month: MONTH, employerId, confirmChecks: true }));
        const mondays = [...new Set(sessions.map((s) => s.date))].filter((d) => new Date(d).getUTCDay() === 1);

        // Nineteen more processes, started at once (each seals, checks and purges its journal at start).
        processes.push(...(await Promise.all(Array.from({ length: WRITERS - 1 }, () => processOn(postgres, dataDir)))));
        const calls = processes.map((p) => callerOf(p, session));

        const outcomes: Outcome[] = [];
        let sentInRound: number | null = null;
        let cell = 0;
        let round = 0;
        // ROUNDS rounds, more while June is not sent yet (its transmission lost to edits each time): 30 at most.
        for (; (round < ROUNDS || sentInRound === null) && round < 30; round++) {
          if (sentInRound === null && round > 0)
            valueOf(await call('payroll/validate', { month: MONTH, employerId, confirmChecks: true }));
          const work = calls.map((c, w) => {
            if (w === 0 && sentInRound === null)
              return outcome('payroll/transmit', c('payroll/transmit', { month: MONTH, employerId }));
            if (w < 10) {
              // An hours edit of a June half-day (a cell of its own): refused once June is sent, without a reason.
              const at = cell++;
              const s = sessions[at % sessions.length]!;
              const participationId = participations[Math.floor(at / sessions.length) % PEOPLE]!;
              return outcome(
                'attendance/save',
                c('attendance/save', {
                  worksiteId: worksite.id,
                  entries: [{ sessionId: s.id, participationId, mark: { mark: 'non_justifiee' as const } }],
                }),
              );
            }
            // A document taking a number: a contract (a new number, then new versions of it), or a week's sheet.
            if (w % 2 === 0)
              return outcome(
                'documents/generate',
                c('documents/generate', {
                  kind: 'contrat_travail',
                  participationId: participations[(round * 5 + (w - 10) / 2) % PEOPLE]!,
                }),
              );
            return outcome(
              'documents/generate',
              c('documents/generate', {
                kind: 'feuille_emargement',
                worksiteId: worksite.id,
                weekOf: mondays[(round + w) % mondays.length]!,
              }),
            );
          });
          const results = await Promise.all(work);
          outcomes.push(...results);
          if (sentInRound === null && results[0]!.ok) sentInRound = round;
        }

        // Every call either done, or refused for what it is: an edit of the sent month without a reason, a
        // month whose figures changed since validation. Nothing failed for having run beside the others.
        const unexpected = outcomes.filter(
          (o) =>
            !o.ok &&
            !(o.method === 'attendance/save' && o.code === 'CONFLICT' && o.field === 'regularisation') &&
            !(o.method === 'payroll/transmit' && o.code === 'CONFLICT'),
        );
        expect(unexpected).toEqual([]);
        expect(outcomes.filter((o) => o.method === 'documents/generate' && o.ok)).toHaveLength(round * 10);
        expect(sentInRound).not.toBeNull();

        // The sent month: what was sent is what the hours say now (no edit slipped in after it was sent).
        const june = valueOf(await call('payroll/get', { month: MONTH, employerId }));
        expect(june.status).toBe('transmis');
        // `changes`: the kept figures against those the hours give now (`stale` speaks of a month not sent yet).
        expect(june.changes).toEqual([]);

        // Document numbers: per prefix and year, 1…N, each version once, each line with its own file.
        const db = first.db;
        const documents = await db.selectFrom('documents').selectAll().orderBy('id').execute();
        expect(documents).toHaveLength(round * 10);
        const byStem = new Map<string, Set<number>>();
        for (const d of documents) {
          const [, stem, n] = /^(.*-\d{4}-)(\d{4})$/.exec(d.number)!;
          byStem.set(stem!, (byStem.get(stem!) ?? new Set()).add(Number(n)));
        }
        for (const [stem, numbers] of byStem)
          expect(
            [...numbers].sort((a, b) => a - b),
            stem,
          ).toEqual(Array.from({ length: numbers.size }, (_, i) => i + 1));
        const versions = documents.map((d) => `${d.number} v${d.version}`);
        expect(new Set(versions).size).toBe(versions.length);
        for (const number of new Set(documents.map((d) => d.number))) {
          const of = documents.filter((d) => d.number === number).map((d) => d.version);
          expect(
            of.sort((a, b) => a - b),
            number,
          ).toEqual(Array.from({ length: of.length }, (_, i) => i + 1));
        }
        for (const d of documents) {
          const file = path.join(first.paths.documentsDir, d.storedFile);
          expect(existsSync(file), d.storedFile).toBe(true);
          expect(sha256(readFileSync(file)), d.storedFile).toBe(d.sha256);
        }

        // The journal: one chain, ids without gap nor duplicate, every HMAC right, the head file agreeing.
        const head = openHead(first.journal.key, readHeadText(first.journal.headFile));
        const check = await verifyJournal(db, first.journal.key, head);
        expect(check.findings).toEqual([]);
        const state = await journalRepo.journalState(db);
        const ids = (await journalRepo.chainLinks(db)).map((l) => l.id);
        expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => state.anchorId + 1 + i));
        // Every call done was journaled (each audited), those refused were not.
        expect(ids.length).toBeGreaterThanOrEqual(outcomes.filter((o) => o.ok).length);
        expect(headFindings(head, await journalRepo.chainLinks(db), state)).toEqual([]);
        console.log(
          `[concurrent-writers] ${WRITERS} processes × ${round} rounds: ${outcomes.filter((o) => o.ok).length} calls done, ` +
            `${outcomes.length - outcomes.filter((o) => o.ok).length} refused as expected; month sent in round ${sentInRound}; ` +
            `${documents.length} documents under ${new Set(documents.map((d) => d.number)).size} numbers; ${ids.length} journal entries`,
        );
      } finally {
        await Promise.all(processes.map((p) => p.close()));
      }
    });
  });
}
