import { ORIENTATION_LABELS } from '../../shared/contract/bilans';
import { OUTCOME_CATEGORY_LABELS } from '../../shared/contract/journey-lists';
import { ACTIVITY_LABELS, WORKSITE_KIND_LABELS } from '../../shared/contract/worksites';
import { longFrenchDate } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import type { WorksiteDocumentData } from '../data';
import { rateText, Words } from './bilan-parts';
import { Letterhead, referenceOf } from './parts';

/** How many participants fall under each label, most frequent first. */
function countsOf(labels: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'));
}

function CountTable({ heading, rows }: { heading: string; rows: [string, number][] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>{heading}</th>
          <th className="num">Participants</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <td>{label}</td>
            <td className="num">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The collective bilan: attendance, hours, orientations, exits, what was produced.
 * By default for funders and the client, with counts only and no one's name
 * (nor the free text about incidents, which may name people); `named`, the
 * internal version listing each participant, marked so on every page.
 */
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
        {WORKSITE_KIND_LABELS[b.worksite.kind]} — {ACTIVITY_LABELS[b.worksite.activity]} — du{' '}
        {longFrenchDate(b.worksite.startDate)} au {longFrenchDate(b.worksite.endDate)}
        {b.worksite.clientName ? ` — pour ${b.worksite.clientName}` : ''}
      </p>
      {d.named && (
        <p className="reference">
          <strong>
            Document interne — contient des données personnelles : ne pas transmettre aux financeurs ni au client.
          </strong>
        </p>
      )}
      <h2>Participants ({b.participants.length})</h2>
      {d.named ? (
        <table>
          <thead>
            <tr>
              <th>Personne</th>
              <th>Présence (demi-journées)</th>
              <th className="num">Taux</th>
              <th className="num">Heures travaillées</th>
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
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th>Demi-journées de présence / tenues</th>
                <th className="num">Taux de présence</th>
                <th className="num">Heures prévues</th>
                <th className="num">Heures travaillées</th>
                <th className="num">Heures payées</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  {total.attended} / {total.held}
                </td>
                <td className="num">{rateText(total)}</td>
                <td className="num">{formatDuration(total.plannedMinutes)}</td>
                <td className="num">{formatDuration(total.workedMinutes)}</td>
                <td className="num">{formatDuration(total.paidMinutes)}</td>
              </tr>
            </tbody>
          </table>
          <CountTable
            heading="Orientation proposée"
            rows={countsOf(
              b.participants.map((p) => (p.orientation ? ORIENTATION_LABELS[p.orientation] : 'Non renseignée')),
            )}
          />
          <CountTable
            heading="Sortie"
            rows={countsOf(
              b.participants.map((p) => (p.outcome ? OUTCOME_CATEGORY_LABELS[p.outcome.category] : 'Non renseignée')),
            )}
          />
        </>
      )}
      <h2>Réalisations pour le client</h2>
      <Words text={b.form.production} />
      <h2>Incidents</h2>
      <p>
        {b.incidentsNoted === 0
          ? 'Aucun incident noté par l’encadrant.'
          : `${b.incidentsNoted} incident${b.incidentsNoted > 1 ? 's' : ''} noté${b.incidentsNoted > 1 ? 's' : ''} par l’encadrant.`}
      </p>
      {d.named ? (
        <Words text={b.form.incidents} />
      ) : (
        <p className="small">Le détail des incidents figure dans la version interne du bilan.</p>
      )}
      <h2>Commentaire</h2>
      <Words text={b.form.comments} none="Aucun commentaire." />
    </>
  );
}
