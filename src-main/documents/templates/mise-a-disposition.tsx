import { agree, employeeOf, word } from '../../domain/agreement';
import { ACTIVITY_LABELS } from '../../shared/contract/worksites';
import { de, inSentence } from '../../shared/french';
import { longFrenchDate } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import type { ParticipationDocumentData } from '../data';
import { personName } from './employment-contract';
import { contractSignatureDate } from '../../domain/document-guards';
import { Article, EstablishedOn, Letterhead, PartyBox, referenceOf, SignatureBlock } from './parts';
import { SpreadTable } from './spread';

/**
 * The employer (the association intermédiaire) puts its employee at the
 * disposal of the CCAS, which organises the MESP: who, where, when, how long,
 * and what the CCAS answers for while the person works there.
 */
export function MiseADisposition({ d }: { d: ParticipationDocumentData }) {
  const { contract, employer, structure, person, worksite } = d;
  const employee = employeeOf(person.civility);
  return (
    <>
      <Letterhead issuer={employer} reference={referenceOf(d)} />
      <h1>Contrat de mise à disposition</h1>
      <p className="subtitle">
        Mise à disposition {agree(person.civility, { m: "d'un salarié", f: "d'une salariée", x: "d'une personne salariée" })} de l'association intermédiaire (article L5132-7 du Code
        du travail)
      </p>
      <div className="parties">
        <PartyBox role="L'association intermédiaire (employeur)" party={employer} represented="représentée" />
        <PartyBox role="L'utilisateur" party={structure} />
      </div>

      <Article title={`Article 1 — ${agree(person.civility, { m: 'Salarié mis', f: 'Salariée mise', x: 'Personne salariée mise' })} à disposition`}>
        <p>
          {personName(person)}, {word(person.civility, 'né')} le {longFrenchDate(person.birthDate)}, {word(person.civility, 'salarié')} de l'association intermédiaire, est{' '}
          {word(person.civility, 'mis')} à la disposition de l'utilisateur pour occuper le poste {de(inSentence(contract.position))}.
        </p>
      </Article>

      <Article title="Article 2 — Chantier, lieu et durée">
        <p>
          La mise à disposition a lieu sur le chantier « {worksite.name} » (support d'activité :{' '}
          {ACTIVITY_LABELS[worksite.activity as keyof typeof ACTIVITY_LABELS] ?? worksite.activity}), au lieu suivant : {worksite.workAddress}. Elle
          court du {longFrenchDate(contract.startDate)} au {longFrenchDate(contract.endDate)}
          {worksite.supervisorName ? `, sous la conduite de ${worksite.supervisorName}, encadrant technique de l'utilisateur.` : '.'}
        </p>
      </Article>

      <Article title="Article 3 — Horaires">
        <p>La durée hebdomadaire de travail est de {formatDuration(contract.weeklyMinutes)}, répartie comme suit :</p>
        <SpreadTable spread={contract.spread} />
      </Article>

      <Article title="Article 4 — Obligations de l'utilisateur">
        <p>
          Pendant la mise à disposition, l'utilisateur est responsable des conditions d'exécution du travail : durée du travail, repos, jours fériés,
          santé et sécurité au travail. Il accueille {employee.the} et l'informe des consignes de sécurité, lui fournit les équipements de protection
          individuelle nécessaires, et informe l'association intermédiaire de tout accident du travail dans les 24 heures.
        </p>
        <p>
          Il transmet à l'association intermédiaire, à la fin de chaque mois, le relevé des heures effectuées et des absences {employee.ofThe}, qui sert à
          l'établissement de sa paie.
        </p>
      </Article>

      <Article title="Article 5 — Obligations de l'association intermédiaire">
        <p>
          L'association intermédiaire reste l'employeur {employee.ofThe} : elle établit son contrat de travail, le rémunère, effectue les déclarations
          sociales et organise son suivi de santé au travail.
        </p>
      </Article>

      <SignatureBlock
        town={structure.town}
        date={contractSignatureDate(d.contract)}
        copies={2}
        signers={[
          { who: "Pour l'association intermédiaire", name: employer.signatoryName, title: employer.signatoryTitle },
          { who: "Pour l'utilisateur", name: structure.signatoryName, title: structure.signatoryTitle },
        ]}
      />
      <EstablishedOn date={d.issuedOn} />
    </>
  );
}
