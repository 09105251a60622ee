import { employeeOf, word } from '../../domain/agreement';
import { portabilityMonths } from '../../domain/document-guards';
import { longFrenchDate } from '../../shared/dates';
import { de } from '../../shared/french';
import type { ParticipationDocumentData } from '../data';
import { personName } from './employment-contract';
import { formatSiret, Letterhead, referenceOf, SignatureBlock, undersigned } from './parts';

/**
 * The certificat de travail, prepared for the employer to sign: dates of entry
 * and exit, the position and its period, the continued cover (portabilité)
 * where the employer has a provident body — and nothing else (D1234-6): no
 * reason for leaving, no hours, no absences, no assessment.
 */
export function Certificate({ d }: { d: ParticipationDocumentData }) {
  const { employer, person, contract } = d;
  const months = portabilityMonths(contract.startDate, d.lastDay);
  return (
    <>
      <Letterhead issuer={employer} reference={referenceOf(d)} />
      <h1>Certificat de travail</h1>
      <p style={{ marginTop: '8mm' }}>
        {undersigned(employer)} (SIRET {formatSiret(employer.siret)}), {employer.address}, {employer.postcode}{' '}
        {employer.town}, certifie que {personName(person)} a été {word(person.civility, 'employé')} du{' '}
        {longFrenchDate(contract.startDate)} au {longFrenchDate(d.lastDay)}.
      </p>
      <p>
        Emploi occupé : {contract.position}, du {longFrenchDate(contract.startDate)} au {longFrenchDate(d.lastDay)}.
      </p>
      {employer.providentBody && (
        <p>
          {employeeOf(person.civility).The} bénéficie, {person.civility === 'monsieur' ? 's’il' : 'si elle'} y a droit,
          du maintien à titre gratuit de ses garanties de frais de santé (mutuelle) et de prévoyance auprès{' '}
          {de(employer.providentBody)}, pendant {months} mois — la durée de son dernier contrat, arrondie au mois
          supérieur, dans la limite de 12 mois — dès lors que la fin de son contrat lui ouvre droit à l’assurance
          chômage (article L911-8 du Code de la sécurité sociale).
        </p>
      )}
      <SignatureBlock
        town={employer.town}
        date={d.issuedOn}
        signers={[{ who: 'Pour l’employeur', name: employer.signatoryName, title: employer.signatoryTitle }]}
      />
    </>
  );
}
