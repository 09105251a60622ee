/**
 * The load test of issue 29: « Passerelle serveur » on the office network,
 * with 10 PCs paired to it the way the desktop app pairs (probeServer, the
 * fingerprint, a one-time code, pairWithServer), each signed in with an
 * account and doing the day's work for 60 s over HTTPS: search people, open
 * a week of attendance and record it (every cell changed, sent with the
 * value the grid showed, as the screen does), print a work contract (the PDF
 * made on the server and sent to the PC). Afterwards every mark a PC was told
 * was saved is read back from the database: a lost write is one that is not
 * there. p95 per operation, measured on the client side (the network round
 * trip and TLS included).
 *
 * Runs on a copy of the bench's data (`npm run bench:data`), so its writes
 * stay out of it. Called by `scripts/bench/run.ts` once BENCHMARKS.md is
 * written, it adds its own section there; `npx tsx scripts/bench/lan-load.ts`
 * runs it alone and replaces that section.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPairingCodeAtConsole } from '../../src-main/app/devices';
import { pickerDialogs } from '../../src-main/app/ports';
import { createServices } from '../../src-main/app/services';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { makeCertificate } from '../../src-main/lan/certificate';
import { lanTransport, pairWithServer, probeServer, type LanTransport } from '../../src-main/lan/client';
import { startLanServer } from '../../src-main/lan/server';
import { DEMO_PASSWORD } from '../demo-data';
import { BENCH_DIR, BENCH_TODAY } from './data';
import { LOAD_SECONDS, LOAD_USERS, median, p95, typicalDay } from './load';
import { benchConnection } from './sqlite-file';

const root = path.resolve(import.meta.dirname, '..', '..');
const START = '<!-- charge-reseau-local : écrit par scripts/bench/lan-load.ts -->';
const END = '<!-- fin charge-reseau-local -->';

export interface LanLoadResult {
  seconds: number;
  operations: { name: string; count: number; median: number; p95: number }[];
  errors: number;
  errorSamples: string[];
  confirmedSaves: number;
  confirmedCells: number;
  lostWrites: number;
  journalSaves: number;
  /** Paired PCs named in the journal's entries of the run (each PC's saves are recorded with it). */
  devicesInJournal: number;
  loadBefore: number;
  loadAfter: number;
}

export async function runLanLoad(seconds = LOAD_SECONDS): Promise<LanLoadResult> {
  if (!existsSync(path.join(BENCH_DIR, 'passerelle.sqlite'))) throw new Error('Lancez d’abord « npm run bench:data ».');
  const loadBefore = os.loadavg()[0]!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-reseau-'));
  const printer = nodePdfPrinter();
  try {
    // A copy of the bench's data (VACUUM INTO reads the file as it is, its WAL included), with its keys and journal head.
    const source = benchConnection(path.join(BENCH_DIR, 'passerelle.sqlite'));
    try {
      source.prepare('vacuum into ?').run(path.join(dir, 'passerelle.sqlite'));
    } finally {
      source.close();
    }
    cpSync(path.join(BENCH_DIR, 'cles'), path.join(dir, 'cles'), { recursive: true });
    cpSync(path.join(BENCH_DIR, 'journal-tete.json'), path.join(dir, 'journal-tete.json'));
    const checker = benchConnection(path.join(dir, 'passerelle.sqlite'));
    const opened = new Date(`${BENCH_TODAY}T09:00:00Z`).getTime();
    const realStart = Date.now();
    const services = await createServices({
      dataDir: dir,
      dialogs: pickerDialogs,
      mode: 'browser',
      version: 'bench',
      printer,
      // The bench's day, with time passing from 9 h (the login throttle counts checks per second).
      clock: { now: () => new Date(opened + Date.now() - realStart) },
    });
    const server = await startLanServer({
      services,
      address: '127.0.0.1',
      port: 0,
      certificate: makeCertificate('127.0.0.1'),
    });
    const transports: LanTransport[] = [];
    try {
      const user = checker
        .prepare("select id from users where role = 'administrateur' and active = 1 order by id limit 1")
        .get() as { id: number };
      const weeks = checker
        .prepare(
          `select distinct s.worksite_id as worksiteId, date(s.date, '-6 days', 'weekday 1') as weekOf
           from attendance a join sessions s on s.id = a.session_id
           where s.cancelled_reason is null order by worksiteId, weekOf`,
        )
        .all() as { worksiteId: number; weekOf: string }[];
      const participations = (
        checker
          .prepare("select id from participations where contract_type = 'cdd_usage' order by id limit 200")
          .all() as { id: number }[]
      ).map((r) => r.id);

      // Ten PCs paired as the desktop app pairs: the identity read, a one-time code typed, the certificate pinned.
      const address = { host: '127.0.0.1', port: server.port };
      const tokens: string[] = [];
      for (let i = 0; i < LOAD_USERS; i++) {
        const { code } = await createPairingCodeAtConsole(services);
        const identity = await probeServer(address);
        const paired = await pairWithServer({ address, identity, code, deviceName: `Poste ${i + 1}` });
        const transport = lanTransport(paired);
        transports.push(transport);
        const login = await transport.invoke('auth/login', { userId: user.id, password: DEMO_PASSWORD }, null);
        if (!login.ok) throw new Error(`Connexion du poste ${i + 1} : ${login.error.message}`);
        tokens.push((login.value as { token: string }).token);
      }
      const journalBefore = (
        checker.prepare('select count(*) as n, max(id) as last from journal').get() as { n: number; last: number }
      ).last;

      const samples = new Map<string, number[]>();
      const failures = new Map<string, number>();
      let errors = 0;
      let confirmedSaves = 0;
      const expected = new Map<string, { sessionId: number; participationId: number; mark: string }>();
      const deadline = Date.now() + seconds * 1000;

      async function pc(index: number) {
        const transport = transports[index]!;
        const token = tokens[index]!;
        const timed = async <T>(name: string, method: string, input: unknown): Promise<T | null> => {
          const start = process.hrtime.bigint();
          const result = await transport.invoke(method, input, token).catch((error: unknown) => ({
            ok: false as const,
            error: { message: error instanceof Error ? error.message : String(error) },
          }));
          const took = Number(process.hrtime.bigint() - start) / 1e6;
          if (!result.ok) {
            errors++;
            const key = `${method} : ${result.error.message}`;
            failures.set(key, (failures.get(key) ?? 0) + 1);
            return null;
          }
          if (!samples.has(name)) samples.set(name, []);
          samples.get(name)!.push(took);
          return result.value as T;
        };
        await typicalDay({
          index,
          plan: { weeks, participations },
          deadline,
          timed,
          contractLabel: 'Contrat de travail en PDF (fait sur le serveur, reçu par le poste)',
          onSaved: (cells) => {
            confirmedSaves++;
            for (const cell of cells) expected.set(`${cell.sessionId}|${cell.participationId}`, cell);
          },
        });
      }

      const started = Date.now();
      await Promise.all(Array.from({ length: LOAD_USERS }, (_, i) => pc(i)));
      const elapsed = (Date.now() - started) / 1000;

      // Every mark a PC was told was saved, read back from the file.
      const read = checker.prepare('select mark from attendance where session_id = ? and participation_id = ?');
      const lostWrites = [...expected.values()].filter(
        (e) => (read.get(e.sessionId, e.participationId) as { mark: string } | undefined)?.mark !== e.mark,
      ).length;
      const journal = checker
        .prepare("select records from journal where id > ? and method = 'attendance/save'")
        .all(journalBefore ?? 0) as { records: string }[];
      const devices = new Set(journal.flatMap((j) => j.records.match(/device:\d+/g) ?? []));
      return {
        seconds: elapsed,
        operations: [...samples.entries()].map(([name, s]) => {
          s.sort((a, b) => a - b);
          return { name, count: s.length, median: median(s), p95: p95(s) };
        }),
        errors,
        errorSamples: [...failures.entries()].map(([what, n]) => `${n} × ${what}`),
        confirmedSaves,
        confirmedCells: expected.size,
        lostWrites,
        journalSaves: journal.length,
        devicesInJournal: devices.size,
        loadBefore,
        loadAfter: os.loadavg()[0]!,
      };
    } finally {
      for (const transport of transports) transport.close();
      await server.close();
      await services.close();
      checker.close();
    }
  } finally {
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function lanLoadSection(r: LanLoadResult): string {
  const cpu = os.cpus()[0]?.model ?? 'inconnu';
  const rows = r.operations.map(
    (o) => `| ${o.name} | ${o.count} | ${o.median.toFixed(0)} ms | ${o.p95.toFixed(0)} ms |`,
  );
  return `${START}
## Réseau local : ${LOAD_USERS} postes appairés au serveur Passerelle pendant ${LOAD_SECONDS} s

Le serveur du bureau (\`src-main/lan/server.ts\`, HTTPS sur 127.0.0.1, la base SQLite du jeu de données copiée) et
${LOAD_USERS} postes appairés comme l'application de bureau les appaire (identité du serveur lue, code d'appairage à usage
unique, certificat épinglé), chacun connecté avec un compte. Chaque poste enchaîne sans pause la journée type :
rechercher des personnes, ouvrir la semaine d'émargement d'un de ses chantiers et l'enregistrer (chaque case
changée, envoyée avec la valeur affichée), imprimer un contrat de travail (le PDF est fait sur le serveur et envoyé
au poste). Les temps sont pris sur le poste : aller-retour HTTPS compris.

Machine : ${os.cpus().length} cœurs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}. Serveur, ${LOAD_USERS} postes
et Chromium (impression) tournent sur ces mêmes cœurs : charge moyenne du système
(1 min) ${r.loadBefore.toFixed(1)} au début, ${r.loadAfter.toFixed(1)} à la fin${r.loadAfter > os.cpus().length ? ' (au-delà du nombre de cœurs, du fait de ces onze processus et de ce qui précède dans le passage : les temps en sont allongés)' : ''}.

| Opération | Nombre | Médiane | p95 |
| --- | --- | --- | --- |
${rows.join('\n')}

- ${r.seconds.toFixed(0)} s, ${r.errors} erreur${r.errors > 1 ? 's' : ''}${r.errorSamples.length ? ` (${r.errorSamples.join(' ; ')})` : ''}.
- ${r.confirmedSaves} enregistrements de semaine confirmés aux postes (${r.confirmedCells} cases, dernière valeur de chacune relue dans la base à la fin) : ${r.lostWrites} écriture${r.lostWrites > 1 ? 's' : ''} perdue${r.lostWrites > 1 ? 's' : ''}.
- ${r.journalSaves} entrées « attendance/save » au journal, au nom de ${r.devicesInJournal} poste${r.devicesInJournal > 1 ? 's' : ''} différent${r.devicesInJournal > 1 ? 's' : ''}.
- Sur le réseau d'une mairie, ajouter à chaque appel l'aller-retour du réseau (quelques dixièmes de milliseconde à
  quelques millisecondes en filaire) ; les postes ne calculent rien, le serveur fait tout le travail.

Pour reproduire : \`npm run bench:data && npx tsx scripts/bench/lan-load.ts\` (ou \`npm run bench\`, qui l'inclut).
${END}
`;
}

/** Runs the load test and puts its section in BENCHMARKS.md (replacing the previous one, or at the end). */
export async function benchLanLoad(): Promise<void> {
  const result = await runLanLoad();
  console.log(
    `Réseau local : ${result.operations.map((o) => `${o.name} ${o.count}× p95 ${o.p95.toFixed(0)} ms`).join(', ')} ; ${result.errors} erreur(s) ; ${result.lostWrites} écriture(s) perdue(s)`,
  );
  const file = path.join(root, 'BENCHMARKS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = lanLoadSection(result);
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${section}${text.slice(end + END.length + 1)}`
      : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(file, next);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchLanLoad();
}
