import { word } from '../../domain/agreement';
import { activityInSentence } from '../../shared/contract/worksites';
import { formatPhone } from '../../shared/french';
import { longFrenchDate } from '../../shared/dates';
import type { ParticipationDocumentData } from '../data';
import { personName } from './employment-contract';
import { Letterhead, referenceOf, SignatureBlock } from './parts';
import { SpreadTable, spokenTime } from './spread';
import { ppeSentence } from './legal-clauses';

// No safety shoes here: the EPI are supplied, never brought (one wording, legal-clauses.tsx).
const TO_BRING = [
  'une tenue de travail adaptée à la météo ;',
  'une pièce d’identité et votre carte Vitale (ou l’attestation de droits) ;',
  'un relevé d’identité bancaire (RIB), s’il n’a pas déjà été remis.',
];

/** A CCAS letter telling the person where and when to come, whom to ask for, and what to bring. */
export function Convocation({ d }: { d: ParticipationDocumentData }) {
  const { structure, person, worksite, contract, firstSession } = d;
  const addressed =
    person.civility === 'madame' ? 'Madame' : person.civility === 'monsieur' ? 'Monsieur' : 'Madame, Monsieur';
  return (
    <>
      <Letterhead issuer={structure} logo={structure.logo} reference={referenceOf(d)} />
      <div style={{ marginLeft: '90mm', marginTop: '8mm', marginBottom: '10mm' }}>
        <div>{personName(person)}</div>
        <div>{person.address}</div>
        <div>
          {person.postcode} {person.town}
        </div>
      </div>
      <p>
        <strong>Objet : convocation au chantier « {worksite.name} »</strong>
      </p>
      <p>{addressed},</p>
      <p>
        Vous êtes {word(person.civility, 'attendu')} le{' '}
        <strong>
          {firstSession ? longFrenchDate(firstSession.date, true) : longFrenchDate(contract.startDate, true)}
        </strong>
        {firstSession && (
          <>
            {' '}
            à <strong>{spokenTime(firstSession.start)}</strong>
          </>
        )}{' '}
        à l’adresse suivante : <strong>{worksite.workAddress}</strong>, pour commencer le chantier « {worksite.name} » (
        {activityInSentence(worksite.activity)}), du {longFrenchDate(contract.startDate)} au{' '}
        {longFrenchDate(contract.endDate)}.
      </p>
      <p>
        À votre arrivée, présentez-vous{' '}
        {worksite.supervisorName
          ? `à ${worksite.supervisorName}, encadrant technique`
          : 'à l’encadrant technique du chantier'}
        .
      </p>
      <p>Chaque semaine, vous travaillerez aux horaires suivants :</p>
      <SpreadTable spread={contract.spread} />
      <p>Merci d’apporter :</p>
      <ul>
        {TO_BRING.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{ppeSentence(d, 'letter')}</p>
      <p>
        En cas d’empêchement, prévenez-nous dès que possible
        {structure.phone ? ` au ${formatPhone(structure.phone)}` : ''}.
      </p>
      <p>Nous vous prions d’agréer, {addressed}, nos salutations distinguées.</p>
      <SignatureBlock
        town={structure.town}
        date={d.issuedOn}
        signers={[{ who: structure.name, name: structure.signatoryName, title: structure.signatoryTitle }]}
      />
    </>
  );
}
