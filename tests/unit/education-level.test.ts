import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { educationLevelHint, parseEducationLevel } from '../../src-main/domain/education-level';
import {
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_LABELS,
  type EducationLevel,
} from '../../src-main/shared/contract/people-lists';

/** The diploma names the issue lists, with the level each is registered at. */
const DIPLOMAS: [string, EducationLevel][] = [
  ['sans diplôme', 'infra3'],
  ['Brevet', 'infra3'],
  ['DNB', 'infra3'],
  ['CAP', '3'],
  ['BEP', '3'],
  ['Bac', '4'],
  ['Bac pro', '4'],
  ['BTS', '5'],
  ['DUT', '5'],
  ['BUT', '6'],
  ['Licence', '6'],
  ['Master', '7'],
  ['Doctorat', '8'],
];

describe('education level of a spreadsheet cell', () => {
  it.each<[string, EducationLevel | null]>([
    ...DIPLOMAS,
    // Spelled as offices write them: accents, case, dots, hyphens, spaces around "+".
    ['SANS DIPLOME', 'infra3'],
    ['aucun', 'infra3'],
    ['Brevet des collèges', 'infra3'],
    ['BEPC', 'infra3'],
    ['CFG', 'infra3'],
    ['C.A.P.', '3'],
    ['cap/bep', '3'],
    ['CAPA', '3'],
    ['Baccalauréat', '4'],
    ['bac-pro', '4'],
    ['Bac professionnel', '4'],
    ['Bac S', '4'],
    ['baccalauréat STMG', '4'],
    ['Brevet professionnel', '4'],
    ['DAEU', '4'],
    ['B.T.S.', '5'],
    ['Bac+2', '5'],
    ['bac + 2', '5'],
    ['Bac +3', '6'],
    ['Licence professionnelle', '6'],
    ['Maîtrise', '6'],
    ['Master 1', '6'],
    ['Master 2', '7'],
    ['DESS', '7'],
    ["Diplôme d'ingénieur", '7'],
    ['Bac+8', '8'],
    // National levels, new and old nomenclature.
    ['infra 3', 'infra3'],
    ['Niveau 3', '3'],
    ['niveau 8', '8'],
    ['Niveau VI', 'infra3'],
    ['V bis', 'infra3'],
    ['V', '3'],
    ['niveau IV', '4'],
    ['III', '5'],
    ['II', '6'],
    ['I', '7'],
    // The labels the application shows read back as the same level.
    ...(Object.entries(EDUCATION_LEVEL_LABELS) as [EducationLevel, string][]).map(
      ([level, label]): [string, EducationLevel] => [label, level],
    ),
    // Boundaries from the other side: what is not a level is not guessed.
    ['niveau 9', null],
    ['0', null],
    ['bac+12', null],
    ['bac non obtenu', null],
    ['VII', null],
    ['brevet de secourisme', null],
    ['', null],
  ])('« %s » → %s', (text, level) => expect(parseEducationLevel(text)).toBe(level));

  it('keeps the DUT at bac+2 and the BUT at bac+3 (arrêté du 6 décembre 2019), each on its side of the licence', () => {
    expect([parseEducationLevel('DUT'), parseEducationLevel('bac+2')]).toEqual(['5', '5']);
    expect([parseEducationLevel('BUT'), parseEducationLevel('bac+3'), parseEducationLevel('licence')]).toEqual([
      '6',
      '6',
      '6',
    ]);
  });

  it('reads every diploma whatever its case and spacing', () => {
    const variant = fc.tuple(
      fc.constantFrom(...DIPLOMAS),
      fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      fc.nat(3),
      fc.nat(3),
    );
    fc.assert(
      fc.property(variant, ([[name, level], upper, before, after]) => {
        const cased = [...name].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('');
        expect(parseEducationLevel(' '.repeat(before) + cased + ' '.repeat(after))).toBe(level);
      }),
    );
  });

  it('gives a level of the nomenclature or nothing, never something else', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const level = parseEducationLevel(text);
        expect(level === null || (EDUCATION_LEVELS as readonly string[]).includes(level)).toBe(true);
      }),
    );
  });

  it('says in French which values are accepted, with examples', () => {
    const hint = educationLevelHint('Bac+12');
    expect(hint).toContain('« Bac+12 » n’est pas un niveau de formation connu.');
    for (const word of ['sans diplôme', 'CAP', 'bac pro', 'BTS', 'BUT', 'licence', 'master', 'doctorat', 'infra 3'])
      expect(hint).toContain(word);
    expect(hint).toContain('« BTS » ou « bac+2 » → niveau 5');
  });
});
