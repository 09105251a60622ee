import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASP_DIFFICULTY_OF_OBSTACLE,
  ASP_EXIT_OF_OUTCOME,
  ASP_LIMITS,
  aspDate,
  aspFieldProblems,
  aspMinutesOf,
  aspName,
  aspRow,
  aspWholeHours,
  type AspContractFacts,
} from '../../src-main/domain/asp-monthly-state';
import { ASP_DIFFICULTIES, ASP_EXIT_CATEGORIES } from '../../src-main/shared/contract/asp';
import { OBSTACLE_KINDS, OUTCOME_CATEGORIES } from '../../src-main/shared/contract/journey-lists';
import { PAY_ITEMS, type PayItem } from '../../src-main/shared/contract/pay-items';

/** A NIR with its right key (97 − n mod 97). */
function nirOf(body13: string): string {
  const key = 97 - Number(BigInt(body13) % 97n);
  return `${body13}${String(key).padStart(2, '0')}`;
}
const NIR = nirOf('2850675123456');

const line = (item: PayItem, minutes: number, rate = 120200, regularisation?: true) => ({
  item,
  minutes,
  rateCentiCents: rate,
  ...(regularisation ? { regularisation } : {}),
});

const facts = (over: Partial<AspContractFacts> = {}): AspContractFacts => ({
  participationId: 1,
  personId: 1,
  lastName: 'Le Gall',
  firstNames: 'Maëlys',
  nir: NIR,
  passIae: '999992612345',
  startDate: '2026-02-02',
  endDate: '2026-09-30',
  earlyEndDate: null,
  journeyStatus: 'en_chantier',
  outcome: null,
  obstacles: [],
  payLines: [line('heures_normales', 20 * 60)],
  ...over,
});

describe('ASP whole hours (emi_nb_heures_travail is an integer)', () => {
  it.each([
    [0, 0],
    [29, 0],
    [30, 1],
    [89, 1],
    [90, 2],
    [60 * 80 + 29, 80],
    [60 * 80 + 30, 81],
  ])('%i minutes → %i h', (minutes, hours) => {
    expect(aspWholeHours(minutes)).toBe(hours);
  });
});

describe('the hours of the month come from the hand-off’s pay lines', () => {
  it('counts paid lines, keeps worked apart, leaves out unpaid absences and régularisations', () => {
    const m = aspMinutesOf([
      line('heures_normales', 600),
      line('hc_10', 60, 132220),
      line('temps_annexe', 90),
      line('ferie_paye', 210),
      line('absence_payee_maladie', 120),
      line('absence_non_payee_non_justifiee', 210, 0),
      line('heures_normales', -210, 120200, true),
      line('regularisation', 30),
    ]);
    // Paid: 600 + 60 + 90 + 210 + 120 = 1080; worked: 600 + 60 + 90 = 750.
    expect(m).toEqual({ paid: 1080, worked: 750 });
  });

  it('is additive over contracts and never negative (the month’s own lines are not)', () => {
    const own = fc.record({
      item: fc.constantFrom(...PAY_ITEMS.filter((i) => i !== 'regularisation')),
      minutes: fc.integer({ min: 0, max: 5000 }),
      rateCentiCents: fc.constantFrom(0, 120200, 132220),
    });
    const carried = fc.record({
      item: fc.constantFrom(...PAY_ITEMS),
      minutes: fc.integer({ min: -5000, max: 5000 }),
      rateCentiCents: fc.constantFrom(120200),
      regularisation: fc.constant(true as const),
    });
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(own, carried), { maxLength: 12 }), { maxLength: 6 }), (contracts) => {
        const each = contracts.map((c) => aspMinutesOf(c));
        const all = aspMinutesOf(contracts.flat());
        expect(all.paid).toBe(each.reduce((s, m) => s + m.paid, 0));
        expect(all.worked).toBe(each.reduce((s, m) => s + m.worked, 0));
        for (const m of each) {
          expect(m.paid).toBeGreaterThanOrEqual(0);
          expect(m.worked).toBeGreaterThanOrEqual(0);
          expect(m.worked).toBeLessThanOrEqual(m.paid);
        }
      }),
    );
  });
});

describe('names as the ASP wants them', () => {
  it.each([
    ['Élodie', 'ELODIE'],
    ['Lefèvre', 'LEFEVRE'],
    ['N’Diaye', "N'DIAYE"],
    ['Œuvray', 'OEUVRAY'],
    ['  Marie   Hélène ', 'MARIE HELENE'],
  ])('%s → %s', (raw, asp) => {
    expect(aspName(raw)).toBe(asp);
  });
});

describe('field checks before export', () => {
  const ok: { lastName: string; firstNames: string; nir: string | null; passIae: string } = {
    lastName: 'Le Gall',
    firstNames: 'Maëlys',
    nir: NIR,
    passIae: '999992612345',
  };
  const fields = (over: Partial<typeof ok>) => aspFieldProblems({ ...ok, ...over }).map((p) => p.field);

  it('passes a complete record', () => {
    expect(aspFieldProblems(ok)).toEqual([]);
  });
  it.each([
    ['nom', { lastName: 'A'.repeat(ASP_LIMITS.lastName) }, []],
    ['nom', { lastName: 'A'.repeat(ASP_LIMITS.lastName + 1) }, ['nom']],
    ['prénom', { firstNames: 'B'.repeat(ASP_LIMITS.firstNames) }, []],
    ['prénom', { firstNames: 'B'.repeat(ASP_LIMITS.firstNames + 1) }, ['prenoms']],
    ['nom avec chiffre', { lastName: 'Dupont2' }, ['nom']],
    ['nom vide', { lastName: ' ' }, ['nom']],
    ['nom finissant par un tiret', { lastName: 'Dupont-' }, ['nom']],
    ['NIR absent', { nir: null }, ['nir']],
    ['NIR à mauvaise clé', { nir: `${NIR.slice(0, 13)}${NIR.slice(13) === '01' ? '02' : '01'}` }, ['nir']],
    ['PASS IAE de 12', { passIae: '9999 9261 2345' }, []],
    ['PASS IAE de 11', { passIae: '99999261234' }, ['pass_iae']],
    ['PASS IAE de 13', { passIae: '9999926123456' }, ['pass_iae']],
    ['PASS IAE absent', { passIae: '' }, ['pass_iae']],
  ])('%s', (_label, over, expected) => {
    expect(fields(over)).toEqual(expected);
  });
  it('says in French what to fix, with typographic apostrophes', () => {
    const [p] = aspFieldProblems({ ...ok, lastName: 'Dupont2' });
    expect(p!.message).toContain('l’ASP n’accepte que des lettres');
    expect(p!.message).toContain('fiche de la personne');
  });
});

describe('one row per contract and month', () => {
  const may = (f: AspContractFacts) => aspRow(f, '2026-05', '2026-05-31');

  it.each([
    ['term on the last day of the month', { endDate: '2026-05-31' }, '2026-05-31'],
    ['term on the first day of the next month', { endDate: '2026-06-01' }, null],
    ['term on the first day of the month', { endDate: '2026-05-01' }, '2026-05-01'],
    ['early end inside the month', { endDate: '2026-09-30', earlyEndDate: '2026-05-20' }, '2026-05-20'],
  ])('%s', (_label, over, actualEnd) => {
    expect(may(facts(over)).actualEndDate).toBe(actualEnd);
  });

  it('an ended contract with the parcours open: still accompanied, no exit category', () => {
    const r = may(facts({ endDate: '2026-05-15' }));
    expect([r.stillAccompanied, r.exitCategory, r.problems]).toEqual([true, null, []]);
  });
  it('an ended contract with an exit recorded: not accompanied, the ASP category of the outcome', () => {
    const r = may(
      facts({
        endDate: '2026-05-15',
        journeyStatus: 'sortie',
        outcome: { category: 'sortie_positive', exitedOn: '2026-05-15' },
      }),
    );
    expect([r.stillAccompanied, r.exitCategory, r.problems]).toEqual([false, 'sorties_positives', []]);
  });
  it('a parcours closed with no exit recorded is a problem saying where to fix it', () => {
    const r = may(facts({ endDate: '2026-05-15', journeyStatus: 'sortie' }));
    expect(r.problems.map((p) => p.field)).toEqual(['sortie']);
    expect(r.problems[0]!.message).toContain('15/05/2026');
    expect(r.problems[0]!.message).toContain('parcours de la personne');
  });
  it('an exit recorded on a contract still running does not end it', () => {
    const r = may(facts({ outcome: { category: 'emploi_durable', exitedOn: '2026-05-10' } }));
    expect([r.stillAccompanied, r.actualEndDate, r.exitCategory]).toEqual([true, null, null]);
  });
  it('maps the open freins to the ASP difficulties once each, sorted, dropping those with none', () => {
    const r = may(facts({ obstacles: ['logement', 'numerique', 'budget', 'garde_enfants', 'logement'] }));
    expect(r.difficulties).toEqual(['hebergement', 'manque_disponibilite', 'surendettement']);
  });
  it('hours from the pay lines, whole and to the hundredth', () => {
    const r = may(facts({ payLines: [line('heures_normales', 4770), line('absence_non_payee_maladie', 210, 0)] }));
    expect([r.paidMinutes, r.hours, r.centiHours]).toEqual([4770, 80, 7950]);
  });
});

describe('the one mapping table of exits and freins', () => {
  it.each(OUTCOME_CATEGORIES.map((c) => [c, ASP_EXIT_OF_OUTCOME[c]]))('%s → %s', (category, asp) => {
    expect(ASP_EXIT_CATEGORIES).toContain(asp);
    expect(ASP_EXIT_OF_OUTCOME[category as (typeof OUTCOME_CATEGORIES)[number]]).toBe(
      {
        emploi_durable: 'emploi_durable',
        emploi_transition: 'emploi_transition',
        sortie_positive: 'sorties_positives',
        autre_sortie: 'autres_sorties',
        sans_nouvelles: 'autres_sorties',
      }[category as string],
    );
  });
  it('every frein maps to an ASP difficulty or to none', () => {
    for (const k of OBSTACLE_KINDS) {
      const d = ASP_DIFFICULTY_OF_OBSTACLE[k];
      if (d !== null) expect(ASP_DIFFICULTIES).toContain(d);
    }
    expect(OBSTACLE_KINDS.filter((k) => ASP_DIFFICULTY_OF_OBSTACLE[k] === null)).toEqual([
      'numerique',
      'confiance',
      'autre',
    ]);
  });
  it('writes dates as JJ/MM/AAAA', () => {
    expect(aspDate('2026-05-07')).toBe('07/05/2026');
  });
});
