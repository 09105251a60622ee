import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { ageAt, ageBracket, entries, fineAgeBracket, overlaps } from '../../src-main/domain/statistics';
import type { StatsFigures } from '../../src-main/shared/contract/stats';
import { caller, configured, sessionAs, tempDir, valueOf } from './support/services';
import { keep, LEAKS, pdfText } from './support/pdf';
import { handWrittenStats, sameFigures } from '../../scripts/bench/stats-floor';
import {
  insertParticipation,
  insertPerson,
  insertSession,
  insertWorksite,
  type FixturePerson,
} from './support/stats-fixture';
import { sqliteFile } from './support/sqlite-file';
import { testEngine } from './support/postgres';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
const rowsOf = (figures: StatsFigures, key: string) =>
  Object.fromEntries(
    figures.breakdowns
      .find((b) => b.key === key)!
      .rows.filter((r) => r.count !== 0)
      .map((r) => [r.key, r.count]),
  );
const figure = (figures: StatsFigures, key: string) => figures.figures.find((f) => f.key === key)!.value;

describe('counting rules', () => {
  it.each([
    ['1990-06-15', '2025-06-14', 34],
    ['1990-06-15', '2025-06-15', 35], // birthday on the entry day
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['1999-01-01', '2025-01-01', 26],
  ])('a person born %s is %i… on %s', (birth, day, age) => {
    expect(ageAt(birth, day)).toBe(age);
  });

  it('puts 25 and 26, 49 and 50 on either side of the funders’ brackets; the fine brackets fit inside them', () => {
    expect([25, 26, 49, 50].map(ageBracket)).toEqual(['moins_26', '26_49', '26_49', '50_plus']);
    fc.assert(
      fc.property(fc.integer({ min: 14, max: 80 }), (age) => {
        const fine = fineAgeBracket(age);
        const broad = ageBracket(age);
        const inside: Record<string, string> = {
          moins_21: 'moins_26',
          '21_25': 'moins_26',
          '26_34': '26_49',
          '35_44': '26_49',
          '45_49': '26_49',
          '50_54': '50_plus',
          '55_plus': '50_plus',
        };
        expect(inside[fine]).toBe(broad);
      }),
    );
  });

  it('counts a person once however many worksites, entered on their first parcours of the period; a parcours crossing years counts in both', () => {
    const parcours = [
      { personId: 1, start: '2025-03-02', end: '2025-03-29' },
      { personId: 1, start: '2025-09-01', end: '2025-12-19' },
      { personId: 2, start: '2024-12-01', end: '2025-01-31' },
    ];
    expect(entries(parcours, YEAR_2025)).toEqual(
      new Map([
        [1, '2025-03-02'],
        [2, '2024-12-01'],
      ]),
    );
    expect(entries(parcours, { from: '2024-01-01', to: '2024-12-31' })).toEqual(new Map([[2, '2024-12-01']]));
    expect(overlaps({ start: '2025-12-31', end: '2026-01-02' }, YEAR_2025)).toBe(true);
    expect(overlaps({ start: '2024-12-01', end: '2024-12-31' }, YEAR_2025)).toBe(false);
  });

  it('applies the same rules through RPC: two worksites, a birthday on the entry day, a parcours across the new year, an archived person', async () => {
    const { services, call } = await configured();
    const a = await insertWorksite(services, { name: 'A', startDate: '2025-03-03' });
    const b = await insertWorksite(services, { name: 'B', startDate: '2025-09-01' });
    const winter = await insertWorksite(services, { name: 'Hiver', startDate: '2024-12-02' });
    for (const [w, d] of [
      [a, '2025-03-03'],
      [b, '2025-09-01'],
      [winter, '2024-12-02'],
      [winter, '2025-01-06'],
    ] as const)
      await insertSession(services, w, d);
    // Twice in 2025; turns 26 on her first entry day.
    const twice = await insertPerson(
      services,
      { sex: 'F', birthDate: '1999-03-03', resources: 'rsa', education: '3' },
      1,
    );
    await insertParticipation(services, { worksiteId: a, ...twice, startDate: '2025-03-03', endDate: '2025-03-30' });
    await insertParticipation(services, { worksiteId: b, ...twice, startDate: '2025-09-01', endDate: '2025-09-28' });
    // From December 2024 to January 2025, and archived since.
    const across = await insertPerson(
      services,
      { sex: 'M', birthDate: '1960-05-05', resources: 'ass', education: 'infra3', archived: true },
      2,
    );
    await insertParticipation(services, {
      worksiteId: winter,
      ...across,
      startDate: '2024-12-02',
      endDate: '2025-01-31',
    });

    // Two people: small figures shown (internal use), else secrecy hides them.
    const y2025 = valueOf(await call('stats/figures', { ...YEAR_2025, showSmall: true }));
    expect(figure(y2025, 'people')).toBe(2);
    expect(rowsOf(y2025, 'age')).toEqual({ '26_49': 1, '50_plus': 1 });
    expect(rowsOf(y2025, 'sex')).toEqual({ F: 1, M: 1 });
    // New in 2025: only the woman (the man's first parcours began in 2024).
    expect(figure(y2025, 'newEntries')).toBe(1);
    const y2024 = valueOf(await call('stats/figures', { from: '2024-01-01', to: '2024-12-31', showSmall: true }));
    expect(figure(y2024, 'people')).toBe(1);
    expect(rowsOf(y2024, 'sex')).toEqual({ M: 1 });
  });
});

describe('the edges of what counts, on each engine', () => {
  it('takes the situation at entry, the last entered of a day, else the first one after', async () => {
    const { services, call } = await configured();
    const w = await insertWorksite(services, { name: 'W', startDate: '2025-03-03' });
    await insertSession(services, w, '2025-03-04');
    const base = { sex: 'F' as const, birthDate: '1990-01-01', resources: 'rsa' as const, education: '3' as const };
    // Entered on 3 March: three situations up to that day (two of them that very day), one after.
    const before = await insertPerson(
      services,
      {
        ...base,
        situations: [
          { observedOn: '2025-01-10', resources: 'ass', education: '3' },
          { observedOn: '2025-03-03', resources: 'aah', education: '4' },
          { observedOn: '2025-03-03', resources: 'rsa', education: '5' },
          { observedOn: '2025-04-01', resources: 'sans_ressources', education: 'infra3' },
        ],
      },
      1,
    );
    await insertParticipation(services, { worksiteId: w, ...before, startDate: '2025-03-03', endDate: '2025-03-30' });
    // Entered on 2 December 2024 (the start of the parcours crossing into 2025), every situation after it:
    // the earliest day counts, and of that day the last entered.
    const after = await insertPerson(
      services,
      {
        ...base,
        situations: [
          { observedOn: '2025-01-15', resources: 'sans_ressources', education: 'infra3' },
          { observedOn: '2025-02-01', resources: 'aah', education: '4' },
          { observedOn: '2025-01-15', resources: 'ass', education: '3' },
        ],
      },
      2,
    );
    await insertParticipation(services, { worksiteId: w, ...after, startDate: '2024-12-02', endDate: '2025-01-31' });

    const y = valueOf(await call('stats/figures', { ...YEAR_2025, showSmall: true }));
    expect(rowsOf(y, 'resources')).toEqual({ rsa: 1, ass: 1 });
    expect(rowsOf(y, 'education')).toEqual({ '5': 1, '3': 1 });
  });

  it('counts the marks of the period’s half-days held within each contract, and pays the cancelled ones under contract', async () => {
    const { services, call } = await configured();
    const w = await insertWorksite(services, { name: 'W', startDate: '2025-03-03' });
    const person = { sex: 'M' as const, birthDate: '1980-05-05', resources: 'rsa' as const, education: '3' as const };
    const march = await insertPerson(services, person, 1);
    const marchContract = await insertParticipation(services, {
      worksiteId: w,
      ...march,
      startDate: '2025-03-03',
      endDate: '2025-03-30',
    });
    const winter = await insertPerson(services, person, 2);
    const winterContract = await insertParticipation(services, {
      worksiteId: w,
      ...winter,
      startDate: '2024-12-02',
      endDate: '2025-01-31',
    });
    const mark = async (
      sessionId: number,
      participationId: number,
      value: 'present' | 'retard' | 'maladie',
      more: { paid?: 0 | 1; actualStart?: number } = {},
    ) =>
      services.db
        .insertInto('attendance')
        .values({
          sessionId,
          participationId,
          mark: value,
          actualStart: more.actualStart ?? null,
          actualEnd: null,
          paid: more.paid ?? 0,
          proofDate: null,
          updatedBy: null,
          updatedAt: 'x',
        })
        .execute();
    // Each half-day is 8:30–12:00, 210 minutes.
    await mark(await insertSession(services, w, '2025-03-04'), marchContract, 'present');
    await mark(await insertSession(services, w, '2025-03-05'), marchContract, 'retard', { actualStart: 540 });
    await mark(await insertSession(services, w, '2025-03-06'), marchContract, 'maladie', { paid: 1 });
    await insertSession(services, w, '2025-03-07', 'Intempéries');
    const forceMajeure = await insertSession(services, w, '2025-03-10', 'Inondation');
    await services.db
      .updateTable('sessions')
      .set({ cancelKind: 'force_majeure' })
      .where('id', '=', forceMajeure)
      .execute();
    // After the March contract ended: neither its mark nor the cancelled half-day count.
    await mark(await insertSession(services, w, '2025-03-31'), marchContract, 'present');
    await insertSession(services, w, '2025-04-01', 'Intempéries');
    // The winter contract: a mark of 2024 (another period), one of 2025, one on a half-day cancelled since (paid
    // as cancelled, not as worked).
    await mark(await insertSession(services, w, '2024-12-03'), winterContract, 'present');
    await mark(await insertSession(services, w, '2025-01-07'), winterContract, 'present');
    await mark(await insertSession(services, w, '2025-01-08', 'Panne'), winterContract, 'present');

    const y = valueOf(await call('stats/figures', { ...YEAR_2025, showSmall: true }));
    expect(figure(y, 'worksites')).toBe(1);
    expect(figure(y, 'sessions')).toBe(5);
    // Worked: 210 + 180 (late, from 9:00) + 210.
    expect(figure(y, 'hoursWorked')).toBe(600);
    // Paid: worked + the paid sick half-day + the two half-days cancelled by the structure under contract.
    expect(figure(y, 'hoursPaid')).toBe(600 + 210 + 2 * 210);
    // Three present or late of four marks.
    expect(figure(y, 'attendanceRate')).toBe(75);
    const { calendar } = valueOf(await call('settings/get', {}));
    valueOf(
      await call('settings/updateCalendar', {
        effectiveFrom: '2025-01-01',
        region: calendar.region,
        whitMondayWorked: calendar.whitMondayWorked,
        forceMajeurePaid: true,
      }),
    );
    const paidForceMajeure = valueOf(await call('stats/figures', { ...YEAR_2025, showSmall: true }));
    expect(figure(paidForceMajeure, 'hoursPaid')).toBe(600 + 210 + 3 * 210);
  });
});

/**
 * 22 worksites and 99 people in 2025, by groups written out here:
 * A 20 women born 1 June 2002, RSA, infra 3 — B 15 men born 10 January 2003,
 * sans ressources, niveau 3 — C 25 women born 5 May 1985, RSA, niveau 3 —
 * D 22 men born 9 September 1980, ASS, infra 3 — E 10 women born 2 February
 * 1970, AAH, niveau 4 — F 7 men born 12 December 1968, RSA, niveau 5.
 * Worksite n starts on 6 January 2025 + n weeks; people are spread over them.
 */
async function brest() {
  const setup = await configured({ printer });
  const { services } = setup;
  const funder = await services.db
    .insertInto('organisations')
    .values({
      name: 'Conseil départemental',
      kind: 'financeur',
      address: '',
      phone: '',
      email: '',
      createdAt: 'x',
      updatedAt: 'x',
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const worksites: { id: number; start: string }[] = [];
  for (let n = 0; n < 22; n++) {
    const start = new Date(Date.UTC(2025, 0, 6 + 7 * n)).toISOString().slice(0, 10);
    const id = await insertWorksite(services, {
      name: `Chantier ${n + 1}`,
      startDate: start,
      funderId: n < 11 ? funder.id : undefined,
      kind: n % 2 === 0 ? 'mesp' : 'aci',
    });
    await insertSession(services, id, start);
    worksites.push({ id, start });
  }
  const groups: [number, FixturePerson][] = [
    [20, { sex: 'F', birthDate: '2002-06-01', resources: 'rsa', education: 'infra3' }],
    [15, { sex: 'M', birthDate: '2003-01-10', resources: 'sans_ressources', education: '3' }],
    [25, { sex: 'F', birthDate: '1985-05-05', resources: 'rsa', education: '3' }],
    [22, { sex: 'M', birthDate: '1980-09-09', resources: 'ass', education: 'infra3' }],
    [10, { sex: 'F', birthDate: '1970-02-02', resources: 'aah', education: '4' }],
    [7, { sex: 'M', birthDate: '1968-12-12', resources: 'rsa', education: '5' }],
  ];
  let n = 0;
  for (const [count, person] of groups) {
    for (let i = 0; i < count; i++, n++) {
      const ids = await insertPerson(services, person, n);
      const w = worksites[n % 22]!;
      const end = new Date(Date.parse(`${w.start}T00:00:00Z`) + 27 * 86400000).toISOString().slice(0, 10);
      await insertParticipation(services, { worksiteId: w.id, ...ids, startDate: w.start, endDate: end });
    }
  }
  return { ...setup, funderId: funder.id };
}

describe('the Brest table: 22 worksites, 99 people', () => {
  it('gives the hand-counted splits by sex, age, RSA, sans ressources and education level', async () => {
    const { call } = await brest();
    const y = valueOf(await call('stats/figures', YEAR_2025));
    expect(figure(y, 'worksites')).toBe(22);
    expect(figure(y, 'sessions')).toBe(22);
    expect(figure(y, 'people')).toBe(99);
    expect(figure(y, 'newEntries')).toBe(99);
    expect(rowsOf(y, 'sex')).toEqual({ F: 55, M: 44 });
    expect(rowsOf(y, 'age')).toEqual({ moins_26: 35, '26_49': 47, '50_plus': 17 });
    expect(rowsOf(y, 'resources')).toEqual({ rsa: 52, sans_ressources: 15, ass: 22, aah: 10 });
    expect(rowsOf(y, 'education')).toEqual({ infra3: 42, '3': 40, '4': 10, '5': 7 });
    expect(y.cross.cells.map((row) => row.map((c) => c.count))).toEqual([
      [20, 25, 10],
      [15, 22, 7],
    ]);
  });

  it('filters by funder and by worksite type', async () => {
    const { call, funderId } = await brest();
    // Worksites 1–11 are funded: people n (0 to 98) with n % 22 < 11, that is 4 × 11 + 11 = 55.
    const funded = valueOf(await call('stats/figures', { ...YEAR_2025, funderId }));
    expect(figure(funded, 'worksites')).toBe(11);
    expect(figure(funded, 'people')).toBe(55);
    const aci = valueOf(await call('stats/figures', { ...YEAR_2025, kind: 'aci' }));
    expect(figure(aci, 'worksites')).toBe(11);
    expect(figure(aci, 'people')).toBe(49);
    expect(await call('stats/figures', { ...YEAR_2025, funderId: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('stats/figures', { from: '2025-12-31', to: '2025-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'La fin de la période est avant son début.' },
    });
  });

  it('lists the people behind a figure, for staff only', async () => {
    const { call, services } = await brest();
    const men50 = valueOf(await call('stats/people', { filter: YEAR_2025, breakdown: 'age', category: '50_plus' }));
    expect(men50).toHaveLength(17);
    expect(valueOf(await call('stats/people', { filter: YEAR_2025, breakdown: 'sex', category: 'F' }))).toHaveLength(
      55,
    );
    expect(
      valueOf(await call('stats/people', { filter: YEAR_2025, breakdown: 'resources', category: 'sans_ressources' })),
    ).toHaveLength(15);
    // A cell of the sex × age table, and the new entries.
    expect(
      valueOf(await call('stats/people', { filter: YEAR_2025, breakdown: 'cross', category: 'F|26_49' })),
    ).toHaveLength(25);
    expect(
      valueOf(await call('stats/people', { filter: YEAR_2025, breakdown: 'newEntries', category: null })),
    ).toHaveLength(99);
    expect(
      valueOf(
        await call('stats/people', {
          filter: { from: '2026-01-01', to: '2026-12-31' },
          breakdown: 'newEntries',
          category: null,
        }),
      ),
    ).toHaveLength(0);
    expect(valueOf(await call('stats/people', { filter: YEAR_2025, breakdown: null, category: null }))).toHaveLength(
      99,
    );
    const director = caller(services, await sessionAs(services, 'lecture_seule', 'Direction'));
    expect(figure(valueOf(await director('stats/figures', YEAR_2025)), 'people')).toBe(99);
    expect(await director('stats/people', { filter: YEAR_2025, breakdown: 'sex', category: 'F' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('writes the funder report (PDF) and the .xlsx with the same figures as the screen, small cells hidden', async () => {
    const { call, funderId } = await brest();
    const screen = valueOf(await call('stats/figures', { ...YEAR_2025, funderId }));
    const folder = tempDir('passerelle-stats-');
    const report = valueOf(
      await call('stats/report', {
        filter: { ...YEAR_2025, funderId },
        title: 'Bilan 2025 pour le Département',
        commentary: 'Une année de montée en charge.',
        folder,
      }),
    );
    const file = keep('rapport-financeur', Buffer.from(report.pdfBase64, 'base64'));
    expect(report.path).toMatch(/Rapport_CCAS_de_Kerbrénou_2025-01-01_2025-12-31\.pdf$/);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).not.toMatch(LEAKS);
    expect(text).toContain('Bilan 2025 pour le Département');
    expect(text).toContain('financés par Conseil départemental');
    expect(text).toContain('Personnes accompagnées 55');
    expect(text).toContain('Une année de montée en charge.');
    const sex = screen.breakdowns.find((b) => b.key === 'sex')!;
    expect(text).toContain(`Femme ${sex.rows[0]!.count}`);
    expect(text).not.toMatch(/Fictif\d/);

    const exported = valueOf(await call('stats/export', { filter: { ...YEAR_2025, funderId }, folder }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(exported.path) as unknown as ArrayBuffer);
    const read = (sheet: string) => {
      const values = new Map<string, unknown>();
      book.getWorksheet(sheet)!.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
      return values;
    };
    for (const b of screen.breakdowns.filter((t) => ['sex', 'age', 'resources', 'education'].includes(t.key))) {
      const sheet = read(b.label);
      // The screen and the export hide the same cells.
      for (const r of b.rows) expect(sheet.get(r.label)).toBe(r.count ?? r.masked);
      expect(sheet.get('Total')).toBe(b.total.count ?? b.total.masked);
    }
    expect(read('Chiffres clés').get('Personnes accompagnées')).toBe(55);
  });
});

describe('a generated dataset, compared with a plain loop over its rows', () => {
  it('gives the same people, ages, resources and hours as counting one by one', async () => {
    const { services, call } = await configured();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The high bits: the low ones of this generator repeat every few draws (every situation came out "rsa").
      return Math.floor(seed / 65536) % n;
    };
    const sites: number[] = [];
    for (let i = 0; i < 5; i++) sites.push(await insertWorksite(services, { name: `G${i}`, startDate: '2024-06-03' }));
    const people: {
      personId: number;
      sex: string;
      birthDate: string;
      situations: { observedOn: string; resources: string }[];
    }[] = [];
    const parcours: { personId: number; participationId: number; worksiteId: number; start: string; end: string }[] =
      [];
    const resources = ['rsa', 'ass', 'aah', 'sans_ressources'] as const;
    for (let i = 0; i < 30; i++) {
      const birthDate = `${1960 + random(45)}-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
      const situations = [
        { observedOn: `2024-0${1 + random(9)}-15`, resources: resources[random(4)]!, education: '3' as const },
        { observedOn: `2025-0${1 + random(9)}-15`, resources: resources[random(4)]!, education: '3' as const },
      ];
      const sex = random(2) ? 'F' : 'M';
      const ids = await insertPerson(
        services,
        { sex: sex as 'F', birthDate, resources: situations[0]!.resources, education: '3', situations },
        i,
      );
      people.push({ personId: ids.personId, sex, birthDate, situations });
      const first = random(5);
      for (let k = 0; k < 1 + random(3); k++) {
        const start = new Date(Date.UTC(2024, random(24), 1 + random(28))).toISOString().slice(0, 10);
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + (20 + random(60)) * 86400000)
          .toISOString()
          .slice(0, 10);
        // One contract per worksite and person (the schema's rule): a different worksite each time.
        const worksiteId = sites[(first + k) % 5]!;
        const participationId = await insertParticipation(services, {
          worksiteId,
          ...ids,
          startDate: start,
          endDate: end,
        });
        parcours.push({ personId: ids.personId, participationId, worksiteId, start, end });
      }
    }
    // Half-days every Tuesday of 2024–2025 on each worksite, marks for people under contract.
    const marks: { date: string; mark: string; participationId: number }[] = [];
    for (const worksiteId of sites) {
      for (let day = Date.UTC(2024, 0, 2); day < Date.UTC(2026, 0, 1); day += 7 * 86400000) {
        const date = new Date(day).toISOString().slice(0, 10);
        const sessionId = await insertSession(services, worksiteId, date);
        for (const p of parcours.filter((x) => x.worksiteId === worksiteId && x.start <= date && x.end >= date)) {
          const mark = (['present', 'present', 'present', 'maladie', 'non_justifiee'] as const)[random(5)]!;
          await services.db
            .insertInto('attendance')
            .values({
              sessionId,
              participationId: p.participationId,
              mark,
              actualStart: null,
              actualEnd: null,
              paid: 0,
              proofDate: null,
              updatedBy: null,
              updatedAt: 'x',
            })
            .execute();
          marks.push({ date, mark, participationId: p.participationId });
        }
      }
    }

    const y = valueOf(await call('stats/figures', { ...YEAR_2025, showSmall: true }));
    // The plain loop.
    const entered = entries(parcours, YEAR_2025);
    const expectedAge: Record<string, number> = {};
    const expectedResources: Record<string, number> = {};
    const expectedSex: Record<string, number> = {};
    for (const [personId, entry] of entered) {
      const person = people.find((p) => p.personId === personId)!;
      const bracket = ageBracket(ageAt(person.birthDate, entry));
      expectedAge[bracket] = (expectedAge[bracket] ?? 0) + 1;
      expectedSex[person.sex] = (expectedSex[person.sex] ?? 0) + 1;
      const sorted = [...person.situations].sort((a, b) => a.observedOn.localeCompare(b.observedOn));
      const atEntry = sorted.filter((s) => s.observedOn <= entry).at(-1) ?? sorted[0]!;
      expectedResources[atEntry.resources] = (expectedResources[atEntry.resources] ?? 0) + 1;
    }
    const inYear = marks.filter(
      (m) =>
        m.date >= YEAR_2025.from &&
        m.date <= YEAR_2025.to &&
        parcours.some((p) => p.participationId === m.participationId && overlaps(p, YEAR_2025)),
    );
    const present = inYear.filter((m) => m.mark === 'present').length;
    expect(figure(y, 'people')).toBe(entered.size);
    expect(rowsOf(y, 'age')).toEqual(expectedAge);
    expect(rowsOf(y, 'sex')).toEqual(expectedSex);
    expect(rowsOf(y, 'resources')).toEqual(expectedResources);
    expect(figure(y, 'hoursWorked')).toBe(present * 210);
    expect(figure(y, 'attendanceRate')).toBe(Math.round((present / inYear.length) * 100));
    expect(entered.size).toBeGreaterThan(10);
    // The benchmark's floor, every figure written by hand in SQL, must count what the screen counts. The
    // floor is SQLite's SQL on the database file (scripts/bench/stats-floor.ts): checked on SQLite only.
    if (testEngine() === 'sqlite') {
      const handWritten = handWrittenStats(sqliteFile(services));
      expect(() => sameFigures(y, handWritten({ ...YEAR_2025, until: YEAR_2025.to }))).not.toThrow();
      const spring = { from: '2024-03-01', to: '2024-06-30' };
      const springFigures = valueOf(await call('stats/figures', { ...spring, showSmall: true }));
      expect(() => sameFigures(springFigures, handWritten({ ...spring, until: spring.to }))).not.toThrow();
    }
  });
});
