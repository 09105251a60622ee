/**
 * Instants (UTC ISO strings, as the journal stores them) read as the time in
 * metropolitan France, where the structure works: « 2 décembre 2026 à 10 h 31 ».
 */

const PARTS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** « 1er décembre 2026 à 9 h 05 »: the long date of French letters, the time written as staff write it. */
export function formatFrenchInstant(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = partsOf(instant);
  const day = p.day === '1' ? '1er' : p.day;
  return `${day} ${p.month} ${p.year} à ${Number(p.hour)}\u00a0h\u00a0${p.minute}`;
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
