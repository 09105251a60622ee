import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nirValid } from '../../src-main/shared/identifiers';
import { checkNirAgainstPerson, nirMismatches } from '../../src-main/shared/nir-check';
import { configured, valueOf } from './support/services';
import { person, situation } from './support/people';

/** Builds a NIR with its right key (Corsica's 2A/2B count as 19/18, INSEE). */
function nirOf(sexDigit: string, year: string, month: string, department: string, rest = '00601'): string {
  const body = `${sexDigit}${year}${month}${department}${rest.padEnd(6, '0')}`;
  const numeric = body.replace('2A', '19').replace('2B', '18');
  const key = 97 - Number(BigInt(numeric) % 97n);
  return `${body}${String(key).padStart(2, '0')}`;
}

const woman1985May = { sex: 'F' as const, birthDate: '1985-05-12' };
const parts = (nir: string, who: { sex: 'F' | 'M'; birthDate: string }) =>
  checkNirAgainstPerson(nir, who).map((f) => `${f.kind}:${f.part}`);

describe('a NIR against the sex and birth date on the record', () => {
  it.each([
    ['agrees', nirOf('2', '85', '05', '78'), woman1985May, []],
    ['sex 1 on a woman', nirOf('1', '85', '05', '78'), woman1985May, ['mismatch:sex']],
    ['sex 2 on a man', nirOf('2', '85', '05', '78'), { sex: 'M' as const, birthDate: '1985-05-12' }, ['mismatch:sex']],
    ['provisional 3', nirOf('3', '85', '05', '78'), woman1985May, ['notice:sex']],
    ['provisional 4', nirOf('4', '85', '05', '78'), woman1985May, ['notice:sex']],
    ['provisional 7', nirOf('7', '85', '05', '78'), woman1985May, ['notice:sex']],
    ['provisional 8', nirOf('8', '85', '05', '78'), woman1985May, ['notice:sex']],
    ['year one too low', nirOf('2', '84', '05', '78'), woman1985May, ['mismatch:year']],
    ['year one too high', nirOf('2', '86', '05', '78'), woman1985May, ['mismatch:year']],
    [
      'same two digits a century apart',
      nirOf('2', '85', '05', '78'),
      { sex: 'F' as const, birthDate: '1885-05-12' },
      [],
    ],
    ['born 2000 → 00', nirOf('2', '00', '01', '75'), { sex: 'F' as const, birthDate: '2000-01-01' }, []],
    ['month one before', nirOf('2', '85', '04', '78'), woman1985May, ['mismatch:month']],
    ['month one after', nirOf('2', '85', '06', '78'), woman1985May, ['mismatch:month']],
    ['December 12 agrees', nirOf('2', '85', '12', '78'), { sex: 'F' as const, birthDate: '1985-12-31' }, []],
    ['month 00 does not exist', nirOf('2', '85', '00', '78'), woman1985May, ['mismatch:month']],
    ['month 13 does not exist', nirOf('2', '85', '13', '78'), woman1985May, ['mismatch:month']],
    ['month 19 does not exist', nirOf('2', '85', '19', '78'), woman1985May, ['mismatch:month']],
    ['unknown month 20', nirOf('2', '85', '20', '78'), woman1985May, ['notice:month']],
    ['month 21 does not exist', nirOf('2', '85', '21', '78'), woman1985May, ['mismatch:month']],
    ['month 29 does not exist', nirOf('2', '85', '29', '78'), woman1985May, ['mismatch:month']],
    ['unknown month 30', nirOf('2', '85', '30', '78'), woman1985May, ['notice:month']],
    ['unknown month 42', nirOf('2', '85', '42', '78'), woman1985May, ['notice:month']],
    ['month 43 does not exist', nirOf('2', '85', '43', '78'), woman1985May, ['mismatch:month']],
    ['month 49 does not exist', nirOf('2', '85', '49', '78'), woman1985May, ['mismatch:month']],
    ['unknown month 50', nirOf('2', '85', '50', '78'), woman1985May, ['notice:month']],
    ['month 51 does not exist', nirOf('2', '85', '51', '78'), woman1985May, ['mismatch:month']],
    ['month 98 does not exist', nirOf('2', '85', '98', '78'), woman1985May, ['mismatch:month']],
    ['unknown month 99', nirOf('2', '85', '99', '78'), woman1985May, ['notice:month']],
    ['Corsica 2A born 1976', nirOf('1', '76', '01', '2A'), { sex: 'M' as const, birthDate: '1976-01-01' }, []],
    [
      'Corsica 2B born 1975',
      nirOf('1', '75', '12', '2B'),
      { sex: 'M' as const, birthDate: '1975-12-31' },
      ['mismatch:department'],
    ],
    ['Corsica 20 born 1975', nirOf('1', '75', '12', '20'), { sex: 'M' as const, birthDate: '1975-12-31' }, []],
    [
      'born abroad 99',
      nirOf('1', '90', '03', '99'),
      { sex: 'M' as const, birthDate: '1990-03-04' },
      ['notice:department'],
    ],
    [
      'everything wrong',
      nirOf('1', '84', '04', '78'),
      woman1985May,
      ['mismatch:sex', 'mismatch:year', 'mismatch:month'],
    ],
  ])('%s', (_case, nir, who, expected) => {
    expect(nirValid(nir)).toBe(true);
    expect(parts(nir, who)).toEqual(expected);
  });

  it('says which digit disagrees and asks to confirm, in French', () => {
    expect(nirMismatches(nirOf('2', '85', '05', '78'), { sex: 'M', birthDate: '1985-05-12' })).toEqual([
      'Le NIR commence par 2 (femme) mais la fiche indique un homme : vérifiez, ou confirmez s’il s’agit d’une exception.',
    ]);
  });

  it('a NIR built from the person’s own data always agrees', () => {
    const birthDate = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const department = fc.constantFrom('01', '29', '75', '95', '2A', '2B', '20', '97');
    fc.assert(
      fc.property(
        fc.constantFrom('F' as const, 'M' as const),
        birthDate,
        department,
        fc.integer({ min: 0, max: 999_999 }),
        (sex, date, dep, rest) => {
          const corsica =
            dep === '2A' || dep === '2B' ? (date < '1976' ? '20' : dep) : dep === '20' && date >= '1976' ? '2A' : dep;
          const nir = nirOf(
            sex === 'M' ? '1' : '2',
            date.slice(2, 4),
            date.slice(5, 7),
            corsica,
            String(rest).padStart(6, '0'),
          );
          expect(nirValid(nir)).toBe(true);
          expect(checkNirAgainstPerson(nir, { sex, birthDate: date })).toEqual([]);
        },
      ),
    );
  });
});

describe('saving a person whose NIR disagrees', () => {
  it('asks first on create, then saves once confirmed', async () => {
    const { call } = await configured();
    const input = {
      person: person({ sex: 'M', civility: 'monsieur', nir: nirOf('2', '85', '05', '78') }),
      situation: situation(),
    };
    const refused = await call('people/create', input);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'nirMismatch',
        message: expect.stringContaining('Le NIR commence par 2 (femme) mais la fiche indique un homme'),
      },
    });
    const { id } = valueOf(await call('people/create', { ...input, confirmWarnings: true }));
    expect(valueOf(await call('people/get', { id })).sex).toBe('M');
  });

  it('checks the stored NIR when the birth date changes on update', async () => {
    const { call } = await configured();
    const { id } = valueOf(
      await call('people/create', { person: person({ nir: nirOf('2', '85', '05', '78') }), situation: situation() }),
    );
    const moved = await call('people/update', { id, person: person({ birthDate: '1986-05-12' }) });
    expect(moved).toMatchObject({
      ok: false,
      error: { field: 'nirMismatch', message: expect.stringContaining('1986') },
    });
    expect(valueOf(await call('people/get', { id })).birthDate).toBe('1985-05-12');
    expect(
      valueOf(await call('people/update', { id, person: person({ birthDate: '1986-05-12' }), confirmWarnings: true }))
        .birthDate,
    ).toBe('1986-05-12');
  });

  it('saves a provisional number without asking', async () => {
    const { call } = await configured();
    const created = await call('people/create', {
      person: person({ nir: nirOf('8', '85', '05', '99') }),
      situation: situation(),
    });
    expect(created).toMatchObject({ ok: true });
  });
});

describe('while the sex is not chosen yet', () => {
  it.each([
    ['madame with a 1', 'madame' as const, '1', ['mismatch:sex']],
    ['madame with a 2', 'madame' as const, '2', []],
    ['monsieur with a 2', 'monsieur' as const, '2', ['mismatch:sex']],
    ['no civility', null, '1', []],
  ])('%s', (_case, civility, digit, expected) => {
    const found = checkNirAgainstPerson(nirOf(digit, '85', '05', '78'), {
      sex: null,
      civility,
      birthDate: '1985-05-12',
    });
    expect(found.map((f) => `${f.kind}:${f.part}`)).toEqual(expected);
  });
});
