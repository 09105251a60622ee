/**
 * Statistical secrecy for every report (screen, PDF, xlsx alike): a count of
 * 1 to 4 people is hidden ("< 5"), and enough other cells with it that no
 * hidden count can be found again from what the report shows — by subtracting
 * shown cells from shown totals, in any table, or by comparing tables (a total
 * by sex, by age and overall is the same population; the sex × age margins
 * are the sex and age breakdowns; fine age brackets add up to broad ones).
 *
 * A report is a set of published counts (one id per figure, however many
 * tables print it: one state, so a figure hidden in one table is hidden in
 * all) and sum rules between them. The attacker knows every shown value and
 * every sum rule, and reads the marks: "< 5" is 0 to 4, "s" is 5 or more (only
 * counts of 5 or more are hidden as "s"; a zero hidden to protect a small
 * count is marked "< 5", which it is). For each hidden count it computes the
 * exact range of whole values consistent with all that (`linear-bounds.ts`);
 * the count is protected when at least two values remain, and a count under 5
 * cannot be proven to be 5 or more.
 *
 * Counts that are not people (worksites, half-days, hours) never enter here.
 * Practice of the statistical institutes (INSEE, « secret statistique » under
 * loi n° 51-711 du 7 juin 1951, art. 6): threshold of 5 and complementary
 * suppression.
 */
import { rangeOf, type LinearSystem } from './linear-bounds';

export type CellState = 'shown' | 'primary' | 'complementary';
export type Mask = '< 5' | 's';

export const SECRECY_THRESHOLD = 5;

export interface SecrecyCell {
  id: string;
  value: number;
}

/** `total` = Σ `parts`, between published counts. */
export interface SumRule {
  total: string;
  parts: string[];
}

export interface SecrecyReport {
  cells: SecrecyCell[];
  sums: SumRule[];
}

export type States = Map<string, CellState>;

/** The mark a hidden count carries (null when shown). */
export function maskOf(value: number, state: CellState, threshold = SECRECY_THRESHOLD): Mask | null {
  if (state === 'shown') return null;
  return value < threshold ? '< 5' : 's';
}

/** What the attacker learns from a count: its value when shown, else the range its mark states. */
function knownRange(value: number, state: CellState, threshold: number): { lower: number; upper: number } {
  const mask = maskOf(value, state, threshold);
  if (mask === null) return { lower: value, upper: value };
  return mask === '< 5' ? { lower: 0, upper: threshold - 1 } : { lower: threshold, upper: Infinity };
}

/** The range of whole values each hidden count can take, given everything the report shows. */
export function attack(
  report: SecrecyReport,
  states: States,
  only: readonly string[] | null = null,
  threshold = SECRECY_THRESHOLD,
): Map<string, { min: number; max: number }> {
  const values = new Map(report.cells.map((c) => [c.id, c.value]));
  const hidden = report.cells.filter((c) => states.get(c.id) !== 'shown').map((c) => c.id);
  const index = new Map(hidden.map((id, i) => [id, i]));
  const ranges = hidden.map((id) => knownRange(values.get(id)!, states.get(id)!, threshold));
  const system: LinearSystem = { lower: ranges.map((r) => r.lower), upper: ranges.map((r) => r.upper), equations: [] };
  for (const sum of report.sums) {
    const coefficients = new Map<number, number>();
    let rhs = 0;
    for (const [id, sign] of [[sum.total, 1] as const, ...sum.parts.map((p) => [p, -1] as const)]) {
      const i = index.get(id);
      if (i === undefined) rhs -= sign * values.get(id)!;
      else coefficients.set(i, (coefficients.get(i) ?? 0) + sign);
    }
    if ([...coefficients.values()].some((c) => c !== 0)) system.equations.push({ coefficients, rhs });
  }
  const result = new Map<string, { min: number; max: number }>();
  for (const id of only ?? hidden) {
    const range = rangeOf(system, index.get(id)!);
    if (!range) throw new Error(`Secret statistique : les chiffres du rapport ne sont pas cohérents (${id}).`);
    result.set(id, range);
  }
  return result;
}

/** Whether the attacker's range keeps a hidden count secret. */
function safe(value: number, range: { min: number; max: number }, threshold: number): boolean {
  return range.max - range.min >= 1 && (value >= threshold || range.min < threshold);
}

/** The hidden counts an attacker can pin down (empty when the report is protected). */
export function exposedCells(report: SecrecyReport, states: States, threshold = SECRECY_THRESHOLD): string[] {
  const values = new Map(report.cells.map((c) => [c.id, c.value]));
  return [...attack(report, states, null, threshold)]
    .filter(([id, range]) => !safe(values.get(id)!, range, threshold))
    .map(([id]) => id);
}

/**
 * Which counts to hide: the small ones, then, while the attacker can pin a
 * hidden count, one more shown count near it — among those sharing a sum
 * with it, then those sharing a sum with the hidden counts linked to it — the
 * smallest that widens its range (counts of 5 or more before zeros), else
 * the smallest. Hiding more only widens ranges, so a count once safe stays
 * safe and each is checked once.
 */
export function protectReport(report: SecrecyReport, threshold = SECRECY_THRESHOLD): States {
  const values = new Map(report.cells.map((c) => [c.id, c.value]));
  const states: States = new Map(
    report.cells.map((c) => [c.id, c.value > 0 && c.value < threshold ? 'primary' : 'shown']),
  );
  const sumsOf = new Map<string, SumRule[]>();
  for (const sum of report.sums)
    for (const id of [sum.total, ...sum.parts]) sumsOf.set(id, [...(sumsOf.get(id) ?? []), sum]);
  const members = (sum: SumRule) => [sum.total, ...sum.parts];
  const byPreference = (ids: Iterable<string>) =>
    [...new Set(ids)]
      .filter((id) => states.get(id) === 'shown')
      .sort(
        (a, b) =>
          Number(values.get(a) === 0) - Number(values.get(b) === 0) ||
          values.get(a)! - values.get(b)! ||
          a.localeCompare(b),
      );
  const queue = report.cells.filter((c) => states.get(c.id) !== 'shown').map((c) => c.id);
  while (queue.length > 0) {
    const id = queue[0]!;
    const range = attack(report, states, [id], threshold).get(id)!;
    if (safe(values.get(id)!, range, threshold)) {
      queue.shift();
      continue;
    }
    // Its own sums first, then the sums of the hidden counts linked to it.
    const near = byPreference((sumsOf.get(id) ?? []).flatMap(members));
    const linked = new Set([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const other of [...linked]) {
        for (const m of (sumsOf.get(other) ?? []).flatMap(members)) {
          if (states.get(m) !== 'shown' && !linked.has(m)) {
            linked.add(m);
            grew = true;
          }
        }
      }
    }
    const far = byPreference([...linked].flatMap((l) => (sumsOf.get(l) ?? []).flatMap(members))).filter(
      (c) => !near.includes(c),
    );
    const widens = (candidate: string) => {
      states.set(candidate, 'complementary');
      const wider = attack(report, states, [id], threshold).get(id)!;
      states.set(candidate, 'shown');
      return wider.max - wider.min > range.max - range.min || wider.min < range.min;
    };
    const pick = [...near, ...far].find(widens) ?? near[0] ?? far[0] ?? byPreference(values.keys())[0];
    if (pick === undefined) throw new Error('Secret statistique : aucune case ne peut plus être masquée.');
    states.set(pick, 'complementary');
    queue.push(pick);
  }
  return states;
}

export const SECRECY_NOTE =
  '« < 5 » : moins de 5 personnes, masqué (secret statistique). « s » : 5 personnes ou plus, masqué pour qu’aucun chiffre masqué ne puisse être retrouvé à partir des totaux ou des autres tableaux.';
