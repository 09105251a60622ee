import { agree, word } from '../../domain/agreement';
import { ACTIVITY_LABELS } from '../../shared/contract/worksites';
import { byOrganisation } from '../../shared/organisation';
import { longFrenchDate } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import type { ParticipationDocumentData } from '../data';
import { personName } from './employment-contract';
import { Letterhead, referenceOf, SignatureBlock, undersigned } from './parts';

/** A CCAS document: who took part in which worksite, when, how many half-days and hours. */
export function Attestation({ d }: { d: ParticipationDocumentData }) {
  const { structure, person, worksite } = d;
  const presence = d.presence!;
  const activity = ACTIVITY_LABELS[worksite.activity as keyof typeof ACTIVITY_LABELS] ?? worksite.activity;
  return (
    <>
      <Letterhead issuer={structure} logo={structure.logo} reference={referenceOf(d)} />
      <h1>Attestation de présence</h1>
      <p style={{ marginTop: '8mm' }}>
        {undersigned(structure)}, atteste que {personName(person)}, {word(person.civility, 'né')} le{' '}
        {longFrenchDate(person.birthDate)}, a participé au chantier « {worksite.name} » (support d’activité :{' '}
        {activity.toLowerCase()}) organisé {byOrganisation(structure.name)}, du {longFrenchDate(d.contract.startDate)}{' '}
        au {longFrenchDate(d.countedUntil)}.
      </p>
      {presence.recorded ? (
        <p>
          Sur cette période,{' '}
          {agree(person.civility, { m: 'il a été présent', f: 'elle a été présente', x: 'la personne a été présente' })}{' '}
          sur{' '}
          <strong>
            {presence.attended} demi-journée{presence.attended > 1 ? 's' : ''}
          </strong>{' '}
          de travail, pour <strong>{formatDuration(presence.worked)}</strong> de travail effectif.
        </p>
      ) : (
        <p>
          Heures prévues au planning, non encore effectuées ou non encore saisies :{' '}
          <strong>{formatDuration(presence.planned)}</strong>.
        </p>
      )}
      <p>
        Cette attestation est délivrée{' '}
        {agree(person.civility, { m: 'à l’intéressé', f: 'à l’intéressée', x: 'à la personne intéressée' })} pour servir
        et valoir ce que de droit.
      </p>
      <SignatureBlock
        town={structure.town}
        date={d.issuedOn}
        signers={[{ who: structure.name, name: structure.signatoryName, title: structure.signatoryTitle }]}
      />
    </>
  );
}
