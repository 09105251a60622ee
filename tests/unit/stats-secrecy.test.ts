import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { exposedCells, type States } from '../../src-main/domain/secrecy';
import { printedCounts, secrecyReport, type RawFigures } from '../../src-main/app/stats-secrecy';
import {
  PERSON_BREAKDOWNS,
  SMALL_FIGURES_WARNING,
  type StatsFigures,
  type StatsFilter,
} from '../../src-main/shared/contract/stats';
import { caller, configured, sessionAs, tempDir, valueOf } from './support/services';
import { keep, pdfText } from './support/pdf';
import {
  insertImmersion,
  insertOrganisation,
  insertParticipation,
  insertPerson,
  insertSession,
  insertWorksite,
} from './support/stats-fixture';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/**
 * A small structure where many counts are under 5: 26 people on 4 worksites
 * (two funded, two ACI), random sex, age and resources, contracts through
 * 2025 and a few around today (the test clock's 2 March 2026).
 */
async function smallStructure() {
  const setup = await configured({ printer });
  const { services } = setup;
  const funder = await services.db
    .insertInto('organisations')
    .values({
      name: 'Département',
      kind: 'financeur',
      address: '',
      phone: '',
      email: '',
      createdAt: 'x',
      updatedAt: 'x',
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  const sites: number[] = [];
  for (let i = 0; i < 4; i++) {
    const id = await insertWorksite(services, {
      name: `S${i}`,
      startDate: '2025-01-06',
      kind: i % 2 ? 'aci' : 'mesp',
      funderId: i < 2 ? funder.id : undefined,
    });
    for (let day = Date.UTC(2025, 0, 7); day <= Date.UTC(2026, 2, 10); day += 7 * 86400000)
      await insertSession(services, id, new Date(day).toISOString().slice(0, 10));
    sites.push(id);
  }
  const resources = ['rsa', 'ass', 'aah', 'sans_ressources'] as const;
  const people: { personId: number; start: string; end: string }[] = [];
  for (let i = 0; i < 26; i++) {
    const birthDate = `${1962 + random(44)}-0${1 + random(9)}-1${random(9)}`;
    const ids = await insertPerson(
      services,
      {
        sex: random(2) ? 'F' : 'M',
        birthDate,
        resources: resources[random(4)]!,
        education: (['infra3', '3', '4'] as const)[random(3)]!,
      },
      i,
    );
    const start =
      i < 22
        ? new Date(Date.UTC(2025, random(12), 1 + random(27))).toISOString().slice(0, 10)
        : ['2026-02-02', '2026-03-02', '2026-03-03', '2026-04-06'][i - 22]!;
    const end = new Date(Date.parse(`${start}T00:00:00Z`) + (27 + random(90)) * 86400000).toISOString().slice(0, 10);
    await insertParticipation(services, { worksiteId: sites[random(4)]!, ...ids, startDate: start, endDate: end });
    people.push({ personId: ids.personId, start, end });
  }
  // Immersions of 14 of them during their contract: small counts by object and bilan, one still to come.
  const host = await insertOrganisation(services, 'Entreprise d’accueil');
  const prescriber = await insertOrganisation(services, 'France Travail', 'prescripteur');
  for (const [n, p] of people.slice(0, 14).entries()) {
    const outcome = ([null, 'realisee', 'partielle', 'non_realisee', 'realisee'] as const)[random(5)]!;
    await insertImmersion(services, {
      personId: p.personId,
      hostId: host,
      prescriberId: prescriber,
      objective: (['decouvrir', 'confirmer', 'recruter'] as const)[random(3)]!,
      startDate: p.start,
      endDate: p.start,
      outcome: n % 5 === 4 ? null : outcome,
    });
  }
  const reader = caller(services, await sessionAs(services, 'lecture_seule', 'Direction'));
  const coordination = caller(services, await sessionAs(services, 'coordination', 'Coordinatrice'));
  return { ...setup, funderId: funder.id, reader, coordination };
}

/** The figures in full, as the secrecy model reads them. */
function rawOf(truth: StatsFigures): RawFigures {
  return {
    figures: truth.figures.map((f) => ({ key: f.key, label: f.label, value: f.value!, unit: f.unit, info: f.info })),
    breakdowns: truth.breakdowns.map((b) => ({
      key: b.key,
      label: b.label,
      info: b.info,
      rows: b.rows.map((r) => ({ key: r.key, label: r.label, count: r.count! })),
      total: b.total.count!,
      people: (PERSON_BREAKDOWNS as readonly string[]).includes(b.key),
    })),
    cross: { ...truth.cross, cells: truth.cross.cells.map((row) => row.map((c) => c.count!)) },
    immersions: { ...truth.immersions, cells: truth.immersions.cells.map((row) => row.map((c) => c.count!)) },
  };
}

/**
 * The attacker's check on one published report: every count of 1 to 4 people
 * is hidden, a figure is hidden in every table that prints it or in none,
 * shown counts are true, and no hidden count can be narrowed to one value
 * from all the report shows.
 */
function expectProtected(published: StatsFigures, truth: StatsFigures) {
  const values = new Map(printedCounts(truth).map((p) => [p.id, p.shown.count!]));
  const states: States = new Map();
  for (const { id, shown } of printedCounts(published)) {
    const value = values.get(id)!;
    const state = shown.count === null ? (value > 0 && value < 5 ? 'primary' : 'complementary') : 'shown';
    if (states.has(id)) expect(states.get(id), `${id} printed hidden and shown`).toBe(state);
    states.set(id, state);
    if (shown.count !== null) expect(shown.count, id).toBe(value);
    else expect(shown.masked, id).toBe(value < 5 ? '< 5' : 's');
    if (value > 0 && value < 5) expect(shown.count, `${id} = ${value}`).toBeNull();
  }
  expect(exposedCells(secrecyReport(rawOf(truth)), states)).toEqual([]);
  // Worksites, half-days and hours are never hidden.
  for (const f of published.figures.filter((x) =>
    ['worksites', 'sessions', 'hoursWorked', 'hoursPaid', 'attendanceRate'].includes(x.key),
  ))
    expect(f.value).not.toBeNull();
}

const FILTERS: [string, StatsFilter][] = [
  ['the year 2025', { from: '2025-01-01', to: '2025-12-31' }],
  ['a quarter', { from: '2025-04-01', to: '2025-06-30' }],
  ['one day', { from: '2025-06-10', to: '2025-06-10' }],
  ['ACI worksites only', { from: '2025-01-01', to: '2025-12-31', kind: 'aci' }],
  ['the current year, mid-way', { from: '2026-01-01', to: '2026-12-31' }],
];

describe('statistical secrecy on every report the app makes', () => {
  it.each(FILTERS)(
    'the screen protects %s the same for lecture seule and for staff; lecture seule cannot ask for small figures',
    async (_, filter) => {
      const { call, reader } = await smallStructure();
      const truth = valueOf(await call('stats/figures', { ...filter, showSmall: true }));
      expect(truth.smallFiguresShown).toBe(true);
      const staffScreen = valueOf(await call('stats/figures', filter));
      const readerScreen = valueOf(await reader('stats/figures', filter));
      expect(readerScreen).toEqual(staffScreen);
      expectProtected(readerScreen, truth);
      expect(readerScreen.smallFiguresShown).toBe(false);
      expect(await reader('stats/figures', { ...filter, showSmall: true })).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Seules les personnes autorisées à voir les personnes peuvent afficher les petits effectifs.',
        },
      });
    },
  );

  it('has small counts to protect in this structure (the checks above are not vacuous)', async () => {
    const { call, funderId } = await smallStructure();
    const year = valueOf(
      await call('stats/figures', { from: '2025-01-01', to: '2025-12-31', funderId, showSmall: true }),
    );
    const small = printedCounts(year).filter((p) => p.shown.count! > 0 && p.shown.count! < 5);
    expect(small.length).toBeGreaterThan(5);
    const protectedYear = valueOf(await call('stats/figures', { from: '2025-01-01', to: '2025-12-31', funderId }));
    expectProtected(protectedYear, year);
    expect(printedCounts(protectedYear).some((p) => p.shown.masked === 's')).toBe(true);
  });

  it.each([
    ['the year for the funder', { from: '2025-01-01', to: '2025-12-31', withFunder: true }],
    ['one day', { from: '2025-06-10', to: '2025-06-10', withFunder: false }],
  ])('the PDF and the xlsx of %s print what the screen shows, hidden cells included', async (_, period) => {
    const { reader, funderId } = await smallStructure();
    const filter: StatsFilter = { from: period.from, to: period.to, funderId: period.withFunder ? funderId : null };
    const screen = valueOf(await reader('stats/figures', filter));
    const folder = tempDir('passerelle-secret-');
    const report = valueOf(await reader('stats/report', { filter, title: 'Bilan', commentary: '', folder: null }));
    const text = pdfText(keep('rapport-secret', Buffer.from(report.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
    const printed = printedCounts(screen);
    // One "< 5" per hidden small count printed, and the one of the note.
    expect(text.match(/<\s?5/g)!.length).toBe(printed.filter((p) => p.shown.masked === '< 5').length + 1);
    // (The two exit figures' labels wrap around their value.)
    for (const f of screen.figures.filter((x) =>
      ['people', 'upcoming', 'newEntries', 'worksites', 'sessions'].includes(x.key),
    ))
      expect(text.replace(/<\s?5/g, '< 5')).toContain(`${f.label} ${f.value ?? f.masked}`);
    expect(text).not.toContain(SMALL_FIGURES_WARNING);

    const exported = valueOf(await reader('stats/export', { filter, folder }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(exported.path) as unknown as ArrayBuffer);
    const rows = (sheet: string) => {
      const found: unknown[][] = [];
      book.getWorksheet(sheet)!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
      return found;
    };
    const shownValue = (c: { count: number | null; masked: string | null }) => c.count ?? c.masked;
    for (const b of screen.breakdowns) {
      const sheet = rows(b.label.slice(0, 31));
      for (const r of [...b.rows, { label: 'Total', ...b.total }])
        expect(sheet.find((x) => x[0] === r.label)?.[1], `${b.label} / ${r.label}`).toBe(shownValue(r));
    }
    const cross = rows('Sexe et âge à l’entrée');
    screen.cross.rows.forEach((label, r) =>
      expect(cross.find((x) => x[0] === label)!.slice(1)).toEqual([
        ...screen.cross.cells[r]!.map(shownValue),
        shownValue(screen.cross.rowTotals[r]!),
      ]),
    );
    expect(cross.find((x) => x[0] === 'Total')!.slice(1)).toEqual([
      ...screen.cross.columnTotals.map(shownValue),
      shownValue(screen.cross.total),
    ]);
    const immersions = rows('Immersions (PMSMP)');
    screen.immersions.rows.forEach((label, r) =>
      expect(immersions.find((x) => x[0] === label)!.slice(1)).toEqual([
        ...screen.immersions.cells[r]!.map(shownValue),
        shownValue(screen.immersions.rowTotals[r]!),
      ]),
    );
    expect(immersions.find((x) => x[0] === 'Total')!.slice(1)).toEqual([
      ...screen.immersions.columnTotals.map(shownValue),
      shownValue(screen.immersions.total),
    ]);
    expect(text).toContain('Immersions (PMSMP)');
    const summary = rows('Chiffres clés');
    for (const f of screen.figures.filter((x) => x.unit === 'count'))
      expect(summary.find((x) => x[0] === f.label)?.[1]).toBe(f.value ?? f.masked);
  });

  it('small figures in full: only for staff who ask, and the report’s title says so', async () => {
    const { coordination, reader } = await smallStructure();
    const filter: StatsFilter = { from: '2025-01-01', to: '2025-12-31', showSmall: true };
    const full = valueOf(await coordination('stats/figures', filter));
    expect(printedCounts(full).every((p) => p.shown.count !== null)).toBe(true);
    const report = valueOf(
      await coordination('stats/report', { filter, title: 'Bilan interne', commentary: '', folder: null }),
    );
    const text = pdfText(keep('rapport-interne', Buffer.from(report.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
    expect(text).toContain(`Bilan interne — ${SMALL_FIGURES_WARNING}`);
    // Only the note's « < 5 ».
    expect(text.match(/<\s?5/g)).toHaveLength(1);
    const folder = tempDir('passerelle-interne-');
    const exported = valueOf(await coordination('stats/export', { filter, folder }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(exported.path) as unknown as ArrayBuffer);
    expect(String(book.getWorksheet('Chiffres clés')!.getCell('A1').value)).toContain(SMALL_FIGURES_WARNING);
    for (const method of ['stats/report', 'stats/export'] as const) {
      const input =
        method === 'stats/report' ? { filter, title: '', commentary: '', folder: null } : { filter, folder };
      expect(await reader(method, input as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
