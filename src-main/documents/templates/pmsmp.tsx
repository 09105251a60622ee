import type { ReactNode } from 'react';
import { word } from '../../domain/agreement';
import { dayMinutes, scheduleMinutes } from '../../domain/pmsmp';
import { longFrenchDate } from '../../shared/dates';
import { asSentence, formatPhone } from '../../shared/french';
import { formatDuration } from '../../shared/time';
import {
  PMSMP_OBJECTIVE_LABELS,
  PMSMP_OUTCOME_LABELS,
  PRESCRIBER_KIND_LABELS,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '../../shared/contract/pmsmp';
import type { ImmersionDocumentData, PersonDocumentData } from '../data';
import { Article, EstablishedOn, formatSiret, Letterhead, referenceOf, SignatureBlock } from './parts';

/** A label and its value on one line of a party's box; an empty value leaves a line to fill in by hand. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      {label} : {empty ? '____________________' : children}
    </div>
  );
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);

function contactLine(phone: string, email: string): string {
  return [phone ? formatPhone(phone) : '', email].filter(Boolean).join(' — ');
}

function immersionOf(d: PersonDocumentData): ImmersionDocumentData {
  if (!d.immersion) throw new Error('an immersion document needs its immersion');
  return d.immersion;
}

function personFullName(d: PersonDocumentData): string {
  return `${d.person.firstNames} ${d.person.lastName.toLocaleUpperCase('fr-FR')}`;
}

/** The four parties of the convention (L5135-4, D5135-2 1° to 4°), as the Cerfa 13912 lists them. */
function Parties({ d, m }: { d: PersonDocumentData; m: ImmersionDocumentData }) {
  const f = m.immersion.fields;
  return (
    <div className="parties">
      <div className="party">
        <div className="role">Le bénéficiaire</div>
        <strong>{personFullName(d)}</strong>
        <div>
          {capitalised(word(d.person.civility, 'né'))} le {longFrenchDate(m.beneficiary.birthDate)}
        </div>
        <Line label="Adresse">{`${d.person.address}, ${d.person.postcode} ${d.person.town}`}</Line>
        <Line label="Contact">{contactLine(m.beneficiary.phone, m.beneficiary.email)}</Line>
        <Line label="Situation professionnelle">
          {m.beneficiary.employers.length > 0
            ? `${word(d.person.civility, 'salarié')} en CDDI (${m.beneficiary.employers.map((e) => `chantier « ${e.worksiteName} »`).join(', ')})`
            : ''}
        </Line>
        {m.beneficiary.employers.map((e) => (
          <Line key={e.name} label="Employeur">{`${e.name}, ${e.address}`}</Line>
        ))}
        <Line label="Bénéficiaire du RSA">{m.beneficiary.rsa === null ? '' : m.beneficiary.rsa ? 'oui' : 'non'}</Line>
        {f.representativeName && <Line label="Représentant légal (mineur)">{f.representativeName}</Line>}
      </div>
      <div className="party">
        <div className="role">La structure d’accueil</div>
        <strong>{m.host.name}</strong>
        <Line label="Forme juridique">{''}</Line>
        <Line label="Adresse">{m.host.address}</Line>
        <Line label="SIRET">{f.hostSiret ? formatSiret(f.hostSiret) : ''}</Line>
        <Line label="Activité principale">{f.hostActivity}</Line>
        <Line label="Convention collective">{''}</Line>
        <Line label="Contact">{contactLine(m.host.phone, m.host.email)}</Line>
      </div>
      <div className="party">
        <div className="role">Le prescripteur</div>
        <strong>{m.prescriber.name}</strong>
        <div>{PRESCRIBER_KIND_LABELS[f.prescriberKind]}</div>
        <Line label="Forme juridique">{''}</Line>
        <Line label="Adresse">{m.prescriber.address}</Line>
        <Line label="Conseiller">{m.prescriber.contactName ?? ''}</Line>
        <Line label="Contact">{contactLine(m.prescriber.contactPhone, m.prescriber.contactEmail)}</Line>
      </div>
      <div className="party">
        <div className="role">La structure d’accompagnement</div>
        <strong>{d.structure.name}</strong>
        <Line label="Forme juridique">{''}</Line>
        <Line label="Adresse">{`${d.structure.address}, ${d.structure.postcode} ${d.structure.town}`}</Line>
        <Line label="SIRET">{formatSiret(d.structure.siret)}</Line>
        <Line label="Conseiller référent">{[f.referentName, f.referentFunction].filter(Boolean).join(', ')}</Line>
      </div>
    </div>
  );
}

/** The weekly hours, day by day, with the pause and the hours of presence (D5135-2 6°). */
function Schedule({ m }: { m: ImmersionDocumentData }) {
  const f = m.immersion.fields;
  const minutes = scheduleMinutes(f.schedule);
  return (
    <table className="spread">
      <thead>
        <tr>
          <th>Jour</th>
          <th>Arrivée</th>
          <th>Départ</th>
          <th>Pause</th>
          <th>Présence</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.filter((day) => f.schedule[day]).map((day) => (
          <tr key={day}>
            <td>{WEEKDAY_LABELS[day]}</td>
            <td>{formatDuration(minutes[day]!.start)}</td>
            <td>{formatDuration(minutes[day]!.end)}</td>
            <td>{f.schedule[day]!.pause ? `${f.schedule[day]!.pause} min` : '—'}</td>
            <td className="num">{formatDuration(dayMinutes(minutes[day]!))}</td>
          </tr>
        ))}
        <tr>
          <td colSpan={4}>
            <strong>Total de la semaine</strong>
          </td>
          <td className="num">
            <strong>{formatDuration(m.immersion.weekMinutes)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * The convention of a PMSMP, with every field of the Cerfa 13912 (the
 * indications of D5135-2): the four parties, the tutor, the object and
 * objectives, the dates, place and hours, the tasks, the skills sought, the
 * risks and protective equipment, the rules of L5135-3, and four signatures.
 */
export function PmsmpConvention({ d }: { d: PersonDocumentData }) {
  const m = immersionOf(d);
  const f = m.immersion.fields;
  // D5135-1: a salaried beneficiary's employer is a party too, when it is not the accompanying structure itself.
  const employerSigners = m.beneficiary.employers
    .filter((e) => e.name !== d.structure.name)
    .map((e) => ({ who: 'Pour l’employeur du bénéficiaire', name: '', title: e.name }));
  return (
    <>
      <Letterhead issuer={d.structure} reference={referenceOf(d)} />
      <h1>Convention de mise en situation en milieu professionnel</h1>
      <p className="subtitle">
        Période de mise en situation en milieu professionnel (PMSMP), articles L5135-1 à L5135-8 et D5135-1 à D5135-8 du
        Code du travail — modèle Cerfa n° 13912
        {m.renews
          ? ` — renouvellement de la convention ${m.renews.number ?? ''} du ${longFrenchDate(m.renews.startDate)} au ${longFrenchDate(m.renews.endDate)}`
          : ''}
      </p>
      <Parties d={d} m={m} />

      <Article title="1 — Tuteur dans la structure d’accueil">
        <p>
          {f.tutorName}, {f.tutorFunction}, accueille et suit le bénéficiaire et lui transmet les consignes d’hygiène et
          de sécurité
          {f.tutorPhone || f.tutorEmail ? ` (${contactLine(f.tutorPhone, f.tutorEmail)})` : ''}.
        </p>
      </Article>

      <Article title="2 — Objet et objectifs">
        <p>Objet de la période (article L5135-1) : {PMSMP_OBJECTIVE_LABELS[f.objective]}.</p>
        <p>Métier ou activité observé : {f.trade}.</p>
        {f.goals && <p>Objectifs précis : {asSentence(f.goals)}</p>}
        <p>
          Leur réalisation est évaluée par un bilan établi par la structure d’accompagnement avec le tuteur, à la fin de
          la période.
        </p>
      </Article>

      <Article title="3 — Dates, lieu et horaires">
        <p>
          Du {longFrenchDate(f.startDate)} au {longFrenchDate(f.endDate)} inclus, soit au plus un mois de date à date
          (article D5135-3)
          {f.place ? `, au lieu suivant : ${f.place}` : `, dans les locaux de la structure d’accueil`}. Nombre d’heures
          de présence prévues sur la période : {formatDuration(m.immersion.plannedMinutes)}.
        </p>
        <Schedule m={m} />
      </Article>

      <Article title="4 — Activités confiées">
        <p>{asSentence(f.tasks)}</p>
      </Article>

      <Article title="5 — Compétences recherchées et observées">
        <p>{f.skills ? asSentence(f.skills) : 'Les compétences observées sont notées au bilan.'}</p>
      </Article>

      <Article title="6 — Risques et équipements de protection">
        <p>
          Risques du poste :{' '}
          {f.risks ? asSentence(f.risks) : 'aucun risque particulier signalé par la structure d’accueil.'}
        </p>
        <p>
          Équipements de protection individuelle, fournis par la structure d’accueil :{' '}
          {f.equipment ? asSentence(f.equipment) : 'aucun équipement particulier requis.'}
        </p>
      </Article>

      <Article title="7 — Statut du bénéficiaire">
        <p>
          Le bénéficiaire conserve le régime d’indemnisation et le statut dont il bénéficiait avant cette période ; il
          n’est pas rémunéré par la structure d’accueil, a accès aux transports et installations collectifs de ses
          salariés et, s’il est salarié, retrouve son poste de travail à l’issue de la période (article L5135-3). La
          structure d’accueil ne peut confier au bénéficiaire une tâche dangereuse pour laquelle il n’aurait pas reçu la
          formation et les équipements nécessaires, ni l’accueillir pour occuper un poste permanent, faire face à un
          surcroît d’activité ou remplacer un salarié absent.
        </p>
        {m.immersion.suspensions.map((s) => (
          <p key={s.participationId}>
            Le bénéficiaire est salarié en CDDI sur le chantier « {s.worksiteName} » : la période a lieu pendant son
            contrat, auprès d’un autre employeur (article L5132-15-1 du Code du travail) ; son contrat est suspendu du{' '}
            {longFrenchDate(s.from)} au {longFrenchDate(s.to)} et il retrouve son poste à l’issue (article L5135-3).
          </p>
        ))}
      </Article>

      <SignatureBlock
        town={d.structure.town}
        date={null}
        copies={4 + employerSigners.length}
        signers={[
          { who: 'Le bénéficiaire', name: `${d.person.firstNames} ${d.person.lastName}`, mention: 'Lu et approuvé' },
          // A minor's legal representative signs with them (migration 025).
          ...(f.representativeName
            ? [{ who: 'Son représentant légal', name: f.representativeName, mention: 'Lu et approuvé' }]
            : []),
          // D5135-1: a salaried beneficiary's employer is a party too, when it is not the accompanying structure.
          ...employerSigners,
          // The host's legal representative signs: a line for their name, written by hand.
          { who: 'Pour la structure d’accueil', name: '', title: m.host.name },
          { who: 'Pour le prescripteur', name: m.prescriber.contactName ?? '', title: m.prescriber.name },
          {
            who: 'Pour la structure d’accompagnement',
            name: d.structure.signatoryName,
            title: d.structure.signatoryTitle,
          },
        ]}
      />
      <EstablishedOn date={d.issuedOn} />
    </>
  );
}

/** The bilan of a PMSMP: done or not, hours missed, skills observed, what follows. */
export function PmsmpBilan({ d }: { d: PersonDocumentData }) {
  const m = immersionOf(d);
  const f = m.immersion.fields;
  const b = m.immersion.bilan;
  if (!b) throw new Error('a bilan document needs its bilan');
  const done = Math.max(0, m.immersion.plannedMinutes - b.missedMinutes);
  return (
    <>
      <Letterhead issuer={d.structure} reference={referenceOf(d)} />
      <h1>Bilan de la mise en situation en milieu professionnel</h1>
      <p className="subtitle">
        {personFullName(d)} — chez {m.host.name}, du {longFrenchDate(f.startDate)} au {longFrenchDate(f.endDate)}
        {m.renews ? ' (renouvellement)' : ''}
      </p>

      <Article title="1 — La période">
        <p>
          Objet : {PMSMP_OBJECTIVE_LABELS[f.objective]}. Métier ou activité observé : {f.trade}. Tuteur : {f.tutorName},{' '}
          {f.tutorFunction}. Prescripteur : {m.prescriber.name}.
        </p>
      </Article>

      <Article title="2 — Réalisation">
        <p>La période a été : {PMSMP_OUTCOME_LABELS[b.outcome].toLocaleLowerCase('fr-FR')}.</p>
        <table>
          <tbody>
            <tr>
              <td>Heures de présence prévues</td>
              <td className="num">{formatDuration(m.immersion.plannedMinutes)}</td>
            </tr>
            <tr>
              <td>Heures manquées</td>
              <td className="num">{formatDuration(b.missedMinutes)}</td>
            </tr>
            <tr>
              <td>Heures effectuées</td>
              <td className="num">{formatDuration(done)}</td>
            </tr>
          </tbody>
        </table>
      </Article>

      <Article title="3 — Compétences observées">
        <p>{b.skillsObserved ? asSentence(b.skillsObserved) : 'Aucune compétence notée.'}</p>
      </Article>

      <Article title="4 — Suites proposées">
        <p>{b.followUp ? asSentence(b.followUp) : 'Aucune suite notée.'}</p>
        {b.comment && <p>Commentaire : {asSentence(b.comment)}</p>}
      </Article>

      <SignatureBlock
        town={d.structure.town}
        date={b.writtenOn ?? null}
        signers={[
          { who: 'Le bénéficiaire', name: `${d.person.firstNames} ${d.person.lastName}` },
          { who: 'Le tuteur', name: f.tutorName, title: `${f.tutorFunction}, ${m.host.name}` },
          {
            who: 'Pour la structure d’accompagnement',
            name: [f.referentName, f.referentFunction].filter(Boolean).join(', '),
            title: d.structure.name,
          },
        ]}
      />
      <EstablishedOn date={d.issuedOn} />
    </>
  );
}
