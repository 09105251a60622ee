import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../src-main/domain/import-values';
import { configured, valueOf } from './support/services';

const TODAY = '2026-12-02';

describe('a birth date cell of a people import', () => {
  it.each([
    // typed day first, in every form the date field reads
    ['12/05/1985', { iso: '1985-05-12' }],
    ['2/3/1990', { iso: '1990-03-02' }],
    ['02.03.1990', { iso: '1990-03-02' }],
    ['12051985', { iso: '1985-05-12' }],
    ['12/05/85', { iso: '1985-05-12' }],
    // a two-digit year of a birth date is in the past: the 100 years ending this year
    ['01/01/26', { iso: '2026-01-01' }],
    ['01/01/27', { iso: '1927-01-01' }],
    // a real date cell (ISO) and an Excel serial, as before
    ['1985-05-12', { iso: '1985-05-12' }],
    ['1985-05-12T00:00:00.000Z', { iso: '1985-05-12' }],
    ['31179', { iso: '1985-05-12' }],
    // impossible dates are named, not called unreadable
    ['31/04/1990', { error: '« 31/04/1990 » : le 31 avril n’existe pas (avril a 30 jours).' }],
    ['30/04/1990', { iso: '1990-04-30' }],
    ['31/02/1992', { error: '« 31/02/1992 » : le 31 février n’existe pas (février a 29 jours).' }],
    ['29/02/1991', { error: '« 29/02/1991 » : le 29 février 1991 n’existe pas (1991 n’est pas bissextile).' }],
    ['29/02/1992', { iso: '1992-02-29' }],
    ['31/13/1990', { error: '« 31/13/1990 » : le mois 13 n’existe pas (de 1 à 12).' }],
    ['00/05/1990', { error: '« 00/05/1990 » : le jour 0 n’existe pas (de 1 à 31).' }],
    ['12/05/1899', { error: '« 12/05/1899 » : l’année doit être comprise entre 1900 et 2100.' }],
    ['12/05/1900', { iso: '1900-05-12' }],
    ['2101-01-01', { error: 'Date illisible « 2101-01-01 » : écrivez JJ/MM/AAAA.' }],
    ['1985-02-30', { error: 'Date illisible « 1985-02-30 » : écrivez JJ/MM/AAAA.' }],
    ['60', { error: '« 60 » : date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).' }],
    ['12/05', { error: '« 12/05 » : date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).' }],
    ['hier', { error: '« hier » : une date ne contient que des chiffres, par exemple 01/05/2026 (JJ/MM/AAAA).' }],
  ])('%s → %j', (text, expected) => expect(readDateCell(text, TODAY)).toEqual(expected));

  it('reads a 4- or 5-digit number as an Excel serial, within the years 1900–2100', () => {
    expect(readDateCell('1000', TODAY)).toEqual({ iso: '1902-09-26' });
    expect(readDateCell('73050', TODAY)).toEqual({ iso: '2099-12-31' });
    expect(readDateCell('73415', TODAY)).toEqual({ iso: '2100-12-31' });
    expect(readDateCell('73416', TODAY)).toEqual({ error: 'Date illisible « 73416 » : écrivez JJ/MM/AAAA.' });
  });
});

describe('people/importPreview with impossible birth dates', () => {
  it('names the impossible date under its cell and imports nothing until it is fixed', async () => {
    const { services, call } = await configured();
    const file = path.join(services.homeDir, 'liste.csv');
    writeFileSync(
      file,
      [
        'Nom;Prénom;Né(e) le;Sexe;Commune;Ressources;Niveau',
        'Le Goff;Anne;31/04/1990;F;Brest;RSA;4',
        'Kerouac;Yann;1/5/85;M;Brest;RSA;4',
      ].join('\r\n'),
    );
    const read = valueOf(await call('people/importRead', { path: file }));
    const preview = valueOf(await call('people/importPreview', read));
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      action: 'invalid',
      errors: { '2': '« 31/04/1990 » : le 31 avril n’existe pas (avril a 30 jours).' },
    });
    expect(preview.rows[1]).toMatchObject({ line: 3, action: 'create' });
    expect(await call('people/importCommit', read)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    read.rows[0]![2] = '30/04/1990';
    expect(valueOf(await call('people/importCommit', read))).toMatchObject({ create: 2, invalid: 0 });
    const found = valueOf(await call('people/search', { query: 'kerouac' })).rows;
    expect(found[0]!.birthDate).toBe('1985-05-01');
  });
});
