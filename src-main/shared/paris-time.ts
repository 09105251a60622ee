/**
 * Instants (UTC ISO strings, as the journal stores them) read as the time in
 * metropolitan France, where the structure works: « 02/12/2026 à 10 h 31 », the day
 * written like every date on screen (JJ/MM/AAAA), the time as staff write it.
 */

const PARTS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Paris: 23 h 30 UTC on 1 December is already 2 December there. */
export function parisDateOf(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso.slice(0, 10);
  const p = partsOf(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** « 01/12/2026 », the day of an instant in Paris, as every date reads on screen. */
export function formatFrenchDayOf(iso: string): string {
  const [y, m, d] = parisDateOf(iso).split('-');
  return `${d}/${m}/${y}`;
}

/** « 01/12/2026 à 9 h 05 »: the day as on every screen, the time as staff write it, in Paris. */
export function formatFrenchInstant(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = partsOf(instant);
  return `${p.day}/${p.month}/${p.year} à ${Number(p.hour)}\u00a0h\u00a0${p.minute}`;
}

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const name = OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The UTC instant at which a calendar day (`YYYY-MM-DD`) starts in Paris. Clocks change at 2 or 3 a.m., never at midnight. */
export function parisDayStart(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - parisOffsetMinutes(new Date(utcMidnight)) * 60_000).toISOString();
}
