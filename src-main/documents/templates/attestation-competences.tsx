import { agree, word } from '../../domain/agreement';
import { attestedSkills } from '../../domain/evaluations';
import { de, inSentence } from '../../shared/french';
import { GRID_SECTION_LABELS } from '../../shared/contract/evaluations';
import { ACTIVITY_LABELS } from '../../shared/contract/worksites';
import { longFrenchDate } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import type { ParticipationDocumentData } from '../data';
import { levelText, Words } from './bilan-parts';
import { personName } from './employment-contract';
import { Letterhead, referenceOf, SignatureBlock, undersigned } from './parts';

/**
 * The attestation de compétences, in the spirit of the national IAE model:
 * the activities really done on the worksite and the skills they showed,
 * from the supervisor's final evaluation only; nothing is claimed that was
 * not evaluated.
 */
export function AttestationCompetences({ d }: { d: ParticipationDocumentData }) {
  const b = d.bilan!;
  const { certified: skills, inProgress } = attestedSkills(b.skills);
  const sections = [...new Set(skills.map((s) => s.section))];
  const activity = ACTIVITY_LABELS[d.worksite.activity as keyof typeof ACTIVITY_LABELS] ?? d.worksite.activity;
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={referenceOf(d)} />
      <h1>Attestation de compétences</h1>
      <p style={{ marginTop: '6mm' }}>
        {undersigned(d.structure)}, atteste que {personName(d.person)}, {word(d.person.civility, 'né')} le{' '}
        {longFrenchDate(d.person.birthDate)}, a occupé le poste {de(inSentence(d.contract.position))} sur le chantier «{' '}
        {d.worksite.name} » (support d’activité : {activity.toLowerCase()}), du {longFrenchDate(d.contract.startDate)}{' '}
        au {longFrenchDate(d.countedUntil)}, pour {formatDuration(b.attendance.workedMinutes)} de travail effectif.
      </p>
      <h2>Activités réalisées</h2>
      <Words text={b.form.activitiesDone} />
      <h2>Compétences acquises</h2>
      {skills.length === 0 ? (
        <p>Aucune compétence n’a encore été évaluée comme acquise.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Compétence</th>
              <th>Niveau atteint</th>
            </tr>
          </thead>
          <tbody>
            {sections.flatMap((section) => [
              <tr key={section}>
                <th colSpan={2}>{GRID_SECTION_LABELS[section]}</th>
              </tr>,
              ...skills
                .filter((s) => s.section === section)
                .map((s) => (
                  <tr key={s.criterionId}>
                    <td>{s.label}</td>
                    <td>{levelText(s.end)}</td>
                  </tr>
                )),
            ])}
          </tbody>
        </table>
      )}
      {inProgress.length > 0 && (
        <>
          <h2>Compétences en cours de développement</h2>
          <p>Pendant le chantier, {personName(d.person)} a progressé dans :</p>
          <ul>
            {inProgress.map((s) => (
              <li key={s.criterionId}>{s.label}</li>
            ))}
          </ul>
        </>
      )}
      <p className="small">
        Niveaux évalués par l’encadrant technique en fin de chantier. Cette attestation est délivrée{' '}
        {agree(d.person.civility, { m: 'à l’intéressé', f: 'à l’intéressée', x: 'à la personne intéressée' })} pour
        servir et valoir ce que de droit.
      </p>
      <SignatureBlock
        town={d.structure.town}
        date={d.issuedOn}
        signers={[{ who: d.structure.name, name: d.structure.signatoryName, title: d.structure.signatoryTitle }]}
      />
    </>
  );
}
