import { ORIENTATION_LABELS } from '../../shared/contract/bilans';
import { OUTCOME_CATEGORY_LABELS } from '../../shared/contract/journey-lists';
import { ACTIVITY_LABELS, WORKSITE_KIND_LABELS } from '../../shared/contract/worksites';
import { longFrenchDate } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import type { WorksiteDocumentData } from '../data';
import { rateText, Words } from './bilan-parts';
import { Letterhead, referenceOf } from './parts';

/** The collective bilan for funders and the partner: who took part, attendance, hours, orientations, outcomes, what was produced. */
export function BilanChantier({ d }: { d: WorksiteDocumentData }) {
  const b = d.bilan!;
  const total = b.participants.reduce(
    (sum, p) => ({
      held: sum.held + p.attendance.held,
      attended: sum.attended + p.attendance.attended,
      plannedMinutes: sum.plannedMinutes + p.attendance.plannedMinutes,
      workedMinutes: sum.workedMinutes + p.attendance.workedMinutes,
      paidMinutes: sum.paidMinutes + p.attendance.paidMinutes,
    }),
    { held: 0, attended: 0, plannedMinutes: 0, workedMinutes: 0, paidMinutes: 0 },
  );
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={referenceOf(d)} />
      <h1>Bilan du chantier « {b.worksite.name} »</h1>
      <p className="subtitle">
        {WORKSITE_KIND_LABELS[b.worksite.kind]} — {ACTIVITY_LABELS[b.worksite.activity]} — du {longFrenchDate(b.worksite.startDate)} au{' '}
        {longFrenchDate(b.worksite.endDate)}
        {b.worksite.clientName ? ` — pour ${b.worksite.clientName}` : ''}
      </p>
      <h2>Participants ({b.participants.length})</h2>
      <table>
        <thead>
          <tr>
            <th>Personne</th>
            <th>Présence (demi-journées)</th>
            <th>Taux</th>
            <th>Heures travaillées</th>
            <th>Orientation proposée</th>
            <th>Sortie</th>
          </tr>
        </thead>
        <tbody>
          {b.participants.map((p) => (
            <tr key={p.participationId}>
              <td>{p.name}</td>
              <td>
                {p.attendance.attended} / {p.attendance.held}
              </td>
              <td className="num">{rateText(p.attendance)}</td>
              <td className="num">{formatDuration(p.attendance.workedMinutes)}</td>
              <td>{p.orientation ? ORIENTATION_LABELS[p.orientation] : '—'}</td>
              <td className="small">
                {p.outcome ? OUTCOME_CATEGORY_LABELS[p.outcome.category] : '—'}
                {p.outcome?.afterThreeMonths ? ` ; à 3 mois : ${p.outcome.afterThreeMonths}` : ''}
              </td>
            </tr>
          ))}
          <tr>
            <th>Total</th>
            <th>
              {total.attended} / {total.held}
            </th>
            <th className="num">{rateText(total)}</th>
            <th className="num">{formatDuration(total.workedMinutes)}</th>
            <th colSpan={2}>Heures payées : {formatDuration(total.paidMinutes)}</th>
          </tr>
        </tbody>
      </table>
      <h2>Réalisations pour le client</h2>
      <Words text={b.form.production} />
      <h2>Incidents</h2>
      <p>
        {b.incidentsNoted === 0 ? "Aucun incident noté par l'encadrant." : `${b.incidentsNoted} incident${b.incidentsNoted > 1 ? 's' : ''} noté${b.incidentsNoted > 1 ? 's' : ''} par l'encadrant.`}
      </p>
      <Words text={b.form.incidents} />
      <h2>Commentaire</h2>
      <Words text={b.form.comments} />
    </>
  );
}
