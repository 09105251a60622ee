import { HALF_DAY_LABELS, WEEKDAY_LABELS } from '../../shared/contract/worksites';
import { formatDuration, timeToMinutes } from '../../shared/time';
import type { HalfDaySpread } from '../data';

/** "08:30" → "8 h 30", "12:00" → "12 h". */
export function spokenTime(time: string): string {
  return formatDuration(timeToMinutes(time));
}

/** The weekly spread by half-day (L3123-6): one row per worked half-day. */
export function SpreadTable({ spread }: { spread: HalfDaySpread[] }) {
  return (
    <table className="spread">
      <thead>
        <tr>
          <th>Jour</th>
          <th>Demi-journée</th>
          <th>Horaires</th>
        </tr>
      </thead>
      <tbody>
        {spread.map((s) => (
          <tr key={`${s.weekday}-${s.halfDay}`}>
            <td>{WEEKDAY_LABELS[s.weekday]}</td>
            <td>{HALF_DAY_LABELS[s.halfDay]}</td>
            <td>
              de {spokenTime(s.start)} à {spokenTime(s.end)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
