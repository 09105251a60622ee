import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dateFieldHelp,
  dateFieldOptions,
  dateFieldValue,
  expandTwoDigitYear,
  parseFrenchDate,
  type DateParseOptions,
} from '../../src-main/shared/date-parse';
import { isoDate } from '../../src-main/shared/contract/fields';
import { formatFrenchDate, isValidIsoDate } from '../../src-main/shared/dates';

const TODAY = '2026-12-02';
const event: DateParseOptions = { today: TODAY, twoDigitYears: 'around' };
const birth: DateParseOptions = {
  today: TODAY,
  twoDigitYears: 'past',
  max: { iso: TODAY, message: 'Une date de naissance ne peut pas être dans le futur.' },
};

const parse = (text: string, options = event) => {
  const result = parseFrenchDate(text, options);
  return result.ok ? result.iso : result.message;
};

describe('parseFrenchDate: the strings of issue 23', () => {
  it.each([
    ['31/02/2026', 'Le 31 février n’existe pas (février a 28 jours).'],
    ['15/13/2026', 'Le mois 13 n’existe pas (de 1 à 12).'],
    ['1/5/26', '2026-05-01'],
    ['01052026', '2026-05-01'],
  ])('%s → %s', (text, expected) => expect(parse(text)).toBe(expected));
});

describe('parseFrenchDate: each boundary from both sides', () => {
  it.each([
    // February 29: leap years only (divisible by 4, except centuries not divisible by 400)
    ['29/02/2024', '2024-02-29'],
    ['29/02/2025', 'Le 29 février 2025 n’existe pas (2025 n’est pas bissextile).'],
    ['28/02/2025', '2025-02-28'],
    ['29/02/2000', '2000-02-29'],
    ['29/02/1900', 'Le 29 février 1900 n’existe pas (1900 n’est pas bissextile).'],
    ['29/02/2100', 'Le 29 février 2100 n’existe pas (2100 n’est pas bissextile).'],
    ['30/02/2024', 'Le 30 février n’existe pas (février a 29 jours).'],
    // 30-day and 31-day months
    ['30/04/2026', '2026-04-30'],
    ['31/04/2026', 'Le 31 avril n’existe pas (avril a 30 jours).'],
    ['31/06/2026', 'Le 31 juin n’existe pas (juin a 30 jours).'],
    ['31/09/2026', 'Le 31 septembre n’existe pas (septembre a 30 jours).'],
    ['31/11/2026', 'Le 31 novembre n’existe pas (novembre a 30 jours).'],
    ['31/12/2026', '2026-12-31'],
    ['31/01/2026', '2026-01-31'],
    ['32/01/2026', 'Le jour 32 n’existe pas (de 1 à 31).'],
    // day and month zero, month 12/13
    ['00/01/2026', 'Le jour 0 n’existe pas (de 1 à 31).'],
    ['01/01/2026', '2026-01-01'],
    ['01/00/2026', 'Le mois 0 n’existe pas (de 1 à 12).'],
    ['01/12/2026', '2026-12-01'],
    ['01/13/2026', 'Le mois 13 n’existe pas (de 1 à 12).'],
    // years 1900–2100
    ['31/12/1899', 'L’année doit être comprise entre 1900 et 2100.'],
    ['01/01/1900', '1900-01-01'],
    ['31/12/2100', '2100-12-31'],
    ['01/01/2101', 'L’année doit être comprise entre 1900 et 2100.'],
    ['01/01/0000', 'L’année doit être comprise entre 1900 et 2100.'],
    ['01/01/9999', 'L’année doit être comprise entre 1900 et 2100.'],
  ])('%s → %s', (text, expected) => expect(parse(text)).toBe(expected));
});

describe('parseFrenchDate: the forms a secretary types', () => {
  it.each([
    ['01/05/2026', '2026-05-01'],
    ['1/5/2026', '2026-05-01'],
    ['01/5/2026', '2026-05-01'],
    ['1-5-2026', '2026-05-01'],
    ['1.5.2026', '2026-05-01'],
    ['1 5 2026', '2026-05-01'],
    ['01 / 05 / 2026', '2026-05-01'],
    ['  01/05/2026  ', '2026-05-01'],
    ['\t01/05/2026\n', '2026-05-01'],
    ['01/05/26', '2026-05-01'],
    ['010526', '2026-05-01'],
    ['12/05/1985', '1985-05-12'],
    ['12051985', '1985-05-12'],
    // read day first: 05/01 is 5 January, never 1 May
    ['05/01/2026', '2026-01-05'],
    ['12/11/2026', '2026-11-12'],
    // a stray separator is only a separator: the digits still say 1 May
    ['/01/05/2026/', '2026-05-01'],
  ])('%j → %s', (text, expected) => expect(parse(text)).toBe(expected));

  it.each([
    ['', 'Tapez une date : JJ/MM/AAAA.'],
    ['   ', 'Tapez une date : JJ/MM/AAAA.'],
    ['-', 'Date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['//', 'Date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['01/05', 'Date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['01/05/', 'Date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['0105', 'Date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['1', 'Date incomplète : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['01/05/2026/1', 'Date illisible : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['001/05/2026', 'Date illisible : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['01/005/2026', 'Date illisible : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['01/05/202', 'L’année s’écrit avec 4 chiffres (ou 2) : JJ/MM/AAAA.'],
    ['01/05/2', 'L’année s’écrit avec 4 chiffres (ou 2) : JJ/MM/AAAA.'],
    ['01/05/20266', 'L’année s’écrit avec 4 chiffres (ou 2) : JJ/MM/AAAA.'],
    ['15226', 'Sans séparateur, tapez 6 ou 8 chiffres : JJMMAA ou JJMMAAAA (par exemple 01052026).'],
    ['1052026', 'Sans séparateur, tapez 6 ou 8 chiffres : JJMMAA ou JJMMAAAA (par exemple 01052026).'],
    ['010520266', 'Sans séparateur, tapez 6 ou 8 chiffres : JJMMAA ou JJMMAAAA (par exemple 01052026).'],
    ['2026-05-01', 'Le jour d’abord : tapez 01/05/2026 (JJ/MM/AAAA).'],
    ['2026/5/1', 'Le jour d’abord : tapez 01/05/2026 (JJ/MM/AAAA).'],
    ['2026-02-31', 'Le jour d’abord : tapez 31/02/2026 (JJ/MM/AAAA).'],
    ['2026-005-01', 'Date illisible : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['202-05-01', 'Date illisible : tapez le jour, le mois et l’année (JJ/MM/AAAA).'],
    ['1er mai 2026', 'Une date ne contient que des chiffres, par exemple 01/05/2026 (JJ/MM/AAAA).'],
    ['O1/05/2026', 'Une date ne contient que des chiffres, par exemple 01/05/2026 (JJ/MM/AAAA).'],
    ['01/05/2026 10:00', 'Une date ne contient que des chiffres, par exemple 01/05/2026 (JJ/MM/AAAA).'],
  ])('%j is refused: %s', (text, expected) => expect(parse(text)).toBe(expected));

  it('says when the field is empty, so a field may treat it as « no date »', () => {
    expect(parseFrenchDate(' ', event)).toEqual({ ok: false, empty: true, message: 'Tapez une date : JJ/MM/AAAA.' });
    expect(parseFrenchDate('01/05', event)).toMatchObject({ ok: false, empty: false });
  });
});

describe('two-digit years: the window stated in the field', () => {
  it.each([
    // around today (2026): 1976 … 2075
    ['01/01/75', event, '2075-01-01'],
    ['01/01/76', event, '1976-01-01'],
    ['01/01/00', event, '2000-01-01'],
    ['01/01/99', event, '1999-01-01'],
    // birth dates: the 100 years ending this year, 1927 … 2026
    ['01/01/26', birth, '2026-01-01'],
    ['01/01/27', birth, '1927-01-01'],
    ['01/05/85', birth, '1985-05-01'],
    ['01/01/00', birth, '2000-01-01'],
    ['020185', birth, '1985-01-02'],
  ])('%s (%s) → %s', (text, options, expected) => expect(parse(text, options)).toBe(expected));

  it('keeps every window to 100 consecutive years ending or centred on this year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2050 }), fc.integer({ min: 0, max: 99 }), (year, yy) => {
        const today = `${year}-06-15`;
        const past = expandTwoDigitYear(yy, today, 'past');
        const around = expandTwoDigitYear(yy, today, 'around');
        expect(past % 100).toBe(yy);
        expect(around % 100).toBe(yy);
        expect(past).toBeGreaterThan(year - 100);
        expect(past).toBeLessThanOrEqual(year);
        expect(around).toBeGreaterThanOrEqual(year - 50);
        expect(around).toBeLessThan(year + 50);
      }),
    );
  });
});

describe('limits given by the field', () => {
  it.each([
    ['02/12/2026', '2026-12-02'],
    ['03/12/2026', 'Une date de naissance ne peut pas être dans le futur.'],
  ])('birth date %s → %s', (text, expected) => expect(parse(text, birth)).toBe(expected));

  it('refuses a date before the earliest one', () => {
    const from = { ...event, min: { iso: '2026-01-01', message: 'Au plus tôt le 01/01/2026.' } };
    expect(parse('31/12/2025', from)).toBe('Au plus tôt le 01/01/2026.');
    expect(parse('01/01/2026', from)).toBe('2026-01-01');
  });
});

const isoInRange = fc
  .record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
  .filter(isValidIsoDate);

describe('properties', () => {
  it('reads back every real date it writes, in each typed form', () => {
    fc.assert(
      fc.property(isoInRange, fc.constantFrom('/', '-', '.', ' ', ''), (iso, separator) => {
        const [y, m, d] = iso.split('-') as [string, string, string];
        expect(parse(formatFrenchDate(iso))).toBe(iso);
        expect(parse([d, m, y].join(separator))).toBe(iso);
        expect(parse([String(Number(d)), String(Number(m)), y].join(separator || '/'))).toBe(iso);
      }),
    );
  });

  it('never gives a date that does not exist, nor one the digits do not say', () => {
    const typed = fc.tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1800, max: 2200 })),
      fc.constantFrom('/', '-', '.', ' '),
    );
    fc.assert(
      fc.property(typed, ([day, month, year, separator]) => {
        const text = [day, month, year].join(separator);
        const result = parseFrenchDate(text, event);
        if (!result.ok) return;
        expect(isValidIsoDate(result.iso)).toBe(true);
        const [y, m, d] = result.iso.split('-').map(Number) as [number, number, number];
        expect(d).toBe(day);
        expect(m).toBe(month);
        expect(y % 100).toBe(year % 100);
        if (year >= 100) expect(y).toBe(year);
        expect(y).toBeGreaterThanOrEqual(1900);
        expect(y).toBeLessThanOrEqual(2100);
      }),
    );
  });

  it('accepts any day that exists in its month and refuses the others', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const exists = new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1;
          expect(parseFrenchDate(`${day}/${month}/${year}`, event).ok).toBe(exists);
        },
      ),
    );
  });
});

describe('the date field: what the form receives for a typed text', () => {
  const birthField = dateFieldOptions('birth', TODAY);
  const eventField = dateFieldOptions('event', TODAY, { min: '2026-01-01', max: '2026-12-31' });

  it.each([
    ['31/02/2026', eventField, ''],
    ['15/13/2026', eventField, ''],
    ['1/5/26', eventField, '2026-05-01'],
    ['01052026', eventField, '2026-05-01'],
    ['1/5/202', eventField, ''],
    ['', eventField, null],
    ['  ', eventField, null],
    ['31/12/2025', eventField, ''],
    ['01/01/2026', eventField, '2026-01-01'],
    ['31/12/2026', eventField, '2026-12-31'],
    ['01/01/2027', eventField, ''],
    ['1/5/85', birthField, '1985-05-01'],
    ['02/12/2026', birthField, '2026-12-02'],
    ['03/12/2026', birthField, ''],
  ])('%j → %j', (text, options, expected) => expect(dateFieldValue(text, options)).toBe(expected));

  it('hands the form nothing its schema accepts while the text is not a date, so nothing is saved', () => {
    const schema = isoDate('La date');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.string({ unit: fc.constantFrom(...'0123456789/-. a'), maxLength: 12 }),
        ),
        (text) => {
          const value = dateFieldValue(text, eventField);
          const parsed = parseFrenchDate(text, eventField);
          expect(schema.safeParse(value).success).toBe(parsed.ok);
          if (parsed.ok) expect(value).toBe(parsed.iso);
        },
      ),
    );
  });

  it('states its two-digit year window and its limits', () => {
    expect(dateFieldHelp(birthField)).toBe(
      'JJ/MM/AAAA ou JJMMAAAA, le jour d’abord. Une année sur 2 chiffres est lue entre 1927 et 2026.',
    );
    expect(dateFieldHelp(eventField)).toBe(
      'JJ/MM/AAAA ou JJMMAAAA, le jour d’abord. Une année sur 2 chiffres est lue entre 1976 et 2075.',
    );
    expect(parseFrenchDate('31/12/2025', eventField)).toMatchObject({
      message: 'La date doit être le 01/01/2026 ou après.',
    });
    expect(parseFrenchDate('01/01/2027', eventField)).toMatchObject({
      message: 'La date doit être le 31/12/2026 ou avant.',
    });
    expect(parseFrenchDate('03/12/2026', birthField)).toMatchObject({
      message: 'Une date de naissance ne peut pas être dans le futur.',
    });
  });
});

describe('the contract refuses years outside 1900–2100 everywhere', () => {
  it.each([
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2100-12-31', true],
    ['2101-01-01', false],
    ['2026-02-29', false],
  ])('%s → %s', (iso, ok) => expect(isoDate('La date').safeParse(iso).success).toBe(ok));

  it('says why', () => {
    expect(isoDate('La date de début').safeParse('2101-01-01').error?.issues[0]?.message).toBe(
      'La date de début doit tomber entre 1900 et 2100 : vérifiez l’année.',
    );
  });
});
