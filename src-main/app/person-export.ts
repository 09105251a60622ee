/**
 * Everything held about one person (right of access, RGPD art. 15), with
 * French headings so the person can read the JSON as well as the PDF. The
 * only document that may hold the psychologist's notes about them. Nothing
 * about anyone else: only their own rows, and staff names where staff acted.
 */
import { listImmersions } from '../db/repositories/pmsmp';
import { PMSMP_OBJECTIVE_LABELS, PMSMP_OUTCOME_LABELS } from '../shared/contract/pmsmp';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { MARK_LABELS, type Mark } from '../shared/contract/attendance-codes';
import { EVALUATION_LEVEL_LABELS, EVALUATION_MOMENT_LABELS, EVALUATOR_LABELS, HEALTH_CHECK_KIND_LABELS, OBSERVATION_KIND_LABELS } from '../shared/contract/evaluations';
import { JOURNEY_STATUS_LABELS, OBSTACLE_KIND_LABELS, OUTCOME_CATEGORY_LABELS } from '../shared/contract/journey-lists';
import { CIVILITY_LABELS, EDUCATION_LEVEL_LABELS, RESOURCE_LABELS, SEX_LABELS, YES_NO_UNKNOWN_LABELS } from '../shared/contract/people-lists';
import { formatEuros } from '../shared/money';
import { RIGHTS_KIND_LABELS } from '../shared/contract/rgpd';
import { ANNEX_KIND_LABELS, CONTRACT_TYPE_LABELS } from '../shared/contract/worksites';
import { ORIENTATION_LABELS } from '../shared/contract/bilans';
import { formatDuration } from '../shared/time';
import { longFrenchDate } from '../shared/dates';
import { de, formatPhone } from '../shared/french';
import { agreeLabel, type Civility } from '../domain/agreement';
import { byOrganisation } from '../shared/organisation';

type Row = Record<string, string | number | null>;
export interface PersonExport {
  title: string;
  sections: { title: string; rows: Row[] }[];
}

const yesNo = (v: number | null) => (v === null ? null : v === 1 ? 'oui' : 'non');
/** "de 8 h 30 à 12 h": times as they are said, as on the convocation. */
const hours = (start: number, end: number) => `de ${formatDuration(start)} à ${formatDuration(end)}`;
/** Dates as a letter writes them ("4 mai 2026"), never as stored. */
const day = (iso: string | null) => (iso === null || iso === '' ? null : longFrenchDate(iso.slice(0, 10)));

export async function personExport(db: Kysely<Database>, personId: number, structureName: string, today: string): Promise<PersonExport> {
  const p = await db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  // The screens' labels, agreed with the person they are written to ("Présente", not "Présent·e").
  const label = <K extends string>(labels: Record<K, string>, key: string | null) => (key === null ? null : agreeLabel(p.civility as Civility, labels[key as K] ?? key));
  const participations = await db
    .selectFrom('participations as pa')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .selectAll('pa')
    .select('w.name as worksiteName')
    .where('pa.personId', '=', personId)
    .orderBy('pa.startDate')
    .execute();
  const pids = participations.map((x) => x.id).concat(-1);
  const journeys = await db.selectFrom('journeys').selectAll().where('personId', '=', personId).execute();
  const jids = journeys.map((j) => j.id).concat(-1);
  const worksiteOf = new Map(participations.map((x) => [x.id, x.worksiteName]));

  const sections: PersonExport['sections'] = [];
  const add = (title: string, rows: Row[]) => sections.push({ title, rows });
  add('Identité et coordonnées', [
    {
      Nom: p.lastName,
      'Nom de naissance': p.birthName,
      Prénoms: p.firstNames,
      Civilité: label(CIVILITY_LABELS, p.civility),
      'Date de naissance': day(p.birthDate),
      Sexe: label(SEX_LABELS, p.sex),
      Adresse: `${p.address} ${p.postcode} ${p.town}`.trim(),
      Téléphone: p.phone ? formatPhone(p.phone) : p.phone,
      'Adresse e-mail': p.email,
      "Personne à prévenir": p.emergencyContact,
      'Numéro de sécurité sociale': p.nir,
      'Résidant en quartier prioritaire': label(YES_NO_UNKNOWN_LABELS, p.priorityArea),
      'Fiche créée le': day(p.createdAt),
    },
  ]);
  add(
    'Situation',
    (await db.selectFrom('personSituations').selectAll().where('personId', '=', personId).orderBy('observedOn').execute()).map((s) => ({
      'Situation au': day(s.observedOn),
      Ressources: label(RESOURCE_LABELS, s.resources),
      'Niveau de formation': label(EDUCATION_LEVEL_LABELS, s.educationLevel),
      RQTH: label(YES_NO_UNKNOWN_LABELS, s.rqth),
      Logement: s.housing,
      'Permis de conduire': yesNo(s.drivingLicence),
    })),
  );
  add(
    'Parcours',
    (await db.selectFrom('journeyEvents').selectAll().where('journeyId', 'in', jids).orderBy('happenedOn').execute()).map((e) => ({
      Date: day(e.happenedOn),
      Étape: label(JOURNEY_STATUS_LABELS, e.status),
      Motif: e.reason,
    })),
  );
  add(
    'Sorties',
    (await db.selectFrom('outcomes').selectAll().where('journeyId', 'in', jids).execute()).map((o) => ({
      'Sortie le': day(o.exitedOn),
      Catégorie: label(OUTCOME_CATEGORY_LABELS, o.category),
      Précision: o.detail,
      'Situation à 3 mois': o.afterThreeMonths,
      'Situation à 6 mois': o.afterSixMonths,
    })),
  );
  add(
    'Freins',
    (await db.selectFrom('obstacles').selectAll().where('personId', '=', personId).orderBy('identifiedOn').execute()).map((o) => ({
      Frein: label(OBSTACLE_KIND_LABELS, o.kind),
      'Repéré le': day(o.identifiedOn),
      'Actions engagées': o.actions,
      'Levé le': day(o.resolvedOn),
    })),
  );
  add(
    'Immersions en entreprise (PMSMP)',
    (await listImmersions(db, personId)).map((i) => ({
      'Structure d’accueil': i.hostName,
      Objet: label(PMSMP_OBJECTIVE_LABELS, i.objective),
      Métier: i.trade,
      Du: day(i.startDate),
      Au: day(i.endDate),
      Tuteur: `${i.tutorName}, ${i.tutorFunction}`,
      Prescripteur: i.prescriberName,
      'Objectifs précis': i.goals,
      Bilan: label(PMSMP_OUTCOME_LABELS, i.outcome),
      'Compétences observées': i.skillsObserved,
      'Suites proposées': i.followUp,
    })),
  );
  add(
    'Contrats sur les chantiers',
    participations.map((x) => ({
      Chantier: x.worksiteName,
      Contrat: label(CONTRACT_TYPE_LABELS, x.contractType),
      Poste: x.position,
      Du: day(x.startDate),
      Au: day(x.earlyEndDate ?? x.endDate),
      'Heures par semaine': formatDuration(x.weeklyMinutes),
      'Taux horaire brut': formatEuros(x.hourlyCents),
    })),
  );
  add(
    'Présences',
    (
      await db
        .selectFrom('attendance as a')
        .innerJoin('sessions as s', 's.id', 'a.sessionId')
        .select(['a.participationId', 'a.mark', 's.date', 's.startMinutes', 's.endMinutes', 'a.actualStart', 'a.actualEnd'])
        .where('a.participationId', 'in', pids)
        .orderBy('s.date')
        .execute()
    ).map((a) => ({
      Chantier: worksiteOf.get(a.participationId) ?? '',
      Date: day(a.date),
      Horaire: hours(a.actualStart ?? a.startMinutes, a.actualEnd ?? a.endMinutes),
      Émargement: label(MARK_LABELS, a.mark as Mark),
    })),
  );
  add(
    'Rendez-vous et temps annexes',
    (await db.selectFrom('annexTimes').selectAll().where('participationId', 'in', pids).orderBy('date').execute()).map((a) => ({
      Date: day(a.date),
      Objet: label(ANNEX_KIND_LABELS, a.kind),
      Horaire: hours(a.startMinutes, a.endMinutes),
      Rémunéré: yesNo(a.paid),
    })),
  );
  add(
    'Évaluations',
    (
      await db
        .selectFrom('evaluationItems as i')
        .innerJoin('evaluations as e', 'e.id', 'i.evaluationId')
        .innerJoin('evaluationCriteria as c', 'c.id', 'i.criterionId')
        .select(['e.participationId', 'e.moment', 'e.evaluator', 'e.evaluatedOn', 'c.label', 'i.level', 'i.comment'])
        .where('e.participationId', 'in', pids)
        .orderBy('e.evaluatedOn')
        .execute()
    ).map((x) => ({
      Chantier: worksiteOf.get(x.participationId) ?? '',
      Moment: label(EVALUATION_MOMENT_LABELS, x.moment),
      'Évalué par': label(EVALUATOR_LABELS, x.evaluator),
      Date: day(x.evaluatedOn),
      Compétence: x.label,
      Niveau: label(EVALUATION_LEVEL_LABELS, x.level),
      Commentaire: x.comment,
    })),
  );
  add(
    'Observations sur le chantier',
    (await db.selectFrom('observations').selectAll().where('participationId', 'in', pids).orderBy('observedOn').execute()).map((o) => ({
      Date: day(o.observedOn),
      Type: label(OBSERVATION_KIND_LABELS, o.kind),
      Observation: o.text,
    })),
  );
  add(
    'Visites de santé',
    (await db.selectFrom('healthChecks').selectAll().where('participationId', 'in', pids).orderBy('date').execute()).map((c) => ({
      Visite: label(HEALTH_CHECK_KIND_LABELS, c.kind),
      Date: day(c.date),
      'Document reçu': yesNo(c.paperReceived),
      'Restrictions de travail': c.restrictions,
      'Inaptitude déclarée': yesNo(c.inaptitude),
    })),
  );
  add(
    'Bilans',
    (await db.selectFrom('bilans').selectAll().where('participationId', 'in', pids).execute()).map((b) => ({
      Chantier: worksiteOf.get(b.participationId) ?? '',
      'Vos mots': b.participantWords,
      "Appréciation de l'équipe": b.teamAssessment,
      Orientation: label(ORIENTATION_LABELS, b.orientation),
      'Prochaines étapes': b.nextSteps,
    })),
  );
  add(
    'Notes de la psychologue',
    (
      await db
        .selectFrom('psychologistNotes as n')
        .innerJoin('annexTimes as a', 'a.id', 'n.annexTimeId')
        .select(['a.date', 'n.note'])
        .where('a.participationId', 'in', pids)
        .orderBy('a.date')
        .execute()
    ).map((n) => ({ 'Entretien du': day(n.date), Note: n.note })),
  );
  add(
    'Documents établis',
    (await db.selectFrom('documents').select(['number', 'version', 'title', 'createdAt']).where((eb) => eb.or([eb('personId', '=', personId), eb('participationId', 'in', pids)])).orderBy('createdAt').execute()).map((d) => ({
      Numéro: `${d.number} v${d.version}`,
      Document: d.title,
      'Établi le': day(d.createdAt),
    })),
  );
  add(
    'Documents numérisés',
    (await db.selectFrom('attachments').select(['label', 'originalName', 'createdAt']).where((eb) => eb.or([eb('personId', '=', personId), eb('participationId', 'in', pids)])).execute()).map((a) => ({
      Document: a.label || a.originalName,
      'Ajouté le': day(a.createdAt),
    })),
  );
  add(
    'Vos demandes sur vos données',
    (await db.selectFrom('rightsRequests').selectAll().where('personId', '=', personId).orderBy('receivedOn').execute()).map((r) => ({
      Demande: label(RIGHTS_KIND_LABELS, r.kind),
      'Reçue le': day(r.receivedOn),
      'Réponse due le': day(r.dueOn),
      'Répondue le': day(r.answeredOn),
    })),
  );
  return { title: `Données ${de(`${p.firstNames} ${p.lastName}`)} détenues ${byOrganisation(structureName)}, au ${longFrenchDate(today)}`, sections };
}
