import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  parseEducationLevel,
  parseResources,
  parseSex,
  suggestMapping,
} from '../../src-main/domain/import-values';
import { decodeText, parseCsv } from '../../src-main/imports/table';
import { configured, valueOf } from './support/services';

/** Encodes text as Windows-1252, as Excel's "CSV (point-virgule)" does on a French PC. */
function cp1252(text: string): Buffer {
  const table: Record<string, number> = { '€': 0x80, œ: 0x9c, Œ: 0x8c, '’': 0x92 };
  return Buffer.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

const CSV_HEADER = 'Nom;Prénom;Né(e) le;Sexe;Commune;Ressources;Niveau';

async function countPersons(db: Parameters<ReturnType<typeof sql>['execute']>[0]) {
  return (await sql<{ n: number }>`select count(*) as n from persons`.execute(db)).rows[0]!.n as number;
}

describe('reading spreadsheet values', () => {
  it('reads Excel serial dates past the 1900 leap-year bug', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });

  it('reads sex, resources and education levels as people write them', () => {
    expect([parseSex('F'), parseSex('Homme'), parseSex('H'), parseSex('x')]).toEqual(['F', 'M', 'M', null]);
    expect([
      parseResources('RSA'),
      parseResources('Chômage'),
      parseResources('Sans ressources'),
      parseResources('?'),
    ]).toEqual(['rsa', 'are', 'sans_ressources', null]);
    expect([
      parseEducationLevel('Niveau 3'),
      parseEducationLevel('infra 3'),
      parseEducationLevel('V'),
      parseEducationLevel('bac'),
      parseEducationLevel('bac+12'),
    ]).toEqual(['3', 'infra3', '3', '4', null]);
  });

  it('guesses the mapping from the headers', () => {
    expect(suggestMapping(['Nom', 'Prénom', 'Né(e) le', 'Sexe', 'Ville', 'Colonne F', 'Nom de naissance'])).toEqual([
      'lastName',
      'firstNames',
      'birthDate',
      'sex',
      'town',
      null,
      'birthName',
    ]);
  });

  it('decodes Windows-1252 and UTF-8 with BOM, with ; or , and quoted fields', () => {
    expect(decodeText(cp1252('Lefèvre;Cœur'))).toBe('Lefèvre;Cœur');
    expect(decodeText(Buffer.from('\ufeffÉlodie', 'utf8'))).toBe('Élodie');
    expect(parseCsv('a,b\r\n"x, y","il dit ""oui"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'il dit "oui"'],
    ]);
    expect(parseCsv('a;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('importing people', () => {
  it('imports a Windows-1252 CSV with accents, all or nothing, and remembers the mapping', async () => {
    const { services, call } = await configured();
    const file = path.join(services.homeDir, 'liste.csv');
    writeFileSync(
      file,
      cp1252(
        [
          CSV_HEADER,
          'Lefèvre;Élodie;12/05/1985;F;Brest;RSA;Niveau 3',
          'Cœur;Jean-Pierre;31/13/1990;M;Brest;ASS;4',
          'N’Diaye;Awa;03/04/1992;X;Brest;RSA;infra',
        ].join('\r\n'),
      ),
    );
    const read = valueOf(await call('people/importRead', { path: file }));
    expect(read.headers).toEqual(['Nom', 'Prénom', 'Né(e) le', 'Sexe', 'Commune', 'Ressources', 'Niveau']);
    expect(read.rows[1]![0]).toBe('Cœur');
    expect(read.mapping).toEqual(['lastName', 'firstNames', 'birthDate', 'sex', 'town', 'resources', 'educationLevel']);
    expect(read.remembered).toBe(false);

    const preview = valueOf(await call('people/importPreview', read));
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, invalid: 2 });
    expect(preview.rows[1]).toMatchObject({
      line: 3,
      action: 'invalid',
      errors: { '2': '« 31/13/1990 » : le mois 13 n’existe pas (de 1 à 12).' },
    });
    expect(preview.rows[2]!.errors['3']).toBe('« X » : écrivez F ou M.');

    // Nothing is imported while a row is wrong.
    expect(await call('people/importCommit', read)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'rows' },
    });
    expect(await countPersons(services.db)).toBe(0);

    // Fixed in place, the whole file goes in.
    read.rows[1]![2] = '31/12/1990';
    read.rows[2]![3] = 'F';
    expect(valueOf(await call('people/importCommit', read))).toEqual({
      create: 3,
      update: 0,
      unchanged: 0,
      invalid: 0,
    });
    const found = valueOf(await call('people/search', { query: 'coeur' })).rows;
    expect(found.map((r) => r.firstNames)).toEqual(['Jean-Pierre']);
    const record = valueOf(await call('people/get', { id: found[0]!.id }));
    expect(record.situations![0]).toMatchObject({ resources: 'ass', educationLevel: '4' });

    // The same columns next time: the mapping chosen is remembered.
    expect(valueOf(await call('people/importRead', { path: file })).remembered).toBe(true);
  });

  it('re-imports: an unchanged file writes nothing, a changed one shows the differences field by field', async () => {
    const { services, call } = await configured();
    const file = path.join(services.homeDir, 'liste.csv');
    writeFileSync(
      file,
      '\ufeffNom,Prénom,Date de naissance,Sexe,Commune\r\nLefèvre,Élodie,12/05/1985,F,Brest\r\n',
      'utf8',
    );
    const first = valueOf(await call('people/importRead', { path: file }));
    valueOf(await call('people/importCommit', first));
    const journalBefore = (await sql<{ n: number }>`select count(*) as n from journal`.execute(services.db)).rows[0]!.n;
    const updatedAtBefore = (await sql<{ u: string }>`select updated_at as u from persons`.execute(services.db))
      .rows[0]!.u;

    const again = valueOf(await call('people/importPreview', first));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 1, invalid: 0 });
    valueOf(await call('people/importCommit', first));
    expect((await sql<{ u: string }>`select updated_at as u from persons`.execute(services.db)).rows[0]!.u).toBe(
      updatedAtBefore,
    );
    expect(await countPersons(services.db)).toBe(1);

    writeFileSync(
      file,
      '\ufeffNom,Prénom,Date de naissance,Sexe,Commune\r\nLEFEVRE,elodie,12/05/1985,F,Plouzané\r\n',
      'utf8',
    );
    const changed = valueOf(await call('people/importRead', { path: file }));
    const preview = valueOf(await call('people/importPreview', changed));
    // Name and first name differ only by case and accents: the stored spelling stays, only the town is proposed.
    expect(preview.rows[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'Commune', from: 'Brest', to: 'Plouzané' }],
    });
    // Not ticked, not written.
    expect(valueOf(await call('people/importCommit', changed))).toEqual({
      create: 0,
      update: 0,
      unchanged: 1,
      invalid: 0,
    });
    expect(valueOf(await call('people/search', {})).rows[0]!.town).toBe('Brest');
    const row = preview.rows[0]!;
    valueOf(
      await call('people/importCommit', {
        ...changed,
        accepted: [{ line: row.line, personId: row.personId!, version: row.version! }],
      }),
    );
    expect(await countPersons(services.db)).toBe(1);
    expect(valueOf(await call('people/search', {})).rows[0]!.lastName).toBe('Lefèvre');
    expect(valueOf(await call('people/search', {})).rows[0]!.town).toBe('Plouzané');
    expect(
      (await sql<{ n: number }>`select count(*) as n from journal`.execute(services.db)).rows[0]!.n,
    ).toBeGreaterThan(journalBefore);
  });

  it('reads an .xlsx with a blank header column and Excel serial dates', async () => {
    const { services, call } = await configured();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personnes');
    sheet.addRow(['Nom', 'Prénom', '', 'Date de naissance', 'Sexe']);
    sheet.addRow(['Quéméner', 'Soazig', 'note libre', 31179, 'F']);
    const dated = sheet.addRow(['Traoré', 'Moussa', '', new Date(Date.UTC(1990, 2, 2)), 'M']);
    dated.getCell(4).numFmt = 'dd/mm/yyyy';
    const file = path.join(services.homeDir, 'liste.xlsx');
    await workbook.xlsx.writeFile(file);
    const read = valueOf(await call('people/importRead', { path: file }));
    expect(read.headers).toEqual(['Nom', 'Prénom', 'Colonne C', 'Date de naissance', 'Sexe']);
    expect(read.mapping).toEqual(['lastName', 'firstNames', null, 'birthDate', 'sex']);
    expect(valueOf(await call('people/importCommit', read))).toMatchObject({ create: 2, invalid: 0 });
    const births = valueOf(await call('people/search', { sort: 'birthDate' })).rows.map((r) => r.birthDate);
    expect(births).toEqual(['1985-05-12', '1990-03-02']);
  });

  it('refuses .ods and .xls files with a French way out, and asks for the required columns', async () => {
    const { services, call } = await configured();
    for (const name of ['liste.ods', 'liste.xls']) {
      const file = path.join(services.homeDir, name);
      writeFileSync(file, 'PK');
      const result = await call('people/importRead', { path: file });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect(result.error.message).toContain('au format Excel (.xlsx)');
    }
    expect(
      await call('people/importPreview', {
        headers: ['Nom', 'Ville'],
        rows: [['Martin', 'Brest']],
        mapping: ['lastName', 'town'],
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Indiquez quelle colonne contient : Prénom(s), Date de naissance, Sexe.' },
    });
  });

  it('flags the same person twice in one file', async () => {
    const { call } = await configured();
    const input = {
      headers: ['Nom', 'Prénom', 'Naissance', 'Sexe'],
      rows: [
        ['Lefèvre', 'Élodie', '12/05/1985', 'F'],
        ['LEFEVRE', 'elodie', '12/05/1985', 'F'],
      ],
      mapping: ['lastName', 'firstNames', 'birthDate', 'sex'] as const,
    };
    const preview = valueOf(await call('people/importPreview', { ...input, mapping: [...input.mapping] }));
    expect(preview.rows[1]).toMatchObject({
      action: 'invalid',
      errors: { '0': 'Même personne qu’à la ligne 2 : gardez une seule ligne.' },
    });
  });
});
