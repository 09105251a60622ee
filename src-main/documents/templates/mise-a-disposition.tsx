import { agree, employeeOf, word } from '../../domain/agreement';
import { activityInSentence } from '../../shared/contract/worksites';
import { asSentence, de, inSentence } from '../../shared/french';
import { longFrenchDate } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import type { ParticipationDocumentData } from '../data';
import { personName } from './employment-contract';
import { contractSignatureDate } from '../../domain/document-guards';
import { Article, EstablishedOn, Letterhead, PartyBox, referenceOf, SignatureBlock } from './parts';
import { SpreadTable } from './spread';
import { ppeSentence } from './legal-clauses';
import { formatEuros } from '../../shared/money';

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
        Mise à disposition{' '}
        {agree(person.civility, { m: 'd’un salarié', f: 'd’une salariée', x: 'd’une personne salariée' })} de
        l’association intermédiaire (articles L5132-7, L5132-9 et R5132-20 du Code du travail)
      </p>
      <div className="parties">
        <PartyBox role="L’association intermédiaire (employeur)" party={employer} represented="représentée" />
        <PartyBox role="L’utilisateur" party={structure} />
      </div>

      {/* R5132-20: 1° the names, 2° the tasks, 3° the place, 4° the term, 6° the EPI; the price of L5132-7 ("à titre onéreux"). 5° (the pay of an equivalent employee) concerns a user that is a company, not a CCAS. */}
      <Article
        title={`Article 1 — ${agree(person.civility, { m: 'Salarié mis', f: 'Salariée mise', x: 'Personne salariée mise' })} à disposition`}
      >
        <p>
          {personName(person)}, {word(person.civility, 'né')} le {longFrenchDate(person.birthDate)},{' '}
          {word(person.civility, 'salarié')} de l’association intermédiaire, est {word(person.civility, 'mis')} à la
          disposition de l’utilisateur pour occuper le poste {de(inSentence(contract.position))}.
        </p>
      </Article>

      <Article title="Article 2 — Tâches à remplir">
        <p>{asSentence(contract.tasks ?? '')}</p>
      </Article>

      <Article title="Article 3 — Lieu et terme">
        <p>
          Les tâches s’exécutent sur le chantier « {worksite.name} » (support d’activité :{' '}
          {activityInSentence(worksite.activity)}), au lieu suivant : {worksite.workAddress}
          {worksite.supervisorName
            ? `, sous la conduite de ${worksite.supervisorName}, encadrant technique de l’utilisateur`
            : ''}
          . La mise à disposition court du {longFrenchDate(contract.startDate)} au {longFrenchDate(contract.endDate)},
          terme du contrat de travail.
        </p>
        <p>
          Elle prend fin de plein droit si le contrat de travail prend fin avant son terme. Chacune des parties peut y
          mettre fin avant son terme par lettre remise contre décharge ou recommandée, en informant l’autre sans délai ;
          la fin de la mise à disposition ne rompt pas par elle-même le contrat de travail, dont la rupture anticipée
          n’est possible que dans les cas prévus par la loi (article L1243-1 du Code du travail).
        </p>
      </Article>

      <Article title="Article 4 — Horaires">
        <p>La durée hebdomadaire de travail est de {formatDuration(contract.weeklyMinutes)}, répartie comme suit :</p>
        <SpreadTable spread={contract.spread} />
      </Article>

      <Article title="Article 5 — Équipements de protection individuelle">
        <p>{ppeSentence(d, 'convention', employee)}</p>
      </Article>

      <Article title="Article 6 — Prix de la mise à disposition">
        <p>
          La mise à disposition est faite à titre onéreux (article L5132-7 du Code du travail) : l’association
          intermédiaire facture à l’utilisateur {formatEuros(employer.hourlyPriceCents ?? 0)} par heure de travail
          effectuée, sur la base du relevé mensuel des heures prévu à l’article 7.
        </p>
      </Article>

      <Article title="Article 7 — Obligations de l’utilisateur">
        <p>
          Pendant la mise à disposition, l’utilisateur est responsable des conditions d’exécution du travail : durée du
          travail, repos, jours fériés, santé et sécurité au travail. Il accueille {employee.the}, l’informe des
          consignes de sécurité, lui remet les équipements de protection individuelle prévus à l’article 5 et informe
          l’association intermédiaire de tout accident du travail dans les 24 heures.
        </p>
        <p>
          Il transmet à l’association intermédiaire, à la fin de chaque mois, le relevé des heures effectuées et des
          absences {employee.ofThe}, qui sert à l’établissement de sa paie et de la facture.
        </p>
      </Article>

      <Article title="Article 8 — Obligations de l’association intermédiaire">
        <p>
          L’association intermédiaire reste l’employeur {employee.ofThe} : elle établit son contrat de travail, le
          rémunère, effectue les déclarations sociales et organise son suivi de l’état de santé au travail.
        </p>
        <p>
          Elle assure le suivi et l’accompagnement {employee.ofThe} pendant la mise à disposition, en vue de faciliter
          son insertion sociale et de rechercher les conditions d’une insertion professionnelle durable (article
          L5132-7). L’utilisateur signale à l’association intermédiaire toute difficulté et l’associe aux bilans du
          chantier.
        </p>
      </Article>

      <SignatureBlock
        town={structure.town}
        date={contractSignatureDate(d.contract)}
        copies={2}
        signers={[
          { who: 'Pour l’association intermédiaire', name: employer.signatoryName, title: employer.signatoryTitle },
          { who: 'Pour l’utilisateur', name: structure.signatoryName, title: structure.signatoryTitle },
        ]}
      />
      <EstablishedOn date={d.issuedOn} />
    </>
  );
}
