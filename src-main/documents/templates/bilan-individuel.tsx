import { ORIENTATION_LABELS } from '../../shared/contract/bilans';
import { GRID_SECTION_LABELS } from '../../shared/contract/evaluations';
import { OBSTACLE_KIND_LABELS } from '../../shared/contract/journey-lists';
import { longFrenchDate } from '../../shared/dates';
import type { ParticipationDocumentData } from '../data';
import { AttendanceTable, levelText, Words } from './bilan-parts';
import { personName } from './employment-contract';
import { Letterhead, referenceOf, SignatureBlock } from './parts';

/**
 * The individual end-of-worksite bilan, for the person and their référent:
 * attendance, each skill from start to end beside the person's own view,
 * freins, the person's words, the team's, and the orientation proposed;
 * signed by its authors, the référent and the supervisor.
 */
export function BilanIndividuel({ d }: { d: ParticipationDocumentData }) {
  const b = d.bilan!;
  const sections = [...new Set(b.skills.map((s) => s.section))];
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={referenceOf(d)} />
      <h1>Bilan de fin de chantier</h1>
      <p className="subtitle">
        {personName(d.person)} — chantier « {d.worksite.name} », du {longFrenchDate(d.contract.startDate)} au{' '}
        {longFrenchDate(d.countedUntil)}
        {d.worksite.supervisorName ? ` — encadrant : ${d.worksite.supervisorName}` : ''}
      </p>

      <h2>Présence</h2>
      <AttendanceTable a={b.attendance} />

      <h2>Compétences : évaluation de l’encadrant et auto-évaluation</h2>
      <table>
        <thead>
          <tr>
            <th>Compétence</th>
            <th>Début (encadrant)</th>
            <th>Fin (encadrant)</th>
            <th>Auto-évaluation</th>
            <th>Commentaire</th>
          </tr>
        </thead>
        <tbody>
          {sections.flatMap((section) => [
            <tr key={section}>
              <th colSpan={5}>{GRID_SECTION_LABELS[section]}</th>
            </tr>,
            ...b.skills
              .filter((s) => s.section === section)
              .map((s) => (
                <tr key={s.criterionId}>
                  <td>{s.label}</td>
                  <td>{levelText(s.start)}</td>
                  <td>{levelText(s.end)}</td>
                  <td>{levelText(s.self)}</td>
                  <td className="small">{s.comment}</td>
                </tr>
              )),
          ])}
        </tbody>
      </table>

      <h2>Freins</h2>
      {b.obstacles.length === 0 ? (
        <p>Aucun frein noté pendant le parcours.</p>
      ) : (
        <ul>
          {b.obstacles.map((o, i) => (
            <li key={i}>
              {OBSTACLE_KIND_LABELS[o.kind]} : repéré le {longFrenchDate(o.identifiedOn)},{' '}
              {o.resolvedOn ? `levé le ${longFrenchDate(o.resolvedOn)}` : 'toujours présent'}
            </li>
          ))}
        </ul>
      )}

      <h2>Ce qu’en dit la personne</h2>
      <Words text={b.form.participantWords} />
      <h2>Appréciation de l’équipe</h2>
      <Words text={b.form.teamAssessment} />

      <h2>Orientation proposée</h2>
      <p>
        <strong>{b.form.orientation ? ORIENTATION_LABELS[b.form.orientation] : 'À définir'}</strong>
      </p>
      {b.form.nextSteps.trim() !== '' && <Words text={b.form.nextSteps} />}
      {b.form.referentToInform && <p>Référent social à informer : {b.form.referentToInform}</p>}

      <SignatureBlock
        town={d.structure.town}
        date={d.issuedOn}
        signers={[
          // Signed by those who wrote it, not by the structure's signatory.
          { who: 'Le référent social', name: d.referentName ?? '' },
          { who: 'L’encadrant technique', name: d.worksite.supervisorName ?? '' },
          {
            who: 'La personne',
            name: `${d.person.firstNames} ${d.person.lastName}`,
            mention: 'A pris connaissance du bilan',
          },
        ]}
      />
    </>
  );
}
