import { HALF_DAY_LABELS, WEEKDAY_LABELS } from '../../shared/contract/worksites';
import { formatFrenchDate, longFrenchDate, weekdayOf } from '../../shared/dates';
import type { WorksiteDocumentData } from '../data';
import { referenceOf } from './parts';

/**
 * The week's feuille d'émargement, landscape: one row per participant, a
 * signature box per half-day with its planned times; holidays and cancelled
 * half-days shown as such; the supervisor signs at the bottom. Printable
 * blank before the week.
 */
export function AttendanceSheet({ d }: { d: WorksiteDocumentData }) {
  const { columns, rows } = d.sheet!;
  return (
    <>
      <div className="letterhead">
        <div className="issuer">
          <strong>{d.structure.name}</strong> — feuille d'émargement
        </div>
        <div className="small">Réf. {referenceOf(d)}</div>
      </div>
      <h1 style={{ marginTop: '3mm' }}>
        {d.worksite.name} — semaine du {longFrenchDate(d.weekOf!)}
      </h1>
      <p className="subtitle">
        {d.worksite.workAddress}
        {d.worksite.supervisorName ? ` — encadrant : ${d.worksite.supervisorName}` : ''}
      </p>
      <table className="sheet">
        <thead>
          <tr>
            <th style={{ width: '45mm' }}>Participant</th>
            {columns.map((c) => (
              <th key={`${c.date}-${c.halfDay}`}>
                {WEEKDAY_LABELS[weekdayOf(c.date)]} {formatFrenchDate(c.date).slice(0, 5)}
                <div className="small">
                  {HALF_DAY_LABELS[c.halfDay]} {c.start}–{c.end}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} style={{ height: '14mm' }}>
              <td>{row.name}</td>
              {columns.map((c, i) => (
                <td key={`${c.date}-${c.halfDay}`} style={c.state === 'session' && row.open[i] ? undefined : { background: '#e6e6e6', textAlign: 'center' }}>
                  {c.state === 'holiday' && <span className="small">férié ({c.label})</span>}
                  {c.state === 'cancelled' && <span className="small">annulée</span>}
                  {c.state === 'closed' && <span className="small">fermé ({c.label})</span>}
                  {c.state === 'session' && !row.open[i] && <span className="small">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="signatures">
        <div className="boxes">
          <div className="box" style={{ minHeight: '22mm' }}>
            <div className="who">Visa de l'encadrant technique</div>
            <div>{d.worksite.supervisorName ?? ''}</div>
          </div>
          <div className="small">
            Chaque personne signe la case de chaque demi-journée où elle est présente. Les cases grisées ne sont pas à signer (jour férié,
            demi-journée annulée, hors contrat).
          </div>
        </div>
      </section>
    </>
  );
}
