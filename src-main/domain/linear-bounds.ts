/**
 * The exact range of one unknown under linear equalities and bounds, by a
 * small two-phase simplex (Bland's rule, so it cannot cycle). Used by the
 * statistical-secrecy attacker: the systems are tiny (tens of unknowns) and
 * their coefficients 0 or ±1, so plain floating point with a tolerance is
 * exact enough; the answer is rounded inward to whole numbers.
 */

const EPS = 1e-9;

export interface LinearSystem {
  /** One entry per unknown. */
  lower: number[];
  /** Infinity when unbounded above. */
  upper: number[];
  /** Σ coefficients[j] · x[j] = rhs; coefficients as a sparse map unknown → coefficient. */
  equations: { coefficients: Map<number, number>; rhs: number }[];
}

type Outcome = { kind: 'optimal'; value: number } | { kind: 'infeasible' } | { kind: 'unbounded' };

function pivot(rows: number[][], basis: number[], r: number, c: number): void {
  const row = rows[r]!;
  const p = row[c]!;
  for (let j = 0; j < row.length; j++) row[j]! /= p;
  for (let i = 0; i < rows.length; i++) {
    if (i === r) continue;
    const factor = rows[i]![c]!;
    if (Math.abs(factor) < EPS) continue;
    const target = rows[i]!;
    for (let j = 0; j < target.length; j++) target[j]! -= factor * row[j]!;
  }
  basis[r] = c;
}

/** Minimises cost·y over the tableau's columns below `allowed`; false when unbounded. */
function iterate(rows: number[][], basis: number[], cost: (j: number) => number, allowed: number): boolean {
  const rhs = (i: number) => rows[i]![rows[i]!.length - 1]!;
  for (;;) {
    let entering = -1;
    for (let j = 0; j < allowed && entering < 0; j++) {
      if (basis.includes(j)) continue;
      let reduced = cost(j);
      for (let i = 0; i < rows.length; i++) reduced -= cost(basis[i]!) * rows[i]![j]!;
      if (reduced < -EPS) entering = j;
    }
    if (entering < 0) return true;
    let leaving = -1;
    let best = Infinity;
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i]![entering]!;
      if (a <= EPS) continue;
      const ratio = rhs(i) / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leaving]!)) {
        best = ratio;
        leaving = i;
      }
    }
    if (leaving < 0) return false;
    pivot(rows, basis, leaving, entering);
  }
}

/** min c·y subject to A y = b, y ≥ 0 (dense). */
function simplex(a: number[][], b: number[], c: number[]): Outcome {
  const m = a.length;
  const n = c.length;
  const rows = a.map((row, i) => {
    const sign = b[i]! < 0 ? -1 : 1;
    return [...row.map((v) => v * sign), ...Array.from({ length: m }, (_, k) => (k === i ? 1 : 0)), b[i]! * sign];
  });
  const basis = Array.from({ length: m }, (_, i) => n + i);
  iterate(rows, basis, (j) => (j >= n ? 1 : 0), n + m);
  const infeasibility = rows.reduce((sum, row, i) => sum + (basis[i]! >= n ? row[row.length - 1]! : 0), 0);
  if (infeasibility > 1e-7) return { kind: 'infeasible' };
  // Artificial unknowns left in the basis at zero: pivot them out, or drop their (redundant) row.
  for (let i = 0; i < rows.length; i++) {
    if (basis[i]! < n) continue;
    const j = rows[i]!.findIndex((v, k) => k < n && Math.abs(v) > EPS);
    if (j >= 0) pivot(rows, basis, i, j);
    else {
      rows.splice(i, 1);
      basis.splice(i, 1);
      i--;
    }
  }
  if (!iterate(rows, basis, (j) => (j < n ? c[j]! : 0), n)) return { kind: 'unbounded' };
  return {
    kind: 'optimal',
    value: rows.reduce((sum, row, i) => sum + (basis[i]! < n ? c[basis[i]!]! * row[row.length - 1]! : 0), 0),
  };
}

/**
 * The smallest and largest values unknown `k` can take (as whole numbers,
 * max Infinity when unbounded), or null when the system has no solution.
 */
export function rangeOf(system: LinearSystem, k: number): { min: number; max: number } | null {
  const n = system.lower.length;
  // x = lower + y, y ≥ 0; a finite upper bound becomes y + slack = upper − lower.
  const bounded = system.upper.map((u, j) => (Number.isFinite(u) ? j : -1)).filter((j) => j >= 0);
  const width = n + bounded.length;
  const a: number[][] = [];
  const b: number[] = [];
  for (const e of system.equations) {
    const row = new Array<number>(width).fill(0);
    let rhs = e.rhs;
    for (const [j, coefficient] of e.coefficients) {
      row[j] = coefficient;
      rhs -= coefficient * system.lower[j]!;
    }
    a.push(row);
    b.push(rhs);
  }
  bounded.forEach((j, s) => {
    const row = new Array<number>(width).fill(0);
    row[j] = 1;
    row[n + s] = 1;
    a.push(row);
    b.push(system.upper[j]! - system.lower[j]!);
  });
  const objective = (sign: number) => Array.from({ length: width }, (_, j) => (j === k ? sign : 0));
  const low = simplex(a, b, objective(1));
  if (low.kind === 'infeasible') return null;
  const high = simplex(a, b, objective(-1));
  const min = system.lower[k]! + (low.kind === 'optimal' ? low.value : 0);
  const max = high.kind === 'unbounded' ? Infinity : system.lower[k]! - (high.kind === 'optimal' ? high.value : 0);
  // `+ 0`: no negative zero.
  return { min: Math.ceil(min - 1e-6) + 0, max: Number.isFinite(max) ? Math.floor(max + 1e-6) + 0 : Infinity };
}
