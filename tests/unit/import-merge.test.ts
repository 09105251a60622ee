import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, proposeChanges, sameWritten } from '../../src-main/domain/import-merge';

const FIELDS = ['lastName', 'firstNames', 'town', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
const STORED: Record<Field, string> = {
  lastName: 'LEFÈVRE',
  firstNames: 'Hélène',
  town: 'Brest',
  phone: '0298000000',
  email: '',
};

describe('merging an imported row into a stored record', () => {
  it.each<[string, Partial<Record<Field, string>>, { field: Field; from: string; to: string }[]]>([
    ['an empty cell keeps the filled field', { town: '', phone: '   ' }, []],
    ['a column not imported keeps the field', {}, []],
    ['case and accents only: the stored spelling stays', { lastName: 'lefevre', firstNames: 'helene' }, []],
    ['spaces and apostrophe shapes only', { lastName: '  Lefèvre ', town: 'BREST' }, []],
    [
      'one letter more is a change',
      { firstNames: 'Hélènea' },
      [{ field: 'firstNames', from: 'Hélène', to: 'Hélènea' }],
    ],
    [
      'a hyphen is a change (not only case or accents)',
      { town: 'Saint-Brest' },
      [{ field: 'town', from: 'Brest', to: 'Saint-Brest' }],
    ],
    [
      'an empty stored field is filled',
      { email: 'h.lefevre@exemple.fr' },
      [{ field: 'email', from: '', to: 'h.lefevre@exemple.fr' }],
    ],
    [
      'several changes, field by field, in field order',
      { town: 'Plouzané', lastName: 'Martin', phone: '' },
      [
        { field: 'lastName', from: 'LEFÈVRE', to: 'Martin' },
        { field: 'town', from: 'Brest', to: 'Plouzané' },
      ],
    ],
  ])('%s', (_, imported, expected) => expect(proposeChanges(STORED, imported, FIELDS)).toEqual(expected));

  it('folds what a person reads as the same, and no more', () => {
    expect(sameWritten('N’Diaye', "n'diaye")).toBe(true);
    expect(sameWritten('Cœur', 'COEUR')).toBe(true);
    expect(sameWritten('Jean-Pierre', 'Jean Pierre')).toBe(false);
    expect(sameWritten('Brest', '')).toBe(false);
  });

  it('applies only the changes given and leaves every other field as stored', () => {
    const changes = proposeChanges(STORED, { town: 'Plouzané', lastName: 'Martin' }, FIELDS);
    expect(
      applyChanges(
        STORED,
        changes.filter((c) => c.field === 'town'),
      ),
    ).toEqual({ ...STORED, town: 'Plouzané' });
  });

  const text = fc.oneof(
    fc.constant(''),
    fc.constant(' '),
    fc.constantFrom('Brest', 'BREST', 'brést', 'Hélène', 'helene', 'N’Diaye', "n'diaye"),
    fc.string({ maxLength: 8 }),
  );
  const record = fc.record(Object.fromEntries(FIELDS.map((f) => [f, text])) as Record<Field, typeof text>);
  const row = fc.record(Object.fromEntries(FIELDS.map((f) => [f, text])) as Record<Field, typeof text>, {
    requiredKeys: [],
  });

  it('never turns a filled field into an empty one, whatever is ticked', () => {
    fc.assert(
      fc.property(
        record,
        row,
        fc.array(fc.boolean(), { minLength: FIELDS.length, maxLength: FIELDS.length }),
        (stored, imported, keep) => {
          const changes = proposeChanges(stored, imported, FIELDS).filter((_, i) => keep[i % keep.length]);
          const merged = applyChanges(stored, changes);
          for (const f of FIELDS) if (stored[f].trim() !== '') expect(merged[f].trim()).not.toBe('');
        },
      ),
    );
  });

  it('is idempotent: the same row imported again proposes nothing', () => {
    fc.assert(
      fc.property(record, row, (stored, imported) => {
        const merged = applyChanges(stored, proposeChanges(stored, imported, FIELDS));
        expect(proposeChanges(merged, imported, FIELDS)).toEqual([]);
      }),
    );
  });

  it('proposes a change exactly when the cell is filled and reads differently', () => {
    fc.assert(
      fc.property(record, row, (stored, imported) => {
        const changed = new Set(proposeChanges(stored, imported, FIELDS).map((c) => c.field));
        for (const f of FIELDS) {
          const cell = imported[f];
          expect(changed.has(f)).toBe(cell !== undefined && cell.trim() !== '' && !sameWritten(stored[f], cell));
        }
      }),
    );
  });
});
