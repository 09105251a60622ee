/**
 * Long-term unemployment from the France Travail registration date:
 * ≥ 12 months "longue durée", ≥ 24 months "très longue durée" (an IAE level-1
 * eligibility criterion).
 */
export type UnemploymentLength = 'non' | 'longue' | 'tres_longue';

export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function unemploymentLength(registeredSince: string, on: string): UnemploymentLength {
  const months = monthsBetween(registeredSince, on);
  if (months >= 24) return 'tres_longue';
  if (months >= 12) return 'longue';
  return 'non';
}
