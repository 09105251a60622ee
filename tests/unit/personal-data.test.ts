import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { personExport } from '../../src-main/app/person-export';
import { openDatabase } from '../../src-main/db/open';
import { scrubDeclared } from '../../src-main/db/repositories/anonymisation';
import { scrubImmersions } from '../../src-main/db/repositories/pmsmp';
import type { OrganisationKind } from '../../src-main/shared/contract/people-lists';
import { EXPORT_SECTIONS, isOwnerColumn, OWNER_COLUMNS, PERSONAL_DATA } from '../../src-main/db/personal-data';
import { configured, fakeClock, tempDir } from './support/services';
import { insertParticipation, insertPerson, insertWorksite } from './support/stats-fixture';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const OWNER_SQL_COLUMNS = Object.keys(OWNER_COLUMNS).map(snake);

const migrated = () =>
  openDatabase(path.join(tempDir(), 'passerelle.sqlite'), { backupDir: path.join(tempDir(), 'sauvegardes') });

/** Every table of the schema with its columns, as SQLite describes them. */
function schemaOf(sqlite: SqliteDatabase.Database): Map<string, string[]> {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string }[];
  return new Map(
    tables.map(({ name }) => [name, (sqlite.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name)]),
  );
}

/** Tables pointing at a person (or at one of their contracts, parcours, evaluations, appointments) that the registry does not declare. */
function escaping(schema: Map<string, string[]>): string[] {
  const declared = new Set(PERSONAL_DATA.map((t) => snake(t.table)));
  return [...schema]
    .filter(([table, columns]) => columns.some((c) => OWNER_SQL_COLUMNS.includes(c)) && !declared.has(table))
    .map(([table]) => table);
}

describe('personal data, registered once (db/personal-data.ts)', () => {
  it('declares every table of the migrated schema that points at a person', async () => {
    const opened = await migrated();
    try {
      const schema = schemaOf(opened.sqlite);
      expect(escaping(schema)).toEqual([]);
      // The check bites: a new table holding a person_id, undeclared, is caught.
      opened.sqlite.exec(
        'create table person_notes (id integer primary key, person_id integer not null, note text not null)',
      );
      expect(escaping(schemaOf(opened.sqlite))).toEqual(['person_notes']);
    } finally {
      await opened.close();
    }
  });

  it('names only real tables and columns, each table once, every exception with its reason', async () => {
    const opened = await migrated();
    try {
      const schema = schemaOf(opened.sqlite);
      expect(new Set(PERSONAL_DATA.map((t) => t.table)).size).toBe(PERSONAL_DATA.length);
      for (const declared of PERSONAL_DATA) {
        const columns = schema.get(snake(declared.table));
        expect(columns, declared.table).toBeDefined();
        const keys = declared.key === 'content' ? [] : typeof declared.key === 'string' ? [declared.key] : declared.key;
        for (const key of keys) expect(columns, `${declared.table}.${key}`).toContain(snake(key));
        if ('blank' in declared.scrub)
          for (const column of declared.scrub.blank)
            expect(columns, `${declared.table}.${column}`).toContain(snake(column));
        if ('none' in declared.export) expect(declared.export.none.length, declared.table).toBeGreaterThan(10);
        if ('keep' in declared.scrub) expect(declared.scrub.keep.length, declared.table).toBeGreaterThan(10);
        if ('rewrite' in declared.scrub) expect(declared.scrub.rewrite.length, declared.table).toBeGreaterThan(10);
        // A plain scrub runs from the list by its one key column: any other key would leave the rows untouched.
        if ('blank' in declared.scrub || 'delete' in declared.scrub)
          expect(isOwnerColumn(declared.key), declared.table).toBe(true);
      }
      // Each key column points at a table that itself leads to the person.
      for (const target of Object.values(OWNER_COLUMNS)) expect(PERSONAL_DATA.map((t) => t.table)).toContain(target);
    } finally {
      await opened.close();
    }
  });

  it('gives back exactly the sections it declares, in order, even for a person with almost nothing recorded', async () => {
    const { services } = await configured({ clock: fakeClock('2026-07-01T09:00:00.000Z') });
    const worksiteId = await insertWorksite(services, { name: 'Espaces verts', kind: 'aci', startDate: '2026-06-01' });
    const { personId, journeyId } = await insertPerson(
      services,
      { sex: 'F', birthDate: '1990-04-12', resources: 'rsa', education: '5' },
      1,
    );
    await insertParticipation(services, {
      worksiteId,
      personId,
      journeyId,
      startDate: '2026-06-01',
      endDate: '2026-11-30',
    });
    const alone = await insertPerson(
      services,
      { sex: 'M', birthDate: '1985-01-02', resources: 'ass', education: '4' },
      2,
    );
    for (const id of [personId, alone.personId]) {
      const exported = await personExport(services.db, id, 'CCAS', '2026-07-01');
      expect(exported.sections.map((s) => s.title)).toEqual(EXPORT_SECTIONS);
    }
    expect(EXPORT_SECTIONS).toHaveLength(20);
  });

  it('empties the free texts and deletes the rows it declares so, for the people anonymised only', async () => {
    const { services } = await configured({ clock: fakeClock('2026-07-01T09:00:00.000Z') });
    const db = services.db;
    const at = '2026-07-01T09:00:00.000Z';
    const worksiteId = await insertWorksite(services, { name: 'Espaces verts', kind: 'aci', startDate: '2026-06-01' });
    const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const criterionId = (
      await db
        .insertInto('evaluationCriteria')
        .values({ section: 'savoir_etre', label: 'Ponctualité', position: 1, archived: 0, createdAt: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const people: number[] = [];
    for (const n of [1, 2]) {
      const secret = `SECRET-${n}`;
      const { personId, journeyId } = await insertPerson(
        services,
        { sex: 'F', birthDate: '1990-04-12', resources: 'rsa', education: '5' },
        n,
      );
      const participationId = await insertParticipation(services, {
        worksiteId,
        personId,
        journeyId,
        startDate: '2026-06-01',
        endDate: '2026-11-30',
      });
      people.push(personId);
      await db
        .insertInto('personSituations')
        .values({
          personId,
          observedOn: '2026-06-01',
          resources: 'rsa',
          rsaMonths: null,
          franceTravailSince: null,
          educationLevel: '5',
          rqth: 'non',
          housing: secret,
          drivingLicence: 0,
          vehicle: 0,
          publicTransport: 1,
          createdAt: at,
          createdBy: null,
        })
        .execute();
      await db
        .insertInto('journeyEvents')
        .values({
          journeyId,
          status: 'refusee',
          happenedOn: '2026-05-01',
          reason: secret,
          createdAt: at,
          createdBy: null,
        })
        .execute();
      await db
        .insertInto('obstacles')
        .values({
          personId,
          kind: 'mobilite',
          identifiedOn: '2026-05-01',
          actions: secret,
          resolvedOn: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      const evaluationId = (
        await db
          .insertInto('evaluations')
          .values({
            participationId,
            moment: 'debut',
            evaluator: 'encadrant',
            evaluatedOn: '2026-06-02',
            authorId: null,
            createdAt: at,
            updatedAt: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('evaluationItems')
        .values({ evaluationId, criterionId, level: 'acquis', comment: secret })
        .execute();
      await db
        .insertInto('observations')
        .values({
          participationId,
          observedOn: '2026-06-03',
          kind: 'progres',
          text: secret,
          authorId: null,
          obstacleId: null,
          createdAt: at,
        })
        .execute();
      await db
        .insertInto('healthChecks')
        .values({
          participationId,
          kind: 'vip',
          date: '2026-06-04',
          paperReceived: 1,
          restrictions: secret,
          inaptitude: 0,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await db
        .insertInto('bilans')
        .values({
          participationId,
          participantWords: secret,
          teamAssessment: secret,
          orientation: null,
          nextSteps: secret,
          referentToInform: secret,
          activitiesDone: secret,
          updatedAt: at,
        })
        .execute();
      const annexTimeId = (
        await db
          .insertInto('annexTimes')
          .values({
            participationId,
            kind: 'psychologue',
            date: '2026-06-05',
            startMinutes: 540,
            endMinutes: 600,
            paid: 1,
            done: 1,
            createdAt: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('psychologistNotes')
        .values({ annexTimeId, authorId: userId, note: secret, updatedAt: at })
        .execute();
      await db
        .insertInto('rightsRequests')
        .values({
          personId,
          kind: 'acces',
          receivedOn: '2026-06-06',
          dueOn: '2026-07-06',
          answeredOn: null,
          notes: secret,
          createdBy: null,
          createdAt: at,
        })
        .execute();
      await db
        .insertInto('regularisations')
        .values({
          participationId,
          date: '2026-06-08',
          workedDelta: 0,
          paidDelta: 0,
          reason: secret,
          handoffId: null,
          createdBy: null,
          createdAt: at,
        })
        .execute();
      await db.insertInto('employeeNumbers').values({ personId, employerId: 1, matricule: secret }).execute();
      await db
        .insertInto('iaeCriteria')
        .values({
          personId,
          code: 'RSA',
          proofType: secret,
          proofDate: '2026-06-01',
          validUntil: null,
          attachmentId: null,
          authorId: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      const passId = (
        await db
          .insertInto('passIae')
          .values({
            personId,
            number: secret,
            startDate: '2026-06-01',
            endDate: '2028-05-30',
            authorId: null,
            createdAt: at,
            updatedAt: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('passIaeProlongations')
        .values({
          passId,
          personId,
          reason: 'RQTH',
          startDate: '2028-05-30',
          endDate: '2029-05-30',
          decidedOn: '2028-05-01',
          decidedBy: secret,
          authorId: null,
          createdAt: at,
        })
        .execute();
    }
    const scrubbed = PERSONAL_DATA.filter((t) => 'blank' in t.scrub || 'delete' in t.scrub);
    const text = async () => {
      const all: string[] = [];
      for (const t of scrubbed)
        all.push(JSON.stringify((await sql`select * from ${sql.table(t.table)}`.execute(db)).rows));
      return all;
    };
    // Every scrubbed table holds both secrets before: the seed covers the whole list.
    for (const [i, rows] of (await text()).entries())
      expect(rows, scrubbed[i]!.table).toMatch(/SECRET-1[\s\S]*SECRET-2/);
    await db.transaction().execute((tx) => scrubDeclared(tx, [people[0]!]));
    for (const [i, rows] of (await text()).entries()) {
      expect(rows, scrubbed[i]!.table).not.toContain('SECRET-1');
      expect(rows, scrubbed[i]!.table).toContain('SECRET-2');
    }
    expect(await db.selectFrom('employeeNumbers').select('personId').execute()).toEqual([{ personId: people[1] }]);
  });

  it('empties an immersion’s goals and bilan texts for the people anonymised only, and keeps what the statistics count', async () => {
    const { services } = await configured({ clock: fakeClock('2026-07-01T09:00:00.000Z') });
    const db = services.db;
    const at = '2026-07-01T09:00:00.000Z';
    const organisation = async (name: string, kind: OrganisationKind) =>
      (
        await db
          .insertInto('organisations')
          .values({ name, kind, address: '', phone: '', email: '', createdAt: at, updatedAt: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const host = await organisation('Boulangerie du port', 'partenaire');
    const prescriber = await organisation('France Travail Brest', 'prescripteur');
    const people: number[] = [];
    for (const n of [1, 2]) {
      const secret = `SECRET-${n}`;
      const { personId } = await insertPerson(
        services,
        { sex: 'F', birthDate: '1990-04-12', resources: 'rsa', education: '5' },
        n,
      );
      people.push(personId);
      await db
        .insertInto('immersions')
        .values({
          personId,
          renewalOf: null,
          hostOrganisationId: host,
          hostSiret: '',
          hostActivity: '',
          place: '',
          tutorName: 'Yann Le Bihan',
          tutorFunction: '',
          tutorPhone: '',
          tutorEmail: '',
          objective: 'decouvrir',
          trade: 'Boulanger',
          goals: secret,
          startDate: '2026-06-01',
          endDate: '2026-06-12',
          schedule: '[]',
          tasks: '',
          skills: '',
          risks: '',
          equipment: '',
          prescriberKind: 'france_travail',
          prescriberOrganisationId: prescriber,
          prescriberContactId: null,
          referentName: '',
          referentFunction: '',
          outcome: 'realisee',
          missedMinutes: 0,
          skillsObserved: secret,
          followUp: secret,
          bilanComment: null,
          bilanOn: '2026-06-12',
          conventionNumber: null,
          bilanNumber: null,
          authorId: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    }
    await db.transaction().execute((tx) => scrubImmersions(tx, [people[0]!]));
    const rows = await db
      .selectFrom('immersions')
      .select(['personId', 'goals', 'skillsObserved', 'followUp', 'bilanComment', 'outcome', 'startDate'])
      .orderBy('personId')
      .execute();
    expect(rows).toEqual([
      {
        personId: people[0],
        goals: '',
        skillsObserved: '',
        followUp: '',
        bilanComment: null,
        outcome: 'realisee',
        startDate: '2026-06-01',
      },
      {
        personId: people[1],
        goals: 'SECRET-2',
        skillsObserved: 'SECRET-2',
        followUp: 'SECRET-2',
        bilanComment: null,
        outcome: 'realisee',
        startDate: '2026-06-01',
      },
    ]);
  });
});
