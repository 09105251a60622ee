import { formatFrenchDate } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import { ASP_DIFFICULTY_LABELS, ASP_EXIT_CATEGORY_LABELS, type AspMonthView } from '../../shared/contract/asp';
import type { StructureParty } from '../data';
import { Letterhead, SignatureBlock } from './parts';

export interface AspMonthlyStateData {
  monthLabel: string;
  period: { first: string; last: string };
  reference: string;
  issuedOn: string;
  structure: StructureParty;
  employer: { name: string; siret: string };
  validatedBy: string;
  validatedAt: string;
  rows: AspMonthView['rows'];
}

export { LANDSCAPE_CSS as ASP_MONTHLY_STATE_CSS } from '../print-css';

/**
 * The ASP monthly state of an ACI, as validated: one line per CDDI contract,
 * in the fields the Extranet IAE 2.0 asks (domain/asp-monthly-state.ts), to
 * re-key or to keep as the proof of what was declared.
 */
export function AspMonthlyState({ d }: { d: AspMonthlyStateData }) {
  const totalMinutes = d.rows.reduce((sum, r) => sum + r.paidMinutes, 0);
  const totalHours = d.rows.reduce((sum, r) => sum + r.hours, 0);
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={d.reference} />
      <h1>État mensuel ASP de {d.monthLabel}</h1>
      <p className="subtitle">
        Période du {formatFrenchDate(d.period.first)} au {formatFrenchDate(d.period.last)} · {d.employer.name}
        {d.employer.siret ? ` (SIRET ${d.employer.siret})` : ''} · contrats à durée déterminée d’insertion des ateliers
        et chantiers d’insertion
      </p>
      <table>
        <thead>
          <tr>
            <th>Nom</th>
            <th>Prénom</th>
            <th>PASS IAE</th>
            <th>Chantier</th>
            <th className="num">Heures payées</th>
            <th className="num">Heures ASP</th>
            <th>Toujours accompagné</th>
            <th>Date de fin réelle</th>
            <th>Motif de sortie (catégorie ASP)</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r) => (
            <tr key={r.participationId}>
              <td>{r.lastName}</td>
              <td>{r.firstNames}</td>
              <td>{r.passIae}</td>
              <td>{r.worksiteName}</td>
              <td className="num">{formatDuration(r.paidMinutes)}</td>
              <td className="num">{r.hours}</td>
              <td>{r.stillAccompanied ? 'Oui' : 'Non'}</td>
              <td>{r.actualEndDate ? formatFrenchDate(r.actualEndDate) : '—'}</td>
              <td>{r.exitCategory ? ASP_EXIT_CATEGORY_LABELS[r.exitCategory] : '—'}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>
              Total ({d.rows.length} contrat{d.rows.length > 1 ? 's' : ''})
            </th>
            <th className="num">{formatDuration(totalMinutes)}</th>
            <th className="num">{totalHours}</th>
            <th colSpan={3}></th>
          </tr>
        </tbody>
      </table>
      {d.rows.some((r) => r.difficulties.length > 0) && (
        <>
          <h2>Freins relevés (catégories ASP de l’accompagnement)</h2>
          <ul>
            {d.rows
              .filter((r) => r.difficulties.length > 0)
              .map((r) => (
                <li key={r.participationId}>
                  {r.lastName} {r.firstNames} : {r.difficulties.map((k) => ASP_DIFFICULTY_LABELS[k]).join(', ')}
                </li>
              ))}
          </ul>
        </>
      )}
      <p className="small">
        Heures payées du mois selon les lignes de paie transmises à l’employeur (heures travaillées, temps annexes
        rémunérés, jours fériés chômés, demi-journées annulées et absences payées), hors régularisations des mois
        précédents ; les heures ASP sont ces heures arrondies à l’heure la plus proche. État validé par {d.validatedBy}{' '}
        le {formatFrenchDate(d.validatedAt.slice(0, 10))}.
      </p>
      <SignatureBlock
        town={d.structure.town}
        date={d.issuedOn}
        signers={[{ who: 'Pour la structure', name: d.validatedBy, mention: 'État certifié exact' }]}
      />
    </>
  );
}
