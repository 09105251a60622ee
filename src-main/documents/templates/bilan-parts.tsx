import type { AttendanceFigures } from '../../shared/contract/bilans';
import { EVALUATION_LEVEL_LABELS, type EvaluationLevel } from '../../shared/contract/evaluations';
import { attendanceRateText } from '../../shared/attendance-rate';
import { formatDuration } from '../../shared/time';

export const levelText = (level: EvaluationLevel | null) => (level ? EVALUATION_LEVEL_LABELS[level] : '—');

export function rateText(a: AttendanceFigures): string {
  return attendanceRateText(a.attended, a.held);
}

/** Half-days and hours of one person (or a total), as the hours screens count them. */
export function AttendanceTable({ a }: { a: AttendanceFigures }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Demi-journées tenues</th>
          <th>Demi-journées de présence</th>
          <th>Taux de présence</th>
          <th>Heures prévues</th>
          <th>Heures travaillées</th>
          <th>Heures payées</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{a.held}</td>
          <td>{a.attended}</td>
          <td>{rateText(a)}</td>
          <td>{formatDuration(a.plannedMinutes)}</td>
          <td>{formatDuration(a.workedMinutes)}</td>
          <td>{formatDuration(a.paidMinutes)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Free text typed in the bilan, its line breaks kept; a short sentence when nothing was written. */
export function Words({ text, none = 'Non renseigné.' }: { text: string; none?: string }) {
  // A sentence, not a dash: a reader of the printed page cannot tell a dash from a field the printer lost.
  if (text.trim() === '') return <p className="small">{none}</p>;
  return (
    <>
      {text.split(/\n+/).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}
