/**
 * The attendance rate, one rule for the screens, the bilans and the funders'
 * figures: half-days attended (late included) over half-days held, in whole
 * percent, rounded half up; none before a half-day was held.
 */
export function attendanceRate(attended: number, held: number): number | null {
  return held === 0 ? null : Math.round((attended / held) * 100);
}

/** « 88 % », or « — » before any half-day was held: as the screens and the bilans print it. */
export function attendanceRateText(attended: number, held: number): string {
  const rate = attendanceRate(attended, held);
  return rate === null ? '—' : `${rate} %`;
}
