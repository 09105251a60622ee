import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centiHoursOf, lineAmountCents } from '../../src-main/domain/pay-lines';
import { recordedOf, regularisationLines, rowOf, type ComparedLine } from '../../src-main/domain/regularisation-lines';
import type { PayItem } from '../../src-main/shared/contract/pay-items';

/** A pay line of June 2026 as kept or counted: rate 12,02 € (120200) unless said. */
const line = (item: PayItem, dates: string[], minutes: number, rateCentiCents = 120200): ComparedLine => ({
  item,
  dates,
  minutes,
  centiHours: centiHoursOf(minutes),
  rateCentiCents,
});
const HC10 = 132220; // 12,02 € + 10 %
const HC25 = 150250; // 12,02 € + 25 %

describe('une régularisation est la différence des lignes de paie (L3123-8, L3123-29, L3231-2)', () => {
  it.each([
    {
      story: 'une absence le 18 juin reprend 3 h complémentaires à +10 % (et non 3 h normales)',
      kept: [line('heures_normales', ['2026-06-15', '2026-06-16'], 840), line('hc_10', ['2026-06-18'], 180, HC10)],
      now: [line('heures_normales', ['2026-06-15', '2026-06-16'], 840)],
      expected: [
        {
          item: 'hc_10',
          from: '2026-06-18',
          to: '2026-06-18',
          minutes: -180,
          centiHours: -300,
          rateCentiCents: HC10,
          amountCents: -3967,
        },
      ],
    },
    {
      story: 'un temps annexe fait après la transmission paie 2 h complémentaires à +10 %',
      kept: [line('heures_normales', ['2026-06-15'], 840)],
      now: [line('heures_normales', ['2026-06-15'], 840), line('hc_10', ['2026-06-17'], 120, HC10)],
      expected: [
        {
          item: 'hc_10',
          from: '2026-06-17',
          to: '2026-06-17',
          minutes: 120,
          centiHours: 200,
          rateCentiCents: HC10,
          amountCents: 2644,
        },
      ],
    },
    {
      story: 'les heures payées ne changent pas mais passent de +25 % à +10 %',
      kept: [line('hc_10', ['2026-06-18'], 60, HC10), line('hc_25', ['2026-06-18'], 60, HC25)],
      now: [line('hc_10', ['2026-06-18'], 120, HC10)],
      expected: [
        {
          item: 'hc_10',
          from: '2026-06-18',
          to: '2026-06-18',
          minutes: 60,
          centiHours: 100,
          rateCentiCents: HC10,
          amountCents: 1322,
        },
        {
          item: 'hc_25',
          from: '2026-06-18',
          to: '2026-06-18',
          minutes: -60,
          centiHours: -100,
          rateCentiCents: HC25,
          amountCents: -1503,
        },
      ],
    },
    {
      story: 'le SMIC change le 15 : seule la ligne au taux des jours modifiés est régularisée, à ce taux',
      kept: [
        line('heures_normales', ['2026-06-01', '2026-06-08'], 420, 118800),
        line('heures_normales', ['2026-06-15', '2026-06-22'], 420),
      ],
      now: [
        line('heures_normales', ['2026-06-01', '2026-06-08'], 420, 118800),
        line('heures_normales', ['2026-06-15'], 210),
      ],
      expected: [
        {
          item: 'heures_normales',
          from: '2026-06-22',
          to: '2026-06-22',
          minutes: -210,
          centiHours: -350,
          rateCentiCents: 120200,
          amountCents: -4207,
        },
      ],
    },
    {
      story: 'rien ne change : aucune ligne',
      kept: [line('heures_normales', ['2026-06-15'], 840), line('hc_10', ['2026-06-18'], 180, HC10)],
      now: [line('hc_10', ['2026-06-18'], 180, HC10), line('heures_normales', ['2026-06-15'], 840)],
      expected: [],
    },
    {
      story: 'les heures complémentaires de deux semaines restent deux lignes',
      kept: [line('hc_10', ['2026-06-04'], 60, HC10), line('hc_10', ['2026-06-11'], 60, HC10)],
      now: [],
      expected: [
        {
          item: 'hc_10',
          from: '2026-06-04',
          to: '2026-06-04',
          minutes: -60,
          centiHours: -100,
          rateCentiCents: HC10,
          amountCents: -1322,
        },
        {
          item: 'hc_10',
          from: '2026-06-11',
          to: '2026-06-11',
          minutes: -60,
          centiHours: -100,
          rateCentiCents: HC10,
          amountCents: -1322,
        },
      ],
    },
  ])('$story', ({ kept, now, expected }) => {
    expect(regularisationLines(kept, now)).toEqual(expected);
  });

  it('laisse de côté les régularisations que le mois portait déjà, et déduit celles déjà enregistrées', () => {
    const carried = { ...line('hc_10', ['2026-05-20'], -60, HC10), regularisation: true };
    const kept = [line('heures_normales', ['2026-06-15'], 840), line('hc_10', ['2026-06-18'], 180, HC10), carried];
    const now = [line('heures_normales', ['2026-06-15'], 840), carried];
    const taken = regularisationLines(kept, now);
    expect(taken.map((l) => [l.item, l.minutes])).toEqual([['hc_10', -180]]);
    expect(regularisationLines(kept, now, taken)).toEqual([]);
    // A row kept before pay lines were: paid minutes of a day, at its normal rate.
    const old = recordedOf(
      {
        date: '2026-06-18',
        paidDelta: -180,
        item: null,
        dateTo: null,
        minutes: null,
        centiHours: null,
        rateCentiCents: null,
      },
      () => 120200,
    );
    expect(regularisationLines(kept, now, [old]).map((l) => [l.item, l.minutes, l.rateCentiCents])).toEqual([
      ['heures_normales', 180, 120200],
      ['hc_10', -180, HC10],
    ]);
  });

  it('stocke les minutes payées et travaillées que la ligne déplace', () => {
    const [hc] = regularisationLines([line('hc_10', ['2026-06-18'], 180, HC10)], []);
    expect(rowOf(hc!)).toMatchObject({
      item: 'hc_10',
      date: '2026-06-18',
      dateTo: '2026-06-18',
      paidDelta: -180,
      workedDelta: -180,
      centiHours: -300,
    });
    const [unpaid] = regularisationLines([], [line('absence_non_payee_non_justifiee', ['2026-06-18'], 210, 0)]);
    expect(rowOf(unpaid!)).toMatchObject({
      item: 'absence_non_payee_non_justifiee',
      paidDelta: 0,
      workedDelta: 0,
      minutes: 210,
    });
  });

  it('la somme des montants régularisés est le brut recalculé moins le brut transmis, au centime d’arrondi près par ligne', () => {
    const items: PayItem[] = ['heures_normales', 'hc_10', 'hc_25', 'temps_annexe', 'ferie_paye'];
    const arbLine = fc.record({
      item: fc.constantFrom(...items),
      day: fc.integer({ min: 1, max: 28 }),
      minutes: fc.integer({ min: 1, max: 600 }),
      rate: fc.constantFrom(118800, 120200, HC10, HC25, 123456),
    });
    // One line per item, rate and day on each side: as pay lines are.
    const side = fc.uniqueArray(arbLine, { selector: (l) => `${l.item}|${l.rate}|${l.day}`, maxLength: 8 });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const toLine = (l: { item: PayItem; day: number; minutes: number; rate: number }) =>
          line(l.item, [`2026-06-${String(l.day).padStart(2, '0')}`], l.minutes, l.rate);
        const kept = a.map(toLine);
        const now = b.map(toLine);
        const gross = (ls: ComparedLine[]) =>
          ls.reduce((t, l) => t + lineAmountCents(l.centiHours, l.rateCentiCents), 0);
        const lines = regularisationLines(kept, now);
        const sum = lines.reduce((t, l) => t + l.amountCents, 0);
        // Each line's amount is its quantity × its rate, rounded once.
        for (const l of lines) expect(l.amountCents).toBe(lineAmountCents(l.centiHours, l.rateCentiCents));
        // The quantities are exactly the difference; the amounts differ only by the rounding of each line.
        expect(lines.reduce((t, l) => t + l.centiHours, 0)).toBe(
          now.reduce((t, l) => t + l.centiHours, 0) - kept.reduce((t, l) => t + l.centiHours, 0),
        );
        expect(Math.abs(sum - (gross(now) - gross(kept)))).toBeLessThanOrEqual(lines.length);
        // Whole hours at rates in whole cents leave no rounding: the sum is exact.
        const whole = (ls: ComparedLine[]) =>
          ls.map((l) => ({
            ...l,
            minutes: Math.ceil(l.minutes / 60) * 60,
            centiHours: Math.ceil(l.minutes / 60) * 100,
            rateCentiCents: 120200,
          }));
        const exact = regularisationLines(whole(kept), whole(now));
        expect(exact.reduce((t, l) => t + l.amountCents, 0)).toBe(gross(whole(now)) - gross(whole(kept)));
      }),
    );
  });
});
