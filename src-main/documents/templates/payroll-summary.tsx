import { formatFrenchDate } from '../../shared/dates';
import { formatEuros } from '../../shared/money';
import { toOrganisation } from '../../shared/organisation';
import { formatDuration } from '../../shared/time';
import { smicNotes, type PayrollLine } from '../../domain/payroll';
import { payLineLabel, ratePlaces } from '../../domain/pay-lines';
import type { Party, StructureParty } from '../data';
import { Letterhead, SignatureBlock } from './parts';

export interface PayrollSummaryData {
  monthLabel: string;
  /** The period's first and last days. */
  period: { first: string; last: string };
  reference: string;
  issuedOn: string;
  structure: StructureParty;
  employer: Party;
  coordinator: string;
  lines: PayrollLine[];
}

/** Landscape: ten columns of figures, right-aligned in tabular figures so units, tens and cents line up. */
export { LANDSCAPE_CSS as PAYROLL_SUMMARY_CSS } from '../print-css';

/**
 * The month's hours for an employer, on the CCAS letterhead, to sign: the
 * coordination certifies them, the employer acknowledges receipt.
 */
export function PayrollSummary({ d }: { d: PayrollSummaryData }) {
  const total = (pick: (l: PayrollLine) => number) => d.lines.reduce((sum, l) => sum + pick(l), 0);
  const events = d.lines.flatMap((l) => [
    ...l.person.events.map((e) => `${l.person.firstNames} ${l.person.lastName} : ${e}`),
    ...smicNotes(l).map((n) => `${l.person.firstNames} ${l.person.lastName} : ${n}`),
    ...l.person.regularisations.map(
      (r) =>
        `${l.person.firstNames} ${l.person.lastName} : régularisation du ${formatFrenchDate(r.date)} (${r.paidDelta === 0 ? 'heures payées inchangées' : `${signedDuration(r.paidDelta)} payées`}), ${r.reason}`,
    ),
  ]);
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={d.reference} />
      <h1>Relevé des heures de {d.monthLabel}</h1>
      <p className="subtitle">
        Période du {formatFrenchDate(d.period.first)} au {formatFrenchDate(d.period.last)} · transmis{' '}
        {toOrganisation(d.employer.name)} ({d.employer.address}, {d.employer.postcode} {d.employer.town}) pour
        l’établissement de la paie
      </p>
      <table>
        <thead>
          <tr>
            <th>Personne</th>
            <th>Chantier</th>
            <th>Contrat</th>
            <th className="num">Prévues</th>
            <th className="num">Travaillées</th>
            <th className="num">Payées</th>
            <th className="num">Compl.</th>
            <th className="num">Régul.</th>
            <th className="num">Taux</th>
            <th className="num">Brut estimé</th>
          </tr>
        </thead>
        <tbody>
          {d.lines.map((l) => (
            <tr key={l.person.participationId}>
              <td>
                {l.person.lastName.toLocaleUpperCase('fr-FR')} {l.person.firstNames}
              </td>
              <td>{l.person.worksiteName}</td>
              <td>{l.person.contractRef}</td>
              <td className="num">{formatDuration(l.planned)}</td>
              <td className="num">{formatDuration(l.worked)}</td>
              <td className="num">{formatDuration(l.paid)}</td>
              <td className="num">
                {formatDuration(l.complementary)}
                {l.complementary > 0 && (
                  <div className="small">
                    {formatDuration(l.complementaryWithinTenth)} à +10 %, {formatDuration(l.complementaryBeyondTenth)} à
                    +25 %
                  </div>
                )}
              </td>
              <td className="num">{signedDuration(l.regularisationPaid)}</td>
              <td className="num">
                {formatEuros(l.person.hourlyCents)}
                {l.rates
                  .filter((r) => r.raisedBy)
                  .map((r) => (
                    <div key={`${r.from}-${r.hourlyCents}`} className="small">
                      {formatEuros(r.hourlyCents)} (SMIC) à partir du {formatFrenchDate(r.raisedBy!.effectiveFrom)}
                    </div>
                  ))}
              </td>
              <td className="num">{formatEuros(l.grossCents)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={3}>
              Total ({d.lines.length} personne{d.lines.length > 1 ? 's' : ''})
            </th>
            <th className="num">{formatDuration(total((l) => l.planned))}</th>
            <th className="num">{formatDuration(total((l) => l.worked))}</th>
            <th className="num">{formatDuration(total((l) => l.paid))}</th>
            <th className="num">{formatDuration(total((l) => l.complementary))}</th>
            <th className="num">{signedDuration(total((l) => l.regularisationPaid))}</th>
            <th></th>
            <th className="num">{formatEuros(total((l) => l.grossCents))}</th>
          </tr>
        </tbody>
      </table>
      <h2>Lignes de paie</h2>
      <table>
        <thead>
          <tr>
            <th>Personne</th>
            <th>Ligne de paie</th>
            <th>Jours</th>
            <th className="num">Quantité</th>
            <th className="num">Taux</th>
            <th className="num">Montant</th>
          </tr>
        </thead>
        <tbody>
          {d.lines.flatMap((l) =>
            l.payLines.map((p) => (
              <tr key={`${l.person.participationId}-${p.item}-${p.from}-${p.rateCentiCents}`}>
                <td>
                  {l.person.lastName.toLocaleUpperCase('fr-FR')} {l.person.firstNames}
                </td>
                <td>{payLineLabel(p)}</td>
                <td>
                  {p.from === p.to
                    ? formatFrenchDate(p.from)
                    : `${formatFrenchDate(p.from)} au ${formatFrenchDate(p.to)}`}
                </td>
                <td className="num">{decimalHoursText(p.centiHours)}</td>
                <td className="num">{rateText(p.rateCentiCents)}</td>
                <td className="num">{formatEuros(p.amountCents)}</td>
              </tr>
            )),
          )}
          <tr>
            <th colSpan={5}>Total des lignes de paie (le brut estimé)</th>
            <th className="num">{formatEuros(total((l) => l.payLines.reduce((sum, p) => sum + p.amountCents, 0)))}</th>
          </tr>
        </tbody>
      </table>
      {events.length > 0 && (
        <>
          <h2>Événements du mois</h2>
          <ul>
            {events.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      )}
      <p className="small">
        Le détail par jour (heures prévues, travaillées, temps annexes, absences par motif et justificatifs) figure dans
        le tableur joint. Le brut estimé (heures payées × taux horaire en vigueur chaque jour : celui du contrat, ou le
        SMIC en vigueur ce jour-là s’il est plus élevé) sert au contrôle ; la paie est établie par l’employeur. Les
        heures complémentaires comptent tout le temps de travail payé au-delà de l’horaire hebdomadaire du contrat,
        temps annexes rémunérés compris (+10 % dans la limite du dixième, +25 % au-delà).
      </p>
      <SignatureBlock
        town={d.structure.town}
        date={d.issuedOn}
        signers={[
          { who: 'Pour le CCAS, la coordination', name: d.coordinator, mention: 'Heures certifiées exactes' },
          {
            who: 'Pour l’employeur',
            name: d.employer.signatoryName,
            title: d.employer.signatoryTitle,
            mention: 'Reçu le :',
          },
        ]}
      />
    </>
  );
}

/** A régularisation's hours with their sign (− 3 h 30, + 1 h 00), a dash when there is none: a withdrawal must never read as a payment. */
function signedDuration(minutes: number): string {
  return minutes === 0 ? '—' : `${minutes < 0 ? '−' : '+'}\u00a0${formatDuration(Math.abs(minutes))}`;
}

/** Hours to the hundredth as the variables file writes them (28,00 h), a minus sign for a régularisation. */
function decimalHoursText(centiHours: number): string {
  return `${centiHours < 0 ? '−' : ''}${(Math.abs(centiHours) / 100).toFixed(2).replace('.', ',')}\u00a0h`;
}

/** A rate with as many decimals as it has (13,222 € for 12,02 € + 10 %). */
function rateText(rateCentiCents: number): string {
  return `${(rateCentiCents / 10000).toFixed(ratePlaces(rateCentiCents)).replace('.', ',')}\u00a0€`;
}
