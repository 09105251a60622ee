import { WEEKDAY_LABELS } from '../../shared/contract/worksites';
import { longFrenchDate, weekdayOf } from '../../shared/dates';
import type { AgendaLine } from '../data';
import { spokenTime } from './spread';

/** "1er juin": the week's heading already says the year. */
const dayAndMonth = (iso: string) => longFrenchDate(iso).replace(/\u00a0\d{4}$/, '');

/** Half-days and annex times, week by week, in a table that never splits a row; times as they are said ("8 h 30 – 12 h"), each day on one line. */
export function AgendaTable({ weeks }: { weeks: { weekOf: string; lines: AgendaLine[] }[] }) {
  return (
    <>
      {weeks.map((week) => (
        <section key={week.weekOf} style={{ breakInside: 'avoid' }}>
          <h2>Semaine du {longFrenchDate(week.weekOf)}</h2>
          <table>
            <tbody>
              {week.lines.map((line) => (
                <tr
                  key={`${line.date}-${line.start}-${line.label}`}
                  style={line.cancelled ? { textDecoration: 'line-through' } : undefined}
                >
                  <td style={{ width: '38mm', whiteSpace: 'nowrap' }}>
                    {WEEKDAY_LABELS[weekdayOf(line.date)] ?? 'Dimanche'} {dayAndMonth(line.date)}
                  </td>
                  <td style={{ width: '34mm', whiteSpace: 'nowrap' }}>
                    {spokenTime(line.start)} – {spokenTime(line.end)}
                  </td>
                  <td>{line.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
