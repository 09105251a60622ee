/**
 * `npm run bench`: each operation many times after a warm-up, median and
 * p95, beside the floor it is compared with (measured in the same run), on
 * the 10-year fictional dataset (`npm run bench:data` first). Writes
 * BENCHMARKS.md. Never part of `npm test`: timings are not assertions.
 */
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { dispatch } from '../../src-main/app/dispatch';
import { prepareDocument } from '../../src-main/app/read-models/document-sources';
import { compute } from '../../src-main/app/read-models/payroll-facts';
import type { NoneContext } from '../../src-main/app/handler';
import { readTransaction } from '../../src-main/db/access';
import { pickerDialogs } from '../../src-main/app/ports';
import { createServices } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import { writeBackup } from '../../src-main/backup/pipeline';
import { writeFileAtomically } from '../../src-main/app/journal-head';
import * as statisticsRepo from '../../src-main/db/repositories/statistics';
import type { Database as DatabaseSchema } from '../../src-main/db/schema';
import type { StatsFigures } from '../../src-main/shared/contract/stats';
import { CHROMIUM_PATH, nodePdfPrinter } from '../../src-main/documents/node-printer';
import { payrollCsv, payrollXlsx } from '../../src-main/exports/payroll';
import { DEMO_PASSWORD } from '../demo-data';
import { BENCH_DIR, BENCH_PASSPHRASE, BENCH_TODAY } from './data';
import { handWrittenStats, sameFigures } from './stats-floor';
import { benchConnection } from './sqlite-file';
import { capture, captureAll, giveJournalKey, postgresReplay, sqliteReplay } from './capture';
import { startBenchPostgres } from './postgres';
import { benchLanLoad } from './lan-load';
import { describeLoad, LOAD_SECONDS, LOAD_USERS, runLoad, sharedPrinter, type LoadPlan, type LoadResult } from './load';
import pg from 'pg';
import { countingEnd } from '../../src-main/domain/statistics';
import { workFolder } from '../../src-main/app/work-files';

const root = path.resolve(import.meta.dirname, '..', '..');
/** PASSERELLE_BENCH_QUICK=1: no backup, no built main process, no report written (the figures printed): for working on the bench. */
const quick = process.env.PASSERELLE_BENCH_QUICK === '1';
/**
 * PASSERELLE_BENCH_DB_ONLY=1: only the database's interactive operations (searches, a week of attendance, a year's
 * statistics) on both engines, then the load test unless PASSERELLE_BENCH_LOAD_SECONDS=0 (its length, 60 s by
 * default); no PDF, export, backup or built main process, no report written: for working on the data layer.
 */
const dbOnly = process.env.PASSERELLE_BENCH_DB_ONLY === '1';
/** PASSERELLE_BENCH_STATEMENTS=1: prints the statements each PostgreSQL call sends, as its floor replays them. */
const showStatements = process.env.PASSERELLE_BENCH_STATEMENTS === '1';
const loadSeconds = Number(process.env.PASSERELLE_BENCH_LOAD_SECONDS ?? LOAD_SECONDS);
/** The system's load average (1 min) when the run began: other work on the machine weighs on every figure. */
const loadAtStart = os.loadavg()[0]!;

interface Figure {
  operation: string;
  median: number;
  p95: number;
  floor: string;
  floorMedian: number | null;
  unit: 'ms' | 's' | 'Ko' | 'Mo';
  note?: string;
  /** The same operation on PostgreSQL, same data, same run (null: not an engine's work; absent: not measured). */
  postgres?: EngineFigure | null;
}
interface EngineFigure {
  median: number;
  p95: number;
  floor: string;
  floorMedian: number | null;
  /** Why it could not be measured (the error the call gave). */
  failed?: string;
}
const figures: Figure[] = [];
/** The load test on each engine. */
const loads: LoadResult[] = [];
/** The built main process's memory after each step of its run. */
const memorySteps: string[] = [];

async function timeRuns(fn: () => Promise<unknown> | unknown, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}
const median = (s: number[]) => s[Math.floor(s.length / 2)]!;
const p95 = (s: number[]) => s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;

/**
 * The operation and its floor take turns, run after run, so a slower or
 * faster moment of the machine (another process, the CPU's clock) weighs on
 * both alike instead of on one series.
 */
async function compare(
  operation: string,
  fn: () => unknown,
  floor: string,
  floorFn: (() => unknown) | null,
  runs: number,
  warmup = 3,
  note?: string,
  engine: 'sqlite' | 'postgres' = 'sqlite',
) {
  if (engine === 'postgres') {
    const figure = figures.find((f) => f.operation === operation);
    if (!figure) throw new Error(`Pas de mesure SQLite pour « ${operation} ».`);
    try {
      await fn();
    } catch (error) {
      figure.postgres = { median: 0, p95: 0, floor, floorMedian: null, failed: String(error) };
      console.log(`[PostgreSQL] ${operation} : ÉCHEC ${String(error)}`);
      return;
    }
  }
  for (let i = 0; i < warmup; i++) {
    await fn();
    await floorFn?.();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(...(await timeRuns(fn, 1, 0)));
    if (floorFn) b.push(...(await timeRuns(floorFn, 1, 0)));
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  if (engine === 'postgres') {
    const figure = figures.find((f) => f.operation === operation)!;
    figure.postgres = { median: median(a), p95: p95(a), floor, floorMedian: floorFn ? median(b) : null };
    console.log(
      `[PostgreSQL] ${operation}: médiane ${median(a).toFixed(1)} ms, p95 ${p95(a).toFixed(1)} ms (×${(median(a) / figure.median).toFixed(2)} SQLite)${floorFn ? `, plancher (${floor}) ${median(b).toFixed(1)} ms (×${(median(a) / median(b)).toFixed(2)})` : ''}`,
    );
    return;
  }
  figures.push({
    operation,
    median: median(a),
    p95: p95(a),
    floor,
    floorMedian: floorFn ? median(b) : null,
    unit: 'ms',
    note,
  });
  console.log(
    `[RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} Mo] ${operation}: médiane ${median(a).toFixed(1)} ms, p95 ${p95(a).toFixed(1)} ms${floorFn ? `, plancher ${median(b).toFixed(1)} ms (×${(median(a) / median(b)).toFixed(2)})` : ''}`,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

async function main() {
  if (!existsSync(path.join(BENCH_DIR, 'donnees-fictives.json')))
    throw new Error('Lancez d’abord « npm run bench:data ».');
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const printer = nodePdfPrinter();
  const services = await createServices({
    dataDir: BENCH_DIR,
    dialogs: pickerDialogs,
    mode: 'browser',
    version: 'bench',
    printer,
    clock: { now: () => new Date(`${BENCH_TODAY}T09:00:00Z`) },
  });
  // The bench's own connection to the file, for hand-written queries (the app's raw handle stays in src-main/db/).
  const sqlite = benchConnection(services.paths.databaseFile);
  const user = sqlite
    .prepare("select id, role, display_name as displayName from users where role = 'administrateur' limit 1")
    .get() as Session['user'] & object;
  const session: Session = { user, token: services.sessions.create(user!, services.clock.now()) };
  const call = async (method: string, input: unknown) => {
    const result = await dispatch(services, method, input, session);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  try {
    // 1. People search, through dispatch vs the same SQL as a raw prepared statement.
    const like = '%mar%';
    const count = sqlite.prepare(
      "select count(*) as n from persons p left join organisations o on o.id = p.prescriber_id left join contacts c on c.id = p.referent_id where p.archived = 0 and p.search_key like ? escape '\\'",
    );
    const page = sqlite.prepare(
      `select p.id, p.last_name, p.birth_name, p.first_names, p.birth_date, p.sex, p.town, p.archived, o.name, c.first_name, c.last_name, c.left_on,
        (select j.status from journeys j where j.person_id = p.id order by j.opened_on desc, j.id desc limit 1) as status
       from persons p left join organisations o on o.id = p.prescriber_id left join contacts c on c.id = p.referent_id
       where p.archived = 0 and p.search_key like ? escape '\\' order by p.search_key asc, p.id limit 25 offset 0`,
    );
    await compare(
      'Recherche de personnes (people/search, 5 000 fiches)',
      () => call('people/search', { query: 'mar' }),
      'requête SQL préparée équivalente',
      () => [count.get(like), page.all(like)],
      500,
      50,
    );

    // 1b. The top bar's search, and one worksite's week of attendance: each call's own statements, caught, replayed raw.
    const anywhere = { text: 'mar', limit: 8 };
    const anywhereStatements = await capture(() => call('search/anywhere', anywhere));
    await compare(
      'Recherche globale (search/anywhere)',
      () => call('search/anywhere', anywhere),
      `ses ${anywhereStatements.length} lectures rejouées directement`,
      sqliteReplay(sqlite, anywhereStatements),
      300,
      30,
    );
    const week = sqlite
      .prepare(
        `select s.worksite_id as worksiteId, s.date as weekOf from attendance a join sessions s on s.id = a.session_id
         group by s.worksite_id, s.date order by count(*) desc, s.date desc, s.worksite_id limit 1`,
      )
      .get() as { worksiteId: number; weekOf: string };
    const weekStatements = await capture(() => call('attendance/week', week));
    await compare(
      "Semaine d'émargement d'un chantier (attendance/week)",
      () => call('attendance/week', week),
      `ses ${weekStatements.length} lectures rejouées directement`,
      sqliteReplay(sqlite, weekStatements),
      300,
      30,
    );

    // 2. One year's statistics, through dispatch vs every figure written by hand (same rules, answers compared first),
    //    and vs the app's own two statements run raw (what dispatch, Kysely and the shaping add).
    // Small figures shown: the floor counts, it does not apply statistical secrecy.
    const year = { from: '2024-01-01', to: '2024-12-31', showSmall: true };
    const handWritten = handWrittenStats(sqlite);
    const floor = (period: typeof year) => handWritten({ ...period, until: countingEnd(period, BENCH_TODAY).until });
    sameFigures((await call('stats/figures', year)) as StatsFigures, floor(year));
    const captured: { sql: string; parameters: readonly unknown[] }[] = [];
    const capturing = new Kysely<DatabaseSchema>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
      log: (event) => void captured.push(event.query),
    });
    const filter = { from: year.from, to: year.to, kind: null, funderId: null, activity: null };
    await statisticsRepo.breakdownCounts(capturing, filter);
    await statisticsRepo.keyFigures(capturing, filter);
    const appStatements = captured.map((q) => ({ statement: sqlite.prepare(q.sql), parameters: q.parameters }));
    const stats = () => call('stats/figures', year);
    await compare(
      "Statistiques d'une année (stats/figures)",
      stats,
      'chaque chiffre écrit à la main en SQL, mêmes règles, réponses comparées',
      () => floor(year),
      30,
      3,
    );
    await compare(
      "Statistiques d'une année : surcoût de l'appel",
      stats,
      "les deux requêtes de l'application lancées directement",
      () => appStatements.map((q) => q.statement.all(...q.parameters)),
      30,
      3,
    );

    // 3. A contract PDF: template + print vs printing the rendered HTML straight with Chromium.
    const participationId = (
      sqlite.prepare("select id from participations where contract_type = 'cdd_usage' order by id limit 1").get() as {
        id: number;
      }
    ).id;
    const base = {
      services,
      session,
      scope: 'all',
      now: `${BENCH_TODAY}T09:00:00.000Z`,
      today: BENCH_TODAY,
      record: () => undefined,
      attribute: () => undefined,
    };
    const ctx = {
      ...base,
      read: (work: (ctx: unknown) => Promise<unknown>) => readTransaction(services.db, (db) => work({ ...base, db })),
      transaction: (work: never) => services.db.transaction().execute(work),
    } as unknown as NoneContext;
    const html = (await prepareDocument(ctx, { kind: 'contrat_travail', participationId }, false)).html;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
    const raw = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
    // The contract's floor on both engines: the HTML the app made once, printed straight by the same Chromium.
    const printRaw = async () => {
      await raw.setContent(html, { waitUntil: 'load' });
      await raw.pdf({ preferCSSPageSize: true, printBackground: true });
    };
    if (!dbOnly)
      await compare(
        'Contrat de travail en PDF (documents/preview)',
        () => call('documents/preview', { kind: 'contrat_travail', participationId }),
        'impression directe du HTML déjà rendu par Chromium',
        printRaw,
        20,
        3,
      );
    const fifty = (
      sqlite.prepare("select id from participations where contract_type = 'cdd_usage' order by id limit 50").all() as {
        id: number;
      }[]
    ).map((r) => r.id);
    const batch = dbOnly
      ? [0]
      : await timeRuns(
          async () => {
            for (const id of fifty) await call('documents/preview', { kind: 'contrat_travail', participationId: id });
          },
          3,
          0,
        );
    figures.push({
      operation: 'Lot de 50 contrats',
      median: median(batch) / 1000,
      p95: p95(batch) / 1000,
      floor: '—',
      floorMedian: null,
      unit: 's',
    });
    console.log(`Lot de 50 contrats : ${(median(batch) / 1000).toFixed(1)} s`);

    // 4. The monthly payroll export of a 60-person month.
    const october = await services.db.transaction().execute((db) => compute(db, BENCH_TODAY, '2025-10', 1));
    if (!dbOnly)
      await compare(
        `Export paie du mois (xlsx + csv, ${october.lines.length} personnes)`,
        async () => {
          const lines = (await services.db.transaction().execute((db) => compute(db, BENCH_TODAY, '2025-10', 1))).lines;
          await payrollXlsx(lines, {
            month: '2025-10',
            employerName: 'AI',
            structureName: 'CCAS',
            first: '2025-10-01',
            last: '2025-10-31',
          });
          payrollCsv(lines, {
            month: '2025-10',
            employerName: 'AI',
            structureName: 'CCAS',
            first: '2025-10-01',
            last: '2025-10-31',
          });
        },
        '—',
        null,
        10,
        2,
      );

    // 5. An encrypted, verified backup vs a plain copy of the same bytes, a SHA-256 and one integrity_check.
    const key = {
      keyId: '0123456789abcdef',
      key: randomBytes(32),
      salt: randomBytes(16),
      kdf: { log2N: 17, r: 8, p: 1 },
    };
    const dataBytes =
      filesUnder(services.paths.filesDir).reduce((n, f) => n + statSync(f).size, 0) +
      statSync(services.paths.databaseFile).size;
    const backupRuns =
      quick || dbOnly
        ? [0]
        : await timeRuns(
            async () => {
              const folder = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-cle-'));
              try {
                await writeBackup({
                  engine: services.engine,
                  filesDir: services.paths.filesDir,
                  folder,
                  fileName: 'bench.passerelle-backup',
                  workDir: await workFolder(services.paths, 'sauvegarde'),
                  key,
                  createdAt: new Date().toISOString(),
                });
              } finally {
                rmSync(folder, { recursive: true, force: true });
              }
            },
            3,
            1,
          );
    const floorRuns =
      quick || dbOnly
        ? [1]
        : await timeRuns(
            async () => {
              const folder = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-copie-'));
              try {
                const hash = createHash('sha256');
                const snapshot = path.join(folder, 'passerelle.sqlite');
                await services.engine.snapshotTo(snapshot);
                hash.update(readFileSync(snapshot));
                for (const file of filesUnder(services.paths.filesDir)) {
                  const target = path.join(folder, path.relative(services.paths.filesDir, file));
                  mkdirSync(path.dirname(target), { recursive: true });
                  copyFileSync(file, target);
                  hash.update(readFileSync(target));
                }
                hash.digest();
                const copy = new Database(snapshot, { readonly: true });
                copy.pragma('integrity_check');
                copy.close();
              } finally {
                rmSync(folder, { recursive: true, force: true });
              }
            },
            3,
            1,
          );
    figures.push({
      operation: `Sauvegarde chiffrée vérifiée (${(dataBytes / 1e6).toFixed(0)} Mo)`,
      median: median(backupRuns) / 1000,
      p95: p95(backupRuns) / 1000,
      floor: 'copie simple + SHA-256 + un integrity_check',
      floorMedian: median(floorRuns) / 1000,
      unit: 's',
    });
    console.log(
      `[RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} Mo] Sauvegarde : ${(median(backupRuns) / 1000).toFixed(1)} s, plancher ${(median(floorRuns) / 1000).toFixed(1)} s`,
    );

    // 6. The same operations on PostgreSQL: the same rows loaded into a server on this machine, then the load test.
    const postgres = await startBenchPostgres(BENCH_DIR);
    let pgServices: Awaited<ReturnType<typeof createServices>> | null = null;
    const pgRaw = new pg.Client({ ...postgres.connection });
    try {
      // The load test's databases are copies of the loaded one, made while nothing is connected to it.
      const loadConnection = await postgres.copy('passerelle_charge');
      pgServices = await createServices({
        dataDir: postgres.dataDir(),
        postgres: postgres.connection,
        dialogs: pickerDialogs,
        mode: 'browser',
        version: 'bench',
        printer: sharedPrinter(printer),
        clock: { now: () => new Date(`${BENCH_TODAY}T09:00:00Z`) },
      });
      await pgRaw.connect();
      const onPg = pgServices;
      const pgSession: Session = { user, token: onPg.sessions.create(user!, onPg.clock.now()) };
      const pgCall = async (method: string, input: unknown) => {
        const result = await dispatch(onPg, method, input, pgSession);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value;
      };
      const sameAnswer = async (method: string, input: unknown) => {
        const same = JSON.stringify(await call(method, input)) === JSON.stringify(await pgCall(method, input));
        if (!same) console.log(`  ATTENTION : ${method} ne répond pas la même chose sur les deux moteurs.`);
      };
      await sameAnswer('people/search', { query: 'mar' });
      await sameAnswer('attendance/week', week);
      await compare(
        'Recherche de personnes (people/search, 5 000 fiches)',
        () => pgCall('people/search', { query: 'mar' }),
        'requête SQL équivalente',
        async () => {
          await pgRaw.query(
            "select count(*) as n from persons p left join organisations o on o.id = p.prescriber_id left join contacts c on c.id = p.referent_id where p.archived = 0 and p.search_key like $1 escape '\\'",
            [like],
          );
          await pgRaw.query(
            `select p.id, p.last_name, p.birth_name, p.first_names, p.birth_date, p.sex, p.town, p.archived, o.name, c.first_name, c.last_name, c.left_on,
              (select j.status from journeys j where j.person_id = p.id order by j.opened_on desc, j.id desc limit 1) as status
             from persons p left join organisations o on o.id = p.prescriber_id left join contacts c on c.id = p.referent_id
             where p.archived = 0 and p.search_key like $1 escape '\\' order by p.search_key asc, p.id limit 25 offset 0`,
            [like],
          );
        },
        500,
        50,
        undefined,
        'postgres',
      );
      // A call against its own statements, captured once and replayed straight on the server: its reads and, for a
      // consultation of personal data, its sealed journal entry and the COMMIT that waits for the disk.
      await giveJournalKey(pgRaw);
      const headFloorDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-tete-'));
      const againstItsReads = async (label: string, call: () => Promise<unknown>) => {
        const statements = await captureAll(call);
        const reads = statements.filter((s) => /^\s*(select|with)\b/i.test(s.sql) && !s.sql.includes('journal_append'));
        const journaled = statements.some((s) => s.sql.includes('journal_append'));
        if (showStatements)
          console.log(
            `  ${label} :\n${statements.map((s) => `    ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`,
          );
        // After its COMMIT, a journaled call writes the journal's head into the data folder (fsync, rename:
        // app/journal-head.ts), the copy out of reach of whoever can cut rows: the floor writes as much, as durably.
        const replay = postgresReplay(pgRaw, statements);
        const headFile = path.join(headFloorDir, 'journal-tete.json');
        const head = readFileSync(onPg.journal.headFile);
        await compare(
          label,
          call,
          journaled
            ? `ses ${reads.length} lectures, son entrée au journal et la tête du journal sur le disque, rejouées directement`
            : `ses ${reads.length} lectures rejouées directement`,
          journaled
            ? async () => {
                await replay();
                writeFileAtomically(headFile, head);
              }
            : replay,
          300,
          30,
          undefined,
          'postgres',
        );
      };
      await againstItsReads('Recherche globale (search/anywhere)', () => pgCall('search/anywhere', anywhere));
      await againstItsReads("Semaine d'émargement d'un chantier (attendance/week)", () =>
        pgCall('attendance/week', week),
      );
      await compare(
        "Statistiques d'une année (stats/figures)",
        () => pgCall('stats/figures', year),
        '—',
        null,
        30,
        3,
        undefined,
        'postgres',
      );
      const pgStats = await capture(() => pgCall('stats/figures', year)).catch(() => []);
      await compare(
        "Statistiques d'une année : surcoût de l'appel",
        () => pgCall('stats/figures', year),
        `ses ${pgStats.length} lectures rejouées directement`,
        postgresReplay(pgRaw, pgStats),
        30,
        3,
        undefined,
        'postgres',
      );
      if (!dbOnly)
        await compare(
          'Contrat de travail en PDF (documents/preview)',
          () => pgCall('documents/preview', { kind: 'contrat_travail', participationId }),
          'impression directe du HTML déjà rendu par Chromium',
          printRaw,
          20,
          3,
          undefined,
          'postgres',
        );
      const pgBatch = dbOnly
        ? [0]
        : await timeRuns(
            async () => {
              for (const id of fifty)
                await pgCall('documents/preview', { kind: 'contrat_travail', participationId: id });
            },
            3,
            0,
          );
      figures.find((f) => f.operation === 'Lot de 50 contrats')!.postgres = {
        median: median(pgBatch) / 1000,
        p95: p95(pgBatch) / 1000,
        floor: '—',
        floorMedian: null,
      };
      if (!dbOnly)
        await compare(
          `Export paie du mois (xlsx + csv, ${october.lines.length} personnes)`,
          async () => {
            const lines = (await onPg.db.transaction().execute((db) => compute(db, BENCH_TODAY, '2025-10', 1))).lines;
            if (lines.length !== october.lines.length)
              throw new Error('Pas le même nombre de lignes de paie que sur SQLite.');
            await payrollXlsx(lines, {
              month: '2025-10',
              employerName: 'AI',
              structureName: 'CCAS',
              first: '2025-10-01',
              last: '2025-10-31',
            });
          },
          '—',
          null,
          10,
          2,
          undefined,
          'postgres',
        );
      await pgServices.close();
      pgServices = null;

      // 7. The load test, on a copy of the data for each engine (its writes stay out of the bench's data).
      const plan: LoadPlan = {
        user: user!,
        weeks: sqlite
          .prepare(
            `select distinct s.worksite_id as worksiteId, date(s.date, '-6 days', 'weekday 1') as weekOf
             from attendance a join sessions s on s.id = a.session_id
             where s.cancelled_reason is null order by worksiteId, weekOf`,
          )
          .all() as LoadPlan['weeks'],
        participations: (
          sqlite
            .prepare("select id from participations where contract_type = 'cdd_usage' order by id limit 200")
            .all() as { id: number }[]
        ).map((r) => r.id),
      };
      const pcs: Awaited<ReturnType<typeof createServices>>[] = [];
      if (loadSeconds > 0)
        try {
          for (let i = 0; i < LOAD_USERS; i++)
            pcs.push(
              await createServices({
                dataDir: postgres.dataDir(),
                postgres: { ...loadConnection, max: 4 },
                dialogs: pickerDialogs,
                mode: 'browser',
                version: 'bench',
                printer: sharedPrinter(printer),
                clock: { now: () => new Date(`${BENCH_TODAY}T09:00:00Z`) },
              }),
            );
          const checker = new pg.Client({ ...loadConnection });
          await checker.connect();
          try {
            loads.push(
              await runLoad({
                engine: 'PostgreSQL',
                seconds: loadSeconds,
                services: pcs,
                plan,
                today: BENCH_TODAY,
                readMarks: async (cells) => {
                  const { rows } = await checker.query<{ session_id: number; participation_id: number; mark: string }>(
                    'select session_id, participation_id, mark from attendance where session_id = any($1::int[])',
                    [[...new Set(cells.map((c) => c.sessionId))]],
                  );
                  return new Map(rows.map((r) => [`${r.session_id}|${r.participation_id}`, r.mark]));
                },
                journalSaves: async () =>
                  Number(
                    (await checker.query("select count(*) as n from journal where method = 'attendance/save'")).rows[0]
                      .n,
                  ),
              }),
            );
          } finally {
            await checker.end();
          }
        } finally {
          for (const pc of pcs) await pc.close();
        }
      if (loadSeconds > 0) {
        console.log(describeLoad(loads.at(-1)!));
        const sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-charge-'));
        try {
          await services.engine.snapshotTo(path.join(sqliteDir, 'passerelle.sqlite'));
          cpSync(path.join(BENCH_DIR, 'cles'), path.join(sqliteDir, 'cles'), { recursive: true });
          cpSync(path.join(BENCH_DIR, 'journal-tete.json'), path.join(sqliteDir, 'journal-tete.json'));
          const one = await createServices({
            dataDir: sqliteDir,
            dialogs: pickerDialogs,
            mode: 'browser',
            version: 'bench',
            printer: sharedPrinter(printer),
            clock: { now: () => new Date(`${BENCH_TODAY}T09:00:00Z`) },
          });
          const checker = benchConnection(path.join(sqliteDir, 'passerelle.sqlite'));
          try {
            loads.push(
              await runLoad({
                engine: 'SQLite',
                seconds: loadSeconds,
                services: Array.from({ length: LOAD_USERS }, () => one),
                plan,
                today: BENCH_TODAY,
                readMarks: async (cells) => {
                  const read = checker.prepare(
                    'select mark from attendance where session_id = ? and participation_id = ?',
                  );
                  return new Map(
                    cells.map((c) => [
                      `${c.sessionId}|${c.participationId}`,
                      (read.get(c.sessionId, c.participationId) as { mark: string } | undefined)?.mark ?? '',
                    ]),
                  );
                },
                journalSaves: async () =>
                  (
                    checker.prepare("select count(*) as n from journal where method = 'attendance/save'").get() as {
                      n: number;
                    }
                  ).n,
              }),
            );
          } finally {
            checker.close();
            await one.close();
          }
        } finally {
          rmSync(sqliteDir, { recursive: true, force: true });
        }
        console.log(describeLoad(loads.at(-1)!));
      }
    } finally {
      await pgServices?.close();
      await pgRaw.end().catch(() => undefined);
      await postgres.stop();
    }
    figures.find((f) => f.operation.startsWith('Sauvegarde chiffrée'))!.postgres = null;

    await browser.close();
    if (dbOnly) {
      clearInterval(sampler);
      return;
    }

    const assets = path.join(root, 'out', 'renderer', 'assets');
    const gz = (file: string) => gzipSync(readFileSync(file)).length / 1024;
    const index = readFileSync(path.join(root, 'out', 'renderer', 'index.html'), 'utf8');
    const initial = [...index.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const allJs = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const initialKb = initial.reduce((n, f) => n + gz(path.join(assets, f)), 0);
    figures.push({
      operation: 'JavaScript initial (gzip)',
      median: initialKb,
      p95: initialKb,
      floor: '—',
      floorMedian: null,
      unit: 'Ko',
      note: `${initial.length} fichiers`,
    });
    figures.push({
      operation: 'JavaScript total (gzip, hors worker pdf.js)',
      median: allJs.reduce((n, f) => n + gz(path.join(assets, f)), 0),
      p95: 0,
      floor: '—',
      floorMedian: null,
      unit: 'Ko',
    });
    const routes = allJs
      .filter((f) => /^[A-Z]\w+Page-/.test(f))
      .map((f) => `${f.split('-')[0]} ${gz(path.join(assets, f)).toFixed(1)} Ko`);
    console.log(`JS initial ${initialKb.toFixed(0)} Ko gzip ; par écran : ${routes.join(', ')}`);

    clearInterval(sampler);
    sqlite.close();
    await services.close();
    if (quick) {
      console.log(JSON.stringify({ figures, loads }, null, 1));
      return;
    }
    await builtMainProcess();
    figures.push({
      operation: 'Mémoire : pic RSS du processus de mesure (tsx, harnais compris)',
      median: peakRss / 1e6,
      p95: peakRss / 1e6,
      floor: '—',
      floorMedian: null,
      unit: 'Mo',
    });
    writeReport(routes);
    // Issue 29: the office server with 10 paired PCs over HTTPS, its own section of BENCHMARKS.md.
    await benchLanLoad();
  } finally {
    clearInterval(sampler);
    if (sqlite.open) sqlite.close();
    await services.close();
  }
}

/**
 * The main process bundled as in the app (esbuild, dependencies external),
 * in its own process: the people list in the browser, then the heavy calls
 * over its RPC (search, a year's figures, 50 contract previews, a backup),
 * and its peak RSS (VmHWM) read from the system.
 */
async function builtMainProcess() {
  const out = path.join(root, 'out', 'bench');
  const esbuild = path.join(root, 'node_modules', '.bin', 'esbuild');
  for (const [entry, file] of [
    ['scripts/bench/server.ts', 'server.mjs'],
    ['src-main/backup/worker.ts', 'backup-worker.js'],
  ] as const) {
    execFileSync(
      esbuild,
      [
        entry,
        '--bundle',
        '--platform=node',
        '--format=esm',
        '--packages=external',
        '--log-level=warning',
        `--outfile=${path.join(out, file)}`,
      ],
      { cwd: root, stdio: 'inherit' },
    );
  }
  const child = spawn(
    process.execPath,
    [path.join(out, 'server.mjs'), BENCH_DIR, path.join(root, 'out', 'renderer'), BENCH_TODAY],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0]!);
    });
    child.on('exit', () => reject(new Error('Le processus principal construit s’est arrêté.')));
  });
  const server = JSON.parse(line) as { url: string; port: number; token: string };
  try {
    const rpc = async (method: string, input: unknown, session: string | null) => {
      const response = await fetch(`http://127.0.0.1:${server.port}/rpc/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-passerelle-token': server.token,
          ...(session ? { 'x-passerelle-session': session } : {}),
        },
        body: JSON.stringify(input ?? {}),
      });
      const result = (await response.json()) as { ok: boolean; value?: any; error?: { message: string } };
      if (!result.ok) throw new Error(`${method} : ${result.error?.message}`);
      return result.value;
    };
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
    const ui = await (await browser.newContext({ viewport: { width: 1366, height: 850 } })).newPage();
    await ui.goto(server.url);
    await ui.getByRole('button', { name: 'Se connecter en tant que Élodie Le Gall' }).click();
    await ui.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await ui.getByRole('button', { name: 'Se connecter', exact: true }).click();
    const nav = ui.getByRole('navigation', { name: 'Navigation principale' });
    await nav.waitFor();
    const navigation = await timeRuns(
      async () => {
        await nav.getByRole('link', { name: 'Tableau de bord' }).click();
        await ui.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
        const start = Date.now();
        await nav.getByRole('link', { name: 'Personnes' }).click();
        await ui.locator('table tbody tr').first().waitFor();
        return Date.now() - start;
      },
      10,
      2,
    );
    figures.push({
      operation: 'Liste des personnes visible après navigation (navigateur, code de l’écran compris)',
      median: median(navigation),
      p95: p95(navigation),
      floor: '—',
      floorMedian: null,
      unit: 'ms',
    });
    console.log(`Navigation vers la liste : médiane ${median(navigation).toFixed(0)} ms`);
    await browser.close();

    const hwm = (step: string) => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const text = `après ${step} : RSS ${(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024) | 0} Mo, pic ${(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024) | 0} Mo`;
      memorySteps.push(text);
      console.log(`  processus principal ${text}`);
    };
    const readPeak = () =>
      Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    hwm('la navigation');
    const users = (await rpc('auth/users', {}, null)) as { id: number; displayName: string }[];
    const session = (
      (await rpc(
        'auth/login',
        { userId: users.find((u) => u.displayName === 'Élodie Le Gall')!.id, password: DEMO_PASSWORD },
        null,
      )) as { token: string }
    ).token;
    for (let i = 0; i < 50; i++) await rpc('people/search', { query: 'mar' }, session);
    for (let i = 0; i < 10; i++) await rpc('stats/figures', { from: '2024-01-01', to: '2024-12-31' }, session);
    const participations = new Database(path.join(BENCH_DIR, 'passerelle.sqlite'), { readonly: true });
    const fifty = (
      participations
        .prepare("select id from participations where contract_type = 'cdd_usage' order by id limit 50")
        .all() as { id: number }[]
    ).map((r) => r.id);
    participations.close();
    hwm('les recherches et statistiques');
    for (const id of fifty) await rpc('documents/preview', { kind: 'contrat_travail', participationId: id }, session);
    hwm('50 contrats');
    // A folder the app may write to (the home folder or a USB key: the temporary folder is refused).
    const folder = mkdtempSync(path.join(os.homedir(), 'passerelle-bench-usb-'));
    try {
      await rpc('backup/create', { folder }, session);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    hwm('la sauvegarde');
    const peak = readPeak();
    figures.push({
      operation:
        'Mémoire : pic RSS du processus principal construit (mode navigateur : liste, recherches, statistiques, 50 contrats, sauvegarde)',
      median: peak,
      p95: peak,
      floor: '—',
      floorMedian: null,
      unit: 'Mo',
    });
    console.log(`Pic RSS du processus principal construit : ${peak.toFixed(0)} Mo`);
    // Choosing a passphrase again (once in the life of a key): scrypt's 128 MiB, on purpose, measured apart.
    await rpc('backup/setPassphrase', { passphrase: BENCH_PASSPHRASE }, session);
    hwm('un nouveau choix de la phrase de passe');
    const keyPeak = readPeak();
    figures.push({
      operation: 'Mémoire : pic RSS en choisissant une nouvelle phrase de passe (scrypt 128 Mio, une fois par phrase)',
      median: keyPeak,
      p95: keyPeak,
      floor: '—',
      floorMedian: null,
      unit: 'Mo',
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function writeReport(routes: string[]) {
  const cpu = os.cpus()[0]?.model ?? 'inconnu';
  const machine = `${os.cpus().length} cœurs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}, ${os.platform()}`;
  const fmt = (v: number, unit: Figure['unit']) =>
    unit === 'ms' ? `${v.toFixed(1)} ms` : unit === 's' ? `${v.toFixed(2)} s` : `${v.toFixed(0)} ${unit}`;
  const rows = figures.map((f) => {
    const floor = f.floorMedian === null ? f.floor : `${f.floor} : ${fmt(f.floorMedian, f.unit)}`;
    const ratio = f.floorMedian ? `×${(f.median / f.floorMedian).toFixed(2)}` : '—';
    const p = f.unit === 'Ko' || f.unit === 'Mo' ? '—' : fmt(f.p95, f.unit);
    return `| ${f.operation}${f.note ? ` (${f.note})` : ''} | ${fmt(f.median, f.unit)} | ${p} | ${floor} | ${ratio} |`;
  });
  // Printing (Chromium) and exports are not the database's interactive work the target is about.
  const interactive = (f: Figure) => f.unit === 'ms' && !/^(Liste des personnes|Contrat|Export)/.test(f.operation);
  const pgRows = figures
    .filter((f) => f.postgres !== undefined)
    .map((f) => {
      const g = f.postgres;
      if (!g)
        return `| ${f.operation} | — | — | — | non mesurée : sur PostgreSQL la sauvegarde passe par l’export logique des tables (format 2), pas par une copie du fichier | — | — |`;
      if (g.failed) return `| ${f.operation} | échec | — | — | ${g.failed.replace(/\|/g, '/').slice(0, 160)} | — | — |`;
      const floor = g.floorMedian === null ? g.floor : `${g.floor} : ${fmt(g.floorMedian, f.unit)}`;
      const toFloor = g.floorMedian ? g.median / g.floorMedian : null;
      const target = !interactive(f)
        ? '—'
        : g.p95 < 50 && (toFloor === null || toFloor <= 1.5)
          ? 'oui'
          : `non (${[g.p95 >= 50 ? 'p95 ≥ 50 ms' : '', toFloor !== null && toFloor > 1.5 ? 'plancher × 1,5 dépassé' : ''].filter(Boolean).join(', ')})`;
      return `| ${f.operation} | ${fmt(g.median, f.unit)} | ${fmt(g.p95, f.unit)} | ×${(g.median / f.median).toFixed(2)} | ${floor} | ${toFloor === null ? '—' : `×${toFloor.toFixed(2)}`} | ${target} |`;
    });
  const loadNames = [...new Set(loads.flatMap((l) => l.operations.map((o) => o.name)))];
  const loadRows = loadNames.map((name) => {
    const cells = loads.map((l) => {
      const o = l.operations.find((x) => x.name === name);
      return o ? `${o.count} | ${o.median.toFixed(0)} ms | ${o.p95.toFixed(0)} ms` : '— | — | —';
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  const loadFacts = loads.map(
    (l) =>
      `- ${l.engine} : ${l.seconds.toFixed(0)} s, ${l.errors} erreur${l.errors > 1 ? 's' : ''}${l.errorSamples.length ? ` (${l.errorSamples.join(' ; ')})` : ''} ; ${l.confirmedSaves} enregistrements de semaine confirmés (${l.confirmedCells} cases, dernière valeur de chacune relue dans la base) : ${l.lostWrites} écriture${l.lostWrites > 1 ? 's' : ''} perdue${l.lostWrites > 1 ? 's' : ''} ; ${l.journalSaves} entrées « attendance/save » ajoutées au journal.`,
  );
  const uniqueViolations = loads.some((l) => l.errorSamples.some((e) => e.includes('23505')));
  if (uniqueViolations)
    loadFacts.push(
      "- 23505 : violation d'unicité. Le journal donne lui-même l'identifiant de l'entrée suivante (dernier + 1) : deux postes qui écrivent au même moment prennent le même, le second échoue (rien n'est enregistré, la personne voit un message). Sérialiser le journal entre postes est le point 4 du ticket 28.",
    );
  const text = `# Benchmarks

Mesuré sur le jeu de données fictif de 10 ans (\`npm run bench:data\` : 5 000 personnes, 600 chantiers, 12 000 demi-journées,
64 320 émargements, 6 240 évaluations, 20 000 documents et leurs PDF), le ${new Date().toISOString().slice(0, 10)}.

Pour reproduire : \`npm run bench:data && npm run bench\` (les chiffres sont réécrits ici).

Machine : ${machine}. Charge moyenne du système (1 min) : ${loadAtStart.toFixed(1)} au début du passage, ${os.loadavg()[0]!.toFixed(1)} à la fin${loadAtStart > os.cpus().length ? ' : la machine faisait autre chose en même temps, les chiffres en sont plus lents et plus dispersés' : os.loadavg()[0]! > os.cpus().length ? ' (la charge de la fin est celle du passage lui-même : serveur PostgreSQL, Chromium, essais de charge)' : ''}.

| Opération | Médiane | p95 | Plancher mesuré dans le même passage | Rapport |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

## PostgreSQL

Les mêmes opérations, dans le même passage, sur les mêmes lignes chargées dans un PostgreSQL 18 de cette machine
(le serveur embarqué des tests, \`tests/postgres/server.ts\`, mais durable : fsync et validations synchrones comme
sur un serveur de mairie ; connexion TCP locale, sans TLS). Le plancher est, pour la recherche, la requête SQL
équivalente écrite à la main ; pour les autres lignes, ce que l'appel envoie au serveur, saisi au passage et rejoué
directement, une instruction après l'autre, sur une connexion \`pg\` : ses lectures et, pour une consultation de données
personnelles (la semaine d'émargement), aussi son entrée au journal des accès (\`journal_append\`, que le serveur numérote
et scelle lui-même), le \`COMMIT\` qui attend le disque et la tête du journal réécrite dans le dossier de données (fsync),
car une consultation ne doit pas pouvoir échapper au journal. L'écart au plancher est donc ce que le gestionnaire, la
vérification des droits et des saisies, Kysely et le pool ajoutent.
Objectif du ticket 28 pour une opération interactive : p95 sous 50 ms et au plus ×1,5 son plancher.

| Opération | Médiane | p95 | PostgreSQL / SQLite | Plancher mesuré dans le même passage | Rapport | Objectif tenu |
| --- | --- | --- | --- | --- | --- | --- |
${pgRows.join('\n')}

Pour lire ce tableau :
- La recherche globale envoie trois lectures courtes (personnes, chantiers, documents) ; l'appel y ajoute un surcoût à
  peu près fixe (droits, vérification de la saisie et de la réponse, construction des requêtes, pool), de l'ordre d'une
  demi-milliseconde. Son rapport se tient donc autour de ×1,5, d'un côté ou de l'autre selon l'activité de la machine.
- Valider les entrées du journal sans attendre le disque (\`synchronous_commit = off\`) raccourcirait la semaine
  d'émargement, au prix d'entrées perdues si le serveur s'arrête brutalement : écarté.
- Statistiques d'une année : les requêtes de l'application sur toute l'année et tous les chantiers prennent à elles
  seules l'essentiel du temps (ligne « surcoût de l'appel ») ; l'appel y ajoute peu. La plus longue lit tous les
  émargements des dix ans : PostgreSQL préfère ce parcours complet à l'index, et restreindre d'abord aux contrats de
  la période ralentissait une période de dix ans (essayé, écarté). Le temps croît donc avec l'historique.

## Charge : ${LOAD_USERS} personnes en même temps pendant ${LOAD_SECONDS} s

Chaque personne enchaîne, sans pause, la journée type : rechercher des personnes, ouvrir la semaine d'émargement
d'un de ses chantiers et l'enregistrer (chaque case changée, envoyée avec la valeur affichée, comme l'écran),
imprimer un contrat de travail. Sur PostgreSQL, chaque personne est un poste (ses propres services et son pool de
connexions) sur une même base ; sur SQLite, elles passent par le même processus (le PC, ou le serveur du réseau
local, qui tient le fichier). Tout tourne sur les ${os.cpus().length} cœurs de cette machine : serveur, postes et Chromium.

| Opération | ${loads.map((l) => `${l.engine} : nombre | médiane | p95`).join(' | ')} |
| --- | ${loads.map(() => '--- | --- | ---').join(' | ')} |
${loadRows.join('\n')}

${loadFacts.join('\n')}

Ce que cela veut dire pour un CCAS :
- Sur un seul poste, SQLite reste le plus rapide : pas d'aller-retour réseau, la base est dans le processus. Le choix
  de PostgreSQL se fait pour partager les données entre plusieurs postes ou bureaux, pas pour la vitesse.
- Chaque requête vers PostgreSQL est un aller-retour (ici en local ; sur le réseau d'une mairie, compter en plus
  quelques dixièmes de milliseconde à quelques millisecondes par requête) : un écran qui envoie une vingtaine de
  requêtes le paie vingt fois. La colonne « plancher » montre le nombre de lectures de chaque appel.
- La charge ci-dessus est un pire cas : dix personnes qui cliquent sans jamais s'arrêter, serveur, postes et
  Chromium sur les mêmes ${os.cpus().length} cœurs. Une équipe réelle lit et saisit entre deux clics ; l'impression des contrats, faite par
  Chromium sur le poste, domine les temps.
- Aucune écriture confirmée ne doit manquer : chaque case que le poste a dit enregistrée est relue dans la base à la fin.

Code par écran (gzip, chargé à la première ouverture) : ${routes.join(', ')}.

Notes :
- Les planchers sont mesurés dans le même passage. Celui des statistiques (\`scripts/bench/stats-floor.ts\`) écrit chaque
  chiffre de l'écran comme sa propre requête SQL, pour l'année et tous les chantiers, avec les mêmes règles de comptage
  (entrée au premier parcours de la période, âge et situation à l'entrée, heures des demi-journées du contrat) ; ses
  réponses sont comparées à celles de l'écran avant toute mesure. L'application calcule tout en deux requêtes, d'où un
  rapport sous 1 ; la ligne « surcoût de l'appel » la compare à ses deux propres requêtes lancées directement.
- « Lectures rejouées directement » (\`scripts/bench/capture.ts\`) : les lectures que l'appel envoie à la base,
  saisies au passage puis relancées seules. Ouvrir une semaine d'émargement consulte des données personnelles : l'appel
  écrit aussi son entrée au journal (scellée, tête du journal réécrite sur le disque). Sur SQLite, le plancher ne la
  rejoue pas (l'application calcule le sceau et le numéro de l'entrée : rejouée telle quelle, elle prendrait un numéro
  déjà donné), d'où l'essentiel de l'écart (écriture synchronisée sur le disque) ; sur PostgreSQL, il la rejoue.
- Mémoire du processus principal construit, étape par étape : ${memorySteps.join(' ; ')}.
  playwright-core (environ 90 Mo, l'impression du mode navigateur ; l'application de bureau imprime avec Electron) n'est
  chargé qu'à la première impression. La sauvegarde passe entièrement par son worker : instantané par \`VACUUM INTO\`
  avec un petit cache (la copie par l'API de sauvegarde de SQLite coûtait deux caches de 16 Mo), tampons de chiffrement
  libérés tous les 8 Mo au lieu de s'accumuler jusqu'à ce que V8 s'en occupe.
- Choisir une phrase de passe dérive la clé avec scrypt (N = 2^17, r = 8 : 128 Mio pendant une demi-seconde), voulu pour
  qu'une clé USB perdue résiste aux essais en masse. Cela arrive une fois par phrase ; le jeu de données a déjà la sienne
  et ce pic est mesuré à part, à la fin.
- Le pic de mémoire du processus de mesure porte le code du processus principal mais aussi le chargeur
  TypeScript (tsx, environ 150 Mo au démarrage, absent de l'application Electron construite), le worker de sauvegarde
  chargé par tsx et le client Playwright des mesures d'écran.
`;
  writeFileSync(path.join(root, 'BENCHMARKS.md'), text);
  console.log('BENCHMARKS.md écrit.');
}

await main();
