/**
 * The concurrent-load bench (issue 28): 10 people doing the day's work at
 * once for 60 s, each on the worksites of their own (an encadrant and her
 * worksites): search people, open a worksite's week of attendance and record
 * it (every cell changed, sent with the value the grid showed, as the screen
 * does), print a work contract; again and again, without pausing between
 * actions (the worst case: real people read and type between two clicks).
 * Afterwards every mark each person was told was saved is read back from the
 * database: a lost write is one that is not there.
 *
 * On PostgreSQL each person is a PC of their own (their own services and
 * connection pool, as ten Passerelle windows on one server); on SQLite they
 * share one services (the one PC, or the LAN server, that holds the file).
 */
import type { PdfPrinter } from '../../src-main/documents/printer';
import { dispatch } from '../../src-main/app/dispatch';
import type { Services } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import type { AttendanceWeek } from '../../src-main/shared/contract/attendance';

export const LOAD_USERS = 10;
export const LOAD_SECONDS = 60;

export interface LoadPlan {
  /** The weeks with marks of each worksite, by worksite. */
  weeks: { worksiteId: number; weekOf: string }[];
  /** Contracts to print. */
  participations: number[];
  user: Session['user'] & object;
}

export interface LoadResult {
  engine: 'SQLite' | 'PostgreSQL';
  seconds: number;
  operations: { name: string; count: number; median: number; p95: number }[];
  errors: number;
  /** Each kind of failure and how often: the message shown, with the database's error code the log gave for an internal one. */
  errorSamples: string[];
  /** Cells each person was told were saved (the last value of each). */
  confirmedCells: number;
  confirmedSaves: number;
  lostWrites: number;
  /** Journal entries of `attendance/save` written during the run (one per save that succeeded). */
  journalSaves: number;
}

const QUERIES = ['mar', 'le g', 'diallo', 'ngu', 'karim', 'soiz', 'tang', 'awa', 'riou', 'lo'];
/** The values a cell takes in turn: each save changes every cell of the week. */
const CYCLE = ['maladie', 'present', 'non_justifiee', 'present'] as const;

export const median = (s: number[]) => s[Math.floor(s.length / 2)] ?? 0;
export const p95 = (s: number[]) => s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? 0;

/** A printer shared by every PC of the run, closed once by the caller. */
export function sharedPrinter(printer: PdfPrinter): PdfPrinter {
  return { ...printer, close: async () => undefined };
}

export async function runLoad(options: {
  engine: LoadResult['engine'];
  /** One services per person (the same one repeated when they share it). */
  services: Services[];
  plan: LoadPlan;
  today: string;
  /** The stored mark of each (session, participation), read straight from the database after the run. */
  readMarks: (cells: { sessionId: number; participationId: number }[]) => Promise<Map<string, string>>;
  /** How many `attendance/save` entries the journal holds. */
  journalSaves: () => Promise<number>;
  seconds?: number;
}): Promise<LoadResult> {
  const seconds = options.seconds ?? LOAD_SECONDS;
  const samples = new Map<string, number[]>();
  const failures = new Map<string, number>();
  let errors = 0;
  // An internal failure is logged by dispatch with the database's error code only (the user sees a plain message).
  const internal: string[] = [];
  const logError = console.error;
  console.error = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    const found = /\[passerelle\] ([\w/]+): échec interne \(([^)]*)\)/.exec(text);
    if (found) internal.push(`${found[1]} : échec interne (${found[2]})`);
    else logError(...args);
  };
  let confirmedSaves = 0;
  const expected = new Map<string, { sessionId: number; participationId: number; mark: string }>();
  const journalBefore = await options.journalSaves();
  const { plan } = options;
  const deadline = Date.now() + seconds * 1000;

  async function person(index: number) {
    const services = options.services[index]!;
    const session: Session = { user: plan.user, token: services.sessions.create(plan.user, services.clock.now()) };
    const timed = async <T>(name: string, method: string, input: unknown): Promise<T | null> => {
      const start = process.hrtime.bigint();
      const result = await dispatch(services, method, input, session).catch((error: unknown) => ({
        ok: false as const,
        error: { message: String(error) },
      }));
      const took = Number(process.hrtime.bigint() - start) / 1e6;
      if (!result.ok) {
        errors++;
        const key = internal.pop() ?? `${method} : ${result.error.message}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        return null;
      }
      if (!samples.has(name)) samples.set(name, []);
      samples.get(name)!.push(took);
      return result.value as T;
    };
    await typicalDay({
      index,
      plan,
      deadline,
      timed,
      contractLabel: 'Contrat de travail en PDF',
      onSaved: (cells) => {
        confirmedSaves++;
        for (const cell of cells) expected.set(`${cell.sessionId}|${cell.participationId}`, cell);
      },
    });
  }

  const started = Date.now();
  try {
    await Promise.all(Array.from({ length: LOAD_USERS }, (_, i) => person(i)));
  } finally {
    console.error = logError;
  }
  const errorSamples = [...failures.entries()].map(([what, n]) => `${n} × ${what}`);
  const elapsed = (Date.now() - started) / 1000;
  const stored = await options.readMarks([...expected.values()]);
  const lostWrites = [...expected.entries()].filter(([key, e]) => stored.get(key) !== e.mark).length;
  const journalSaves = (await options.journalSaves()) - journalBefore;
  return {
    engine: options.engine,
    seconds: elapsed,
    operations: [...samples.entries()].map(([name, s]) => {
      s.sort((a, b) => a - b);
      return { name, count: s.length, median: median(s), p95: p95(s) };
    }),
    errors,
    errorSamples,
    confirmedCells: expected.size,
    confirmedSaves,
    lostWrites,
    journalSaves,
  };
}

/** A call of the load test, timed; null when it failed (counted as an error by its caller). */
export type TimedCall = <T>(name: string, method: string, input: unknown) => Promise<T | null>;

/**
 * One person's day, without a pause, until `deadline`: search people, open a
 * week of one of her worksites and save it (each cell changed, sent with the
 * value shown, as the screen does), print a contract. The same for a person
 * at the PC holding the data and for a PC paired to the office server
 * (lan-load.ts): only `timed` differs.
 */
export async function typicalDay(options: {
  index: number;
  plan: Pick<LoadPlan, 'weeks' | 'participations'>;
  deadline: number;
  timed: TimedCall;
  contractLabel: string;
  /** Each week whose save was confirmed, with the mark each of its cells was given. */
  onSaved: (cells: { sessionId: number; participationId: number; mark: string }[]) => void;
}): Promise<void> {
  const { index, timed } = options;
  const weeks = options.plan.weeks.filter((w) => w.worksiteId % LOAD_USERS === index);
  const contracts = options.plan.participations.filter((_, i) => i % LOAD_USERS === index);
  for (let round = 0; Date.now() < options.deadline; round++) {
    await timed('Recherche de personnes', 'people/search', { query: QUERIES[(index + round) % QUERIES.length] });
    const target = weeks[round % weeks.length]!;
    const week = await timed<AttendanceWeek>('Semaine d’émargement (lecture)', 'attendance/week', target);
    if (week) {
      const mark = CYCLE[Math.floor(round / weeks.length + index) % CYCLE.length]!;
      const shown = new Map(week.marks.map((m) => [`${m.sessionId}|${m.participationId}`, m]));
      const entries = week.sessions
        .filter((s) => s.cancelled === null && !s.notYet)
        .flatMap((s) =>
          week.participants
            .filter((p) => s.date >= p.start && s.date <= p.end)
            .map((p) => {
              const was = shown.get(`${s.id}|${p.participationId}`);
              return {
                sessionId: s.id,
                participationId: p.participationId,
                mark: { mark, paid: null, proofReceived: false, proofDate: null },
                base: was
                  ? {
                      mark: was.mark,
                      actualStart: was.actualStart,
                      actualEnd: was.actualEnd,
                      paid: was.paid,
                      proofReceived: was.proofReceived,
                      proofDate: was.proofDate,
                    }
                  : null,
              };
            }),
        );
      if (entries.length > 0) {
        const saved = await timed('Émargement d’une semaine (enregistrement)', 'attendance/save', {
          worksiteId: target.worksiteId,
          entries,
        });
        if (saved)
          options.onSaved(entries.map((e) => ({ sessionId: e.sessionId, participationId: e.participationId, mark })));
      }
    }
    await timed(options.contractLabel, 'documents/preview', {
      kind: 'contrat_travail',
      participationId: contracts[round % contracts.length]!,
    });
  }
}

export function describeLoad(r: LoadResult): string {
  return `${r.engine} : ${r.operations.map((o) => `${o.name} ${o.count}× p95 ${o.p95.toFixed(0)} ms`).join(', ')} ; ${r.errors} erreur(s)${r.errorSamples.length ? ` (${r.errorSamples.join(' | ')})` : ''} ; ${r.confirmedSaves} enregistrements confirmés (${r.confirmedCells} cases), ${r.lostWrites} perdue(s), ${r.journalSaves} au journal`;
}
