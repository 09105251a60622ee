import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontsDir } from '../../src-main/app/paths';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { renderPage } from '../../src-main/documents/render';
import { FSE_INDICATORS_CSS, FseIndicatorsReport } from '../../src-main/documents/templates/fse-indicators';
import { countFseIndicators, publishFseTable } from '../../src-main/domain/fse-plus-indicators';
import { FSE_CSV_COLUMNS, fseIndicatorsXlsx, fseParticipantsCsv } from '../../src-main/exports/fse-indicators';
import type { FseIndicatorsTable } from '../../src-main/shared/contract/fse-indicators';
import { keep, pdfInfo, pdfText } from './support/pdf';
import { PERIOD, TODAY, TWELVE } from './support/fse-twelve';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

const table: FseIndicatorsTable = {
  operation: {
    id: 1,
    name: 'Chantiers d’insertion 2026',
    funderName: 'Conseil départemental',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  },
  ...PERIOD,
  asOf: null,
  lines: publishFseTable(countFseIndicators(TWELVE, PERIOD, TODAY)),
};
const structure = {
  name: 'CCAS de Lormont',
  address: '1 rue de la Mairie',
  postcode: '33310',
  town: 'Lormont',
  siret: '26330249700017',
  signatoryName: 'Claire Martin',
  signatoryTitle: 'Directrice',
  phone: '0556000000',
  email: 'ccas@example.org',
  logo: null,
};

describe('FSE+ indicators table as a PDF', () => {
  it('prints every indicator with its code, by sex, the hidden cells marked and the counting rules', async () => {
    const html = renderPage(
      <FseIndicatorsReport d={{ structure, table, issuedOn: TODAY }} />,
      defaultFontsDir(),
      FSE_INDICATORS_CSS,
      { title: 'Indicateurs FSE+ — Chantiers d’insertion 2026', author: structure.name },
    );
    const file = keep('fse-indicateurs', await printer.print(html));
    expect(pdfInfo(file).a4).toBe(true);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Indicateurs communs FSE+');
    expect(text).toContain('Opération « Chantiers d’insertion 2026 » — financeur : Conseil départemental');
    expect(text).toContain('Période du 01/01/2026 au 30/06/2026');
    for (const code of ['EECO01', 'EECO02', 'EECO05', 'EECO11', 'EECO15', 'EECO17', 'EECR01', 'EECR04', 'EECR06'])
      expect(text).toContain(code);
    expect(text).toContain('Participants handicapés : refus de répondre');
    // 5 exits, 4 women and 1 man: both hidden, the 5 shown (women 1 to 4, men 1 to 4: neither can be found).
    expect(text).toMatch(/Participants sortis dans la période < ?5 < ?5 5 /);
    // 8 participants, 4 and 4: the 8 hidden too (two counts under 5 adding up to 8 are 4 and 4).
    expect(text).toMatch(/Nombre total de participants < ?5 < ?5 s /);
    expect(text).toContain('« refus de répondre » est compté à part et jamais comme « oui »');
    expect(text).toContain('« < 5 » : moins de 5 personnes');
  });
});

describe('FSE+ indicators table as a workbook', () => {
  it('keeps shown counts as numbers and hidden ones as their mark', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fseIndicatorsXlsx(table, 'CCAS de Lormont')) as never);
    const sheet = book.getWorksheet('Indicateurs FSE+')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe('CCAS de Lormont — indicateurs FSE+ — Chantiers d’insertion 2026');
    expect(rows).toContainEqual(['Code', 'Indicateur', 'Femmes', 'Hommes', 'Total']);
    const line = (code: string) => rows.find((r) => r[0] === code)!;
    expect(line('EECO11').slice(2)).toEqual(['< 5', '< 5', 's']);
    // Zero men in employment at entry: a zero protecting nothing is shown, as a number.
    const shownZeros = rows.filter((r) => typeof r[0] === 'string' && r.slice(2).some((v) => v === 0));
    expect(shownZeros.length).toBeGreaterThan(0);
    for (const r of rows.filter((r) => /^EEC[OR]\d\d$/.test(String(r[0]))))
      for (const v of r.slice(2))
        expect(v === 0 || v === '< 5' || v === 's' || (typeof v === 'number' && v >= 5)).toBe(true);
  });
});

describe('FSE+ per-participant CSV', () => {
  const { csv, rows, personIds } = fseParticipantsCsv('Chantiers d’insertion 2026', TWELVE, PERIOD, TODAY);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  const cells = lines.map((l) => l.split(';'));
  const byPerson = (n: number) => cells.find((c) => c[1] === String(TWELVE[n - 1]!.personId))!;
  const column = (name: (typeof FSE_CSV_COLUMNS)[number]) => FSE_CSV_COLUMNS.indexOf(name);

  it('is UTF-8 with a BOM, `;`, CRLF, the documented header, one line per participant counted anywhere', () => {
    expect(csv.startsWith('\ufeffoperation;id_personne;sexe;date_entree;compte_realisation;')).toBe(true);
    expect(cells[0]).toEqual([...FSE_CSV_COLUMNS]);
    // Counted somewhere: 1, 2, 3 (exit), 5, 6, 7, 8, 9 (six months), 10 (six months), 11, 12; not 4 (entered 01/07).
    expect(rows).toBe(11);
    expect(personIds).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => TWELVE[n - 1]!.personId));
    expect(cells.slice(1).every((c) => c.length === FSE_CSV_COLUMNS.length)).toBe(true);
  });

  it('writes participant 1 as the layout says', () => {
    expect(byPerson(1)).toEqual([
      'Chantiers d’insertion 2026',
      String(TWELVE[0]!.personId),
      'F',
      '01/01/2026',
      '1',
      'chomeur_longue_duree',
      '17',
      'moins_18',
      'infra3',
      'cite_0_2',
      'oui',
      'non',
      'refus',
      'non',
      '1',
      '0',
      '31/03/2026',
      '1',
      '1',
      '0',
      '0',
      '0',
      '',
      '0',
      '',
      '',
    ]);
  });

  it('never writes an exit or a follow-up dated after the period or today as held', () => {
    // 6 left on 01/07, the day after the period: no exit written, not counted.
    expect(byPerson(6)[column('date_sortie')]).toBe('');
    expect(byPerson(6)[column('emploi_sortie')]).toBe('');
    expect(byPerson(6)[column('compte_sortie')]).toBe('0');
    // 11's follow-up is dated 30/11, after today: not written.
    expect(byPerson(11)[column('date_releve_6_mois')]).toBe('');
    expect(byPerson(11)[column('compte_6_mois')]).toBe('0');
    // 3 left in employment while searching: searching is written 0 (EECR01 and EECR04 exclude each other).
    expect(byPerson(3)[column('recherche_emploi_sortie')]).toBe('0');
    expect(byPerson(3)[column('emploi_sortie')]).toBe('1');
    expect(byPerson(3)[column('compte_realisation')]).toBe('0');
    // 9: left before the period, observed on its last day.
    expect(byPerson(9)[column('date_sortie')]).toBe('31/12/2025');
    expect(byPerson(9)[column('compte_sortie')]).toBe('0');
    expect(byPerson(9)[column('compte_6_mois')]).toBe('1');
    expect(byPerson(9)[column('situation_amelioree_6_mois')]).toBe('1');
  });

  it('neutralises a formula typed as the operation’s name', () => {
    const { csv } = fseParticipantsCsv('=HYPERLINK("x")', TWELVE.slice(0, 1), PERIOD, TODAY);
    expect(csv.split('\r\n')[1]!.startsWith(`"'=HYPERLINK(""x"")";`)).toBe(true);
  });
});
