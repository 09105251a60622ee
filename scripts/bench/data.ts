/**
 * `npm run bench:data`: a clearly fictional large structure over 10 years
 * (2016–2025), the same bytes every run (seeded random): about 5,000 people,
 * 600 worksites (long ACI ones among them), 12,000 half-days, 60,000
 * attendance marks, evaluations, 20,000 documents in the registry with their
 * stored PDFs, and one month (October 2025) with 60 people for the payroll
 * hand-off. Written straight into SQLite in one transaction; the PDFs are a
 * handful of real prints copied under each registry line.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { dispatch } from '../../src-main/app/dispatch';
import { pickerDialogs } from '../../src-main/app/ports';
import { createServices } from '../../src-main/app/services';
import { ANONYMOUS } from '../../src-main/app/session';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { DOCUMENT_PREFIXES } from '../../src-main/shared/contract/documents';
import { ACTIVITIES } from '../../src-main/shared/contract/worksites';
import { addDays } from '../../src-main/shared/dates';
import { foldForSearch, nameSearchKey } from '../../src-main/shared/text';
import { demoSetup } from '../demo-data';
import { benchConnection } from './sqlite-file';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..', '..', '.bench-data');
export const BENCH_TODAY = '2026-01-15';
/** The structure has backed up for years: its backup passphrase is part of the dataset. */
export const BENCH_PASSPHRASE = 'banc-mesure-sapin-galet-hibou-tulipe-phare-radis';

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST = [
  'Martin',
  'Bernard',
  'Le Gall',
  'Kerhervé',
  'Morvan',
  'Diallo',
  'Nguyen',
  'Le Bihan',
  'Tanguy',
  'Quéméner',
  'Roux',
  'Benali',
  'Guillou',
  'Caradec',
  'Riou',
];
const FIRST = [
  'Élodie',
  'Awa',
  'Inès',
  'Marc',
  'Yann',
  'Soizic',
  'Karim',
  'Gwen',
  'Lucie',
  'Mehdi',
  'Anne',
  'Loïc',
  'Fatou',
  'Hervé',
  'Maëlle',
];
const RESOURCES = ['rsa', 'rsa', 'rsa', 'ass', 'aah', 'are', 'sans_ressources', 'salaire', 'autre'];
const EDUCATION = ['infra3', 'infra3', '3', '3', '4', '5', '6'];
const MARKS = [
  'present',
  'present',
  'present',
  'present',
  'present',
  'present',
  'retard',
  'maladie',
  'non_justifiee',
  'rdv_autorise',
];

export async function generate(): Promise<void> {
  rmSync(BENCH_DIR, { recursive: true, force: true });
  const printer = nodePdfPrinter();
  const services = await createServices({
    dataDir: BENCH_DIR,
    dialogs: pickerDialogs,
    mode: 'browser',
    version: 'bench',
    printer,
    clock: { now: () => new Date(`${BENCH_TODAY}T09:00:00Z`) },
  });
  const started = Date.now();
  try {
    const setup = await dispatch(services, 'setup/complete', demoSetup(), ANONYMOUS);
    if (!setup.ok) throw new Error(setup.error.message);
    const random = prng(20260115);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const db = benchConnection(services.paths.databaseFile);
    const now = `${BENCH_TODAY}T09:00:00.000Z`;
    const criteria = db.prepare('select id, section from evaluation_criteria').all() as {
      id: number;
      section: string;
    }[];

    db.transaction(() => {
      const funders = [1, 2, 3].map((n) =>
        Number(
          db
            .prepare(
              "insert into organisations (name, kind, address, phone, email, created_at, updated_at) values (?, 'financeur', '', '', '', ?, ?)",
            )
            .run(`Financeur fictif ${n}`, now, now).lastInsertRowid,
        ),
      );
      const prescriber = Number(
        db
          .prepare(
            "insert into organisations (name, kind, address, phone, email, created_at, updated_at) values ('France Travail (fictif)', 'prescripteur', '', '', '', ?, ?)",
          )
          .run(now, now).lastInsertRowid,
      );
      const insertPerson = db.prepare(
        `insert into persons (civility, last_name, birth_name, first_names, birth_date, sex, address, postcode, town, priority_area, phone, email, emergency_contact, nationality_group, nir, prescriber_id, referent_id, archived, search_key, created_at, updated_at)
         values (null, ?, '', ?, ?, ?, 'rue fictive', '29200', 'Kerbrénou', ?, '', '', '', null, null, ?, null, 0, ?, ?, ?)`,
      );
      const insertSituation = db.prepare(
        `insert into person_situations (person_id, observed_on, resources, rsa_months, france_travail_since, education_level, rqth, housing, driving_licence, vehicle, public_transport, created_at, created_by)
         values (?, ?, ?, null, null, ?, ?, '', 0, 0, 1, ?, null)`,
      );
      const insertJourney = db.prepare(
        "insert into journeys (person_id, status, opened_on, created_at) values (?, 'en_chantier', ?, ?)",
      );
      const people: { id: number; journeyId: number }[] = [];
      for (let n = 0; n < 5000; n++) {
        const last = `${pick(LAST)}-Fictif${n}`;
        const first = pick(FIRST);
        const birth = `${1960 + Math.floor(random() * 45)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const created = `${2015 + Math.floor(n / 500)}-06-01T09:00:00.000Z`;
        const id = Number(
          insertPerson.run(
            last,
            first,
            birth,
            random() < 0.5 ? 'F' : 'M',
            pick(['oui', 'non', 'inconnu']),
            prescriber,
            nameSearchKey(last, first),
            created,
            created,
          ).lastInsertRowid,
        );
        insertSituation.run(
          id,
          created.slice(0, 10),
          pick(RESOURCES),
          pick(EDUCATION),
          pick(['oui', 'non', 'non', 'inconnu']),
          created,
        );
        people.push({ id, journeyId: Number(insertJourney.run(id, created.slice(0, 10), created).lastInsertRowid) });
      }

      const insertWorksite = db.prepare(
        `insert into worksites (name, kind, activity, client_id, work_address, supervisor_id, coordinator_id, employer_id, start_date, weeks, capacity, morning_start, morning_end, afternoon_start, afternoon_end, status, created_at, updated_at)
         values (?, ?, ?, null, 'Atelier fictif', null, null, 1, ?, ?, ?, 510, 720, 810, 1020, 'termine', ?, ?)`,
      );
      const insertFunder = db.prepare('insert into worksite_funders (worksite_id, organisation_id) values (?, ?)');
      const insertSession = db.prepare(
        "insert into sessions (worksite_id, date, half_day, start_minutes, end_minutes, origin, cancelled_reason, cancel_kind, created_at) values (?, ?, ?, ?, ?, 'pattern', null, null, ?)",
      );
      const insertParticipation = db.prepare(
        `insert into participations (worksite_id, person_id, journey_id, contract_type, employer_id, start_date, end_date, weekly_minutes, position, hourly_cents, trial_days, created_at, updated_at)
         values (?, ?, ?, ?, 1, ?, ?, ?, 'Agent polyvalent', 1202, 4, ?, ?)`,
      );
      const insertMark = db.prepare(
        'insert into attendance (session_id, participation_id, mark, actual_start, actual_end, paid, proof_date, updated_by, updated_at) values (?, ?, ?, ?, null, ?, null, null, ?)',
      );
      const insertEvaluation = db.prepare(
        "insert into evaluations (participation_id, moment, evaluator, evaluated_on, author_id, created_at, updated_at) values (?, ?, 'encadrant', ?, null, ?, ?)",
      );
      const insertItem = db.prepare(
        "insert into evaluation_items (evaluation_id, criterion_id, level, comment) values (?, ?, ?, '')",
      );
      let personCursor = 0;
      const nextPerson = () => people[personCursor++ % people.length]!;
      // 480 MESP (4 weeks, Monday–Thursday mornings, 5 people) and 120 ACI (18 weeks, two afternoons, 6 people), over 2016–2025;
      // the 12 MESP of October 2025 make the 60-person payroll month.
      for (let w = 0; w < 600; w++) {
        const aci = w % 5 === 4;
        const october = w >= 588 && !aci;
        const year = 2016 + Math.floor(w / 60);
        const week = october ? 39 + ((w % 2) as number) : Math.floor(random() * 40);
        const monday = addDays(
          `${october ? 2025 : year}-01-05`,
          week * 7 - ((new Date(`${october ? 2025 : year}-01-05T00:00:00Z`).getUTCDay() + 6) % 7),
        );
        const weeks = aci ? 18 : 4;
        const id = Number(
          insertWorksite.run(
            `Chantier fictif ${w + 1}`,
            aci ? 'aci' : 'mesp',
            ACTIVITIES[w % ACTIVITIES.length]!,
            monday,
            weeks,
            aci ? 6 : 5,
            now,
            now,
          ).lastInsertRowid,
        );
        insertFunder.run(id, funders[w % 3]!);
        const sessions: { id: number; date: string; start: number; end: number }[] = [];
        for (let k = 0; k < weeks; k++) {
          for (const day of aci ? [1, 3] : [0, 1, 2, 3]) {
            const date = addDays(monday, k * 7 + day);
            const [start, end] = aci ? [810, 1020] : [510, 720];
            sessions.push({
              id: Number(insertSession.run(id, date, aci ? 'afternoon' : 'morning', start, end, now).lastInsertRowid),
              date,
              start,
              end,
            });
          }
        }
        const endDate = addDays(monday, weeks * 7 - 1);
        for (let p = 0; p < (aci ? 6 : 5); p++) {
          const person = nextPerson();
          const participation = Number(
            insertParticipation.run(
              id,
              person.id,
              person.journeyId,
              aci ? 'cddi' : 'cdd_usage',
              monday,
              endDate,
              aci ? 1260 : 840,
              now,
              now,
            ).lastInsertRowid,
          );
          for (const s of sessions) {
            const mark = pick(MARKS);
            insertMark.run(
              s.id,
              participation,
              mark,
              mark === 'retard' ? s.start + 30 : null,
              mark === 'present' || mark === 'retard' || mark === 'rdv_autorise' ? 1 : 0,
              now,
            );
          }
          for (const [moment, date] of [
            ['debut', addDays(monday, 1)],
            ['fin', addDays(endDate, -3)],
          ] as const) {
            const evaluation = Number(insertEvaluation.run(participation, moment, date, now, now).lastInsertRowid);
            for (const c of criteria.filter(
              (x) => x.section === 'savoir_etre' || x.section === ACTIVITIES[w % ACTIVITIES.length],
            ))
              insertItem.run(evaluation, c.id, pick(['non_acquis', 'en_cours', 'acquis', 'maitrise']));
          }
        }
      }
    })();

    // A few real contracts printed through the app, then 20,000 registry lines with their stored PDFs.
    const sample = db
      .prepare("select id from participations where contract_type = 'cdd_usage' order by id limit 8")
      .all() as { id: number }[];
    const admin = setup.value as { user: { id: number; role: 'administrateur'; displayName: string }; token: string };
    const printed: { file: string; sha: string; size: number }[] = [];
    for (const { id } of sample) {
      const result = await dispatch(
        services,
        'documents/generate',
        { kind: 'contrat_travail', participationId: id },
        { user: admin.user, token: admin.token },
      );
      if (!result.ok) throw new Error(result.error.message);
      const row = result.value as { id: number };
      const stored = db
        .prepare('select stored_file as file, sha256 as sha, size from documents where id = ?')
        .get(row.id) as { file: string; sha: string; size: number };
      printed.push(stored);
    }
    const participations = db
      .prepare(
        'select id, person_id as personId, worksite_id as worksiteId, start_date as start from participations order by id',
      )
      .all() as { id: number; personId: number; worksiteId: number; start: string }[];
    const insertDocument = db.prepare(
      `insert into documents (kind, number, version, person_id, worksite_id, participation_id, week_of, title, file_name, stored_file, sha256, size, snapshot, author_id, created_at)
       values (?, ?, 1, ?, ?, ?, null, ?, ?, ?, ?, ?, '{}', null, ?)`,
    );
    const kinds = [
      'contrat_travail',
      'convocation',
      'attestation_presence',
      'certificat_travail',
      'mise_a_disposition',
      'planning_personne',
    ];
    const counters = new Map<string, number>();
    db.transaction(() => {
      for (let n = 0; n < 20000 - printed.length; n++) {
        const p = participations[n % participations.length]!;
        const kind = kinds[Math.floor(n / participations.length) % kinds.length]!;
        const year = p.start.slice(0, 4);
        const key = `${kind}-${year}`;
        const count = (counters.get(key) ?? 100) + 1;
        counters.set(key, count);
        const source = printed[n % printed.length]!;
        const number = `${DOCUMENT_PREFIXES[kind as keyof typeof DOCUMENT_PREFIXES]}-${year}-F${String(count).padStart(5, '0')}`;
        const storedFile = `${number}-v1.pdf`;
        copyFileSync(
          path.join(services.paths.documentsDir, source.file),
          path.join(services.paths.documentsDir, storedFile),
        );
        insertDocument.run(
          kind,
          number,
          p.personId,
          p.worksiteId,
          p.id,
          `Document fictif ${number}`,
          `${number}.pdf`,
          storedFile,
          source.sha,
          source.size,
          `${p.start}T09:00:00.000Z`,
        );
      }
    })();
    // Rows written straight in SQL: their stored folded search text (migration 028), as the repositories write it.
    db.transaction(() => {
      for (const [table, column, sources] of [
        ['persons', 'name_folded', "first_names || ' ' || last_name"],
        ['worksites', 'name_folded', 'name'],
        ['employers', 'name_folded', 'name'],
        ['documents', 'title_folded', "title || ' ' || number"],
      ] as const) {
        const update = db.prepare(`update ${table} set ${column} = ? where id = ?`);
        for (const row of db.prepare(`select id, ${sources} as text from ${table}`).all() as {
          id: number;
          text: string;
        }[])
          update.run(foldForSearch(row.text), row.id);
      }
    })();
    const keyed = await dispatch(
      services,
      'backup/setPassphrase',
      { passphrase: BENCH_PASSPHRASE },
      { user: admin.user, token: admin.token },
    );
    if (!keyed.ok) throw new Error(keyed.error.message);
    const counts = db
      .prepare(
        'select (select count(*) from persons) p, (select count(*) from worksites) w, (select count(*) from sessions) s, (select count(*) from attendance) a, (select count(*) from evaluations) e, (select count(*) from documents) d',
      )
      .get();
    writeFileSync(
      path.join(BENCH_DIR, 'donnees-fictives.json'),
      JSON.stringify(
        { today: BENCH_TODAY, counts, hash: createHash('sha256').update(JSON.stringify(counts)).digest('hex') },
        null,
        2,
      ),
    );
    console.log(
      `Jeu de données fictif écrit dans ${BENCH_DIR} en ${((Date.now() - started) / 1000).toFixed(1)} s :`,
      counts,
    );
    db.close();
  } finally {
    await services.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  mkdirSync(path.dirname(BENCH_DIR), { recursive: true });
  await generate();
}
