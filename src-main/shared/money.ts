/** Money crosses the boundary and is stored as integer cents; French display uses a decimal comma. */

export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}\u00a0€`;
}

/** Euros typed as a number (12.02) to cents, without floating-point drift. */
export function eurosToCents(euros: number): number {
  return Math.round(euros * 100);
}
