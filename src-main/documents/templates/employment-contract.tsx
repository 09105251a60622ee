import { employeeOf, word } from '../../domain/agreement';
import { activityInSentence } from '../../shared/contract/worksites';
import { CIVILITY_LABELS } from '../../shared/contract/people-lists';
import { de, inSentence } from '../../shared/french';
import { byOrganisation, theOrganisation } from '../../shared/organisation';
import { longFrenchDate } from '../../shared/dates';
import { formatEuros } from '../../shared/money';
import { formatDuration } from '../../shared/time';
import type { ParticipationDocumentData } from '../data';
import { contractSignatureDate } from '../../domain/document-guards';
import { Article, EstablishedOn, Letterhead, PartyBox, referenceOf, SignatureBlock } from './parts';
import { SpreadTable } from './spread';
import { agreementSentence, ParticularRisk, PartTimeClauses, PensionAndProvident, ppeSentence } from './legal-clauses';
import { isMinorOn } from '../../domain/minors';

const FULL_TIME_MINUTES = 35 * 60;

function titleOf(d: ParticipationDocumentData) {
  const time = d.contract.weeklyMinutes < FULL_TIME_MINUTES ? 'à temps partiel' : 'à temps plein';
  switch (d.contract.type) {
    case 'cdd_usage':
      return {
        title: 'Contrat de travail à durée déterminée d’usage',
        subtitle: `${time} — association intermédiaire (articles L1242-2, 3°, D1242-1, 12°, et L5132-7 du Code du travail)`,
      };
    case 'cddi':
      return {
        title: 'Contrat à durée déterminée d’insertion (CDDI)',
        subtitle: `${time} — articles L1242-3 et L5132-15-1 du Code du travail`,
      };
    default:
      return { title: 'Contrat de travail à durée déterminée', subtitle: time };
  }
}

export function personName(p: ParticipationDocumentData['person']): string {
  const civility = p.civility ? `${CIVILITY_LABELS[p.civility]} ` : '';
  return `${civility}${p.firstNames} ${p.lastName.toLocaleUpperCase('fr-FR')}`;
}

/**
 * The employment contract drafted for the employer: every mention of L1242-12
 * and, part-time, of L3123-6. No end-of-contract bonus is mentioned where none
 * is due (CDD d'usage and CDDI, L1243-10).
 */
export function EmploymentContract({ d }: { d: ParticipationDocumentData }) {
  const { title, subtitle } = titleOf(d);
  const { contract, employer, structure, person, worksite } = d;
  const minor = isMinorOn(person.birthDate, contract.startDate);
  const partTime = contract.weeklyMinutes < FULL_TIME_MINUTES;
  const weeklyGross = Math.round((contract.hourlyCents * contract.weeklyMinutes) / 60);
  const employee = employeeOf(person.civility);
  return (
    <>
      <Letterhead issuer={employer} reference={referenceOf(d)} />
      <h1>{title}</h1>
      <p className="subtitle">{subtitle}</p>
      <div className="parties">
        <PartyBox role="L’employeur" party={employer} />
        <div className="party">
          <div className="role">{employee.The}</div>
          <strong>{personName(person)}</strong>
          {person.birthName && (
            <div>
              {word(person.civility, 'né')} {person.birthName}
            </div>
          )}
          <div>
            {word(person.civility, 'né')} le {longFrenchDate(person.birthDate)}
          </div>
          <div>
            demeurant {person.address}, {person.postcode} {person.town}
          </div>
        </div>
      </div>

      <Article title="Article 1 — Objet et motif du contrat">
        {contract.type === 'cdd_usage' && (
          // L1242-12: the precise ground. L1242-2, 3°, and D1242-1, 12°: the IAE activities of an association intermédiaire (L5132-7).
          <p>
            Le présent contrat est conclu en application de l’article L1242-2, 3°, du Code du travail : les activités
            d’insertion par l’activité économique exercées par les associations intermédiaires figurent parmi les
            secteurs où il est d’usage constant de ne pas recourir au contrat à durée indéterminée (article D1242-1,
            12°). {employee.The} est {employee.e('engagé', 'engagée')} par l’employeur, association intermédiaire
            conventionnée au titre de l’article L5132-7, pour être {employee.e('mis', 'mise')} à la disposition de
            l’organisateur du chantier, {theOrganisation(structure.name)}, pour la mise en situation professionnelle «{' '}
            {worksite.name} ».
          </p>
        )}
        {contract.type === 'cddi' && (
          // L1242-3: a fixed-term contract concluded under the provisions meant to help hire people without a job; L5132-15-1: the ACI's CDDI.
          <p>
            Le présent contrat est conclu en application de l’article L1242-3 du Code du travail, au titre des
            dispositions légales destinées à favoriser le recrutement de personnes sans emploi rencontrant des
            difficultés sociales et professionnelles particulières, dans les conditions de l’article L5132-15-1 : il
            s’inscrit dans un parcours d’insertion au sein de l’atelier et chantier d’insertion « {worksite.name} »
            porté {byOrganisation(structure.name)}.
            {contract.passIae ? ` Référence du PASS IAE : ${contract.passIae}.` : ''}
          </p>
        )}
        {contract.type === 'autre' && (
          <p>
            {employee.The} est {employee.e('engagé', 'engagée')} pour le chantier « {worksite.name} » organisé{' '}
            {byOrganisation(structure.name)}.
          </p>
        )}
      </Article>

      <Article title="Article 2 — Durée du contrat">
        <p>
          Le contrat prend effet le {longFrenchDate(contract.startDate)} et prend fin le{' '}
          {longFrenchDate(contract.endDate)}. Il peut être renouvelé dans les conditions prévues par la loi, par un
          avenant soumis {employee.toThe} avant son terme.
        </p>
        {contract.type === 'cddi' && (
          // L5132-15-1: at least 4 months, 24 months in all, and the exceptions beyond.
          <p>
            Sa durée ne peut être inférieure à quatre mois, sauf pour une personne bénéficiant d’un aménagement de
            peine, et ses renouvellements sont limités à une durée totale de vingt-quatre mois (article L5132-15-1). Il
            ne peut aller au-delà que pour permettre d’achever une action de formation professionnelle en cours à son
            échéance, ou, à titre exceptionnel, sur décision du prescripteur ou de l’atelier et chantier d’insertion,
            dans les cas et limites prévus par ce même article (notamment pour les salariés âgés de 50 ans et plus ou
            les travailleurs handicapés).
          </p>
        )}
      </Article>

      <Article title="Article 3 — Période d’essai">
        {contract.trialDays > 0 ? (
          <p>
            Le contrat comporte une période d’essai de {contract.trialDays} jour{contract.trialDays > 1 ? 's' : ''}{' '}
            (article L1242-10 du Code du travail), pendant laquelle chacune des parties peut y mettre fin sans
            indemnité.
          </p>
        ) : (
          <p>Le contrat ne comporte pas de période d’essai.</p>
        )}
      </Article>

      <Article title="Article 4 — Poste, qualification et lieu de travail">
        {/* L1242-12, 4°: the post, and whether it is on the list of posts with particular risks (L4154-2). */}
        <p>
          {employee.The} occupe le poste {de(inSentence(contract.position))} (support d’activité :{' '}
          {activityInSentence(worksite.activity)}).{' '}
          {contract.classification
            ? `Qualification et classification : ${contract.classification.replace(/[.\s]+$/, '')}.`
            : ''}{' '}
          {contract.tasks ? `Tâches confiées : ${contract.tasks.replace(/[.\s]+$/, '')}. ` : ''}
          {employee.He} travaille au lieu suivant : {worksite.workAddress}
          {worksite.supervisorName ? `, sous la conduite de ${worksite.supervisorName}, encadrant technique.` : '.'}
        </p>
        <ParticularRisk particularRisk={contract.particularRisk === true} employee={employee} />
      </Article>

      <Article title={`Article 5 — Durée et répartition du travail${partTime ? ' (temps partiel)' : ''}`}>
        <p>
          La durée hebdomadaire de travail est de {formatDuration(contract.weeklyMinutes)}, répartie entre les jours de
          la semaine comme suit :
        </p>
        <SpreadTable spread={contract.spread} />
        <p>
          Les horaires de travail sont communiqués par écrit {employee.toThe} par la remise du planning du chantier. La
          répartition peut être modifiée en cas de jour férié, d’intempéries, de fermeture du site ou de besoins du
          chantier ; {employee.the} en est {employee.e('informé', 'informée')} par écrit au moins sept jours ouvrés à
          l’avance (article L3123-11).
        </p>
        {partTime && <PartTimeClauses d={d} employee={employee} />}
      </Article>

      <Article title="Article 6 — Rémunération">
        <p>
          {employee.The} perçoit un salaire horaire brut de {formatEuros(contract.hourlyCents)}, soit{' '}
          {formatEuros(weeklyGross)} bruts pour une semaine de {formatDuration(contract.weeklyMinutes)}, versé chaque
          mois sur la base des heures effectuées et des temps annexes rémunérés (visite médicale, bilans).
        </p>
        <p>
          À la fin du contrat, {employee.he} perçoit une indemnité compensatrice de congés payés égale à 10 % de la
          rémunération totale brute (article L1242-16).
          {contract.type === 'autre' &&
            ` ${employee.He} perçoit en outre l’indemnité de fin de contrat égale à 10 % de la rémunération totale brute (article L1243-8).`}
        </p>
        <p>
          L’employeur prend en charge 50 % du prix des titres d’abonnement de transport public entre la résidence et le
          lieu de travail.
        </p>
      </Article>

      <Article title="Article 7 — Convention collective, retraite complémentaire et prévoyance">
        {/* L1242-12, 5° and 8°. */}
        <p>{agreementSentence(employer)}</p>
        <PensionAndProvident employer={employer} />
      </Article>

      <Article title="Article 8 — Santé et sécurité">
        <p>
          {employee.The} bénéficie d’une visite d’information et de prévention. {ppeSentence(d, 'contract', employee)}
        </p>
      </Article>

      {contract.type === 'cddi' && (
        <Article title="Article 9 — Accompagnement, formation et immersions">
          {/* L5132-15-1: the ACI's commitments; the PMSMP (L5135-4) and the suspension for a trial with another employer (L1243-2). */}
          <p>
            L’employeur assure {employee.toThe} un accompagnement social et professionnel, un encadrement technique et
            des actions de formation destinés à faciliter son insertion sociale et à rechercher les conditions d’une
            insertion professionnelle durable (articles L5132-15 et L5132-15-1 du Code du travail).
          </p>
          <p>
            Pendant le contrat, une ou plusieurs périodes de mise en situation en milieu professionnel (PMSMP) peuvent
            être effectuées auprès d’un autre employeur, par une convention conclue à cet effet (articles L5132-15-1 et
            L5135-4). Le contrat peut aussi être suspendu, à la demande {employee.ofThe}, pour lui permettre d’accomplir
            une période d’essai chez un autre employeur en vue d’une embauche en contrat à durée indéterminée ou à durée
            déterminée d’au moins six mois ; en cas d’embauche, le contrat est rompu sans préavis (articles L1243-2 et
            L5132-15-1).
          </p>
        </Article>
      )}

      {minor && (
        <p>
          {employee.The} est {employee.e('mineur', 'mineure')} au premier jour du contrat : {employee.he} ne travaille
          pas plus de 8 heures par jour ni plus de 35 heures par semaine (article L3162-1 du Code du travail), ni entre
          22 heures et 6 heures (article L3163-2). Son représentant légal signe le présent contrat avec{' '}
          {employee.e('lui', 'elle')}.
        </p>
      )}
      <SignatureBlock
        town={structure.town}
        date={contractSignatureDate(d.contract)}
        copies={minor ? 3 : 2}
        signers={[
          { who: 'Pour l’employeur', name: employer.signatoryName, title: employer.signatoryTitle },
          {
            who: employee.The,
            name: `${person.firstNames} ${person.lastName.toLocaleUpperCase('fr-FR')}`,
            mention: 'Précédé de la mention « lu et approuvé »',
          },
          ...(minor
            ? [
                {
                  who: `Le représentant légal ${employee.ofThe} ${employee.e('mineur', 'mineure')}`,
                  name: 'Nom, prénom et qualité (père, mère, tuteur)',
                  mention: 'Précédé de la mention « lu et approuvé »',
                },
              ]
            : []),
        ]}
      />
      <EstablishedOn date={d.issuedOn} />
    </>
  );
}
