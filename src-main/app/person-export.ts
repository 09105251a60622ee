/**
 * Everything held about one person (right of access, RGPD art. 15), with
 * French headings so the person can read the JSON as well as the PDF. The
 * only document that may hold the psychologist's notes about them. Nothing
 * about anyone else: only their own rows, and staff names where staff acted.
 */
import { exportSection, type ExportedTable } from '../db/personal-data';
import * as held from '../db/repositories/person-export';
import { MARK_LABELS } from '../shared/contract/attendance-codes';
import {
  EVALUATION_LEVEL_LABELS,
  EVALUATION_MOMENT_LABELS,
  EVALUATOR_LABELS,
  HEALTH_CHECK_KIND_LABELS,
  OBSERVATION_KIND_LABELS,
} from '../shared/contract/evaluations';
import { JOURNEY_STATUS_LABELS, OBSTACLE_KIND_LABELS, OUTCOME_CATEGORY_LABELS } from '../shared/contract/journey-lists';
import {
  CIVILITY_LABELS,
  EDUCATION_LEVEL_LABELS,
  RESOURCE_LABELS,
  SEX_LABELS,
  YES_NO_UNKNOWN_LABELS,
} from '../shared/contract/people-lists';
import { formatEuros } from '../shared/money';
import { RIGHTS_KIND_LABELS } from '../shared/contract/rgpd';
import { ANNEX_KIND_LABELS, CONTRACT_TYPE_LABELS } from '../shared/contract/worksites';
import { ORIENTATION_LABELS } from '../shared/contract/bilans';
import { formatDuration } from '../shared/time';
import { longFrenchDate } from '../shared/dates';
import { de, formatPhone } from '../shared/french';
import { agreeLabel } from '../domain/agreement';
import { byOrganisation } from '../shared/organisation';
import type { ReadableDb } from '../db/access';
import { listImmersions } from '../db/repositories/pmsmp';
import * as iae from '../db/repositories/iae';
import { IAE_CRITERION_BY_CODE, PROLONGATION_REASON_LABELS, formatPassNumber } from '../shared/iae-criteria';
import { participantsOfPerson } from '../db/repositories/fse-plus';
import {
  FSE_LABOUR_STATUS_LABELS,
  FSE_SENSITIVE_ITEMS,
  FSE_SENSITIVE_ITEM_LABELS,
  SENSITIVE_ANSWER_LABELS,
} from '../shared/contract/fse-plus';
import {
  PMSMP_OBJECTIVE_LABELS,
  PMSMP_OUTCOME_LABELS,
  type PmsmpObjective,
  type PmsmpOutcome,
} from '../shared/contract/pmsmp';

type Row = Record<string, string | number | null>;
export interface PersonExport {
  title: string;
  sections: { title: string; rows: Row[] }[];
}

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'oui' : 'non');
/** "de 8 h 30 à 12 h": times as they are said, as on the convocation. */
const hours = (start: number, end: number) => `de ${formatDuration(start)} à ${formatDuration(end)}`;
/** Dates as a letter writes them ("4 mai 2026"), never as stored. */
const day = (iso: string | null) => (iso === null || iso === '' ? null : longFrenchDate(iso.slice(0, 10)));

export async function personExport(
  db: ReadableDb,
  personId: number,
  structureName: string,
  today: string,
  /** Whether the one making the export sees the sensitive FSE+ items (`seesFseSensitiveData`); without, they are left out. */
  withFseSensitive = false,
): Promise<PersonExport> {
  const p = await held.exportedPerson(db, personId);
  // The screens' labels, agreed with the person they are written to ("Présente", not "Présent·e").
  const label = <K extends string>(labels: Record<K, string>, key: string | null) =>
    key === null ? null : agreeLabel(p.civility, labels[key as K] ?? key);
  const participations = await held.exportedParticipations(db, personId);
  const worksiteOf = new Map(participations.map((x) => [x.id, x.worksiteName]));

  const sections: PersonExport['sections'] = [];
  // Each section under the title `db/personal-data.ts` declares for its table.
  const add = (table: ExportedTable, rows: Row[]) => sections.push({ title: exportSection(table), rows });
  add('persons', [
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
      'Personne à prévenir': p.emergencyContact,
      'Numéro de sécurité sociale': p.nir,
      'Résidant en quartier prioritaire': label(YES_NO_UNKNOWN_LABELS, p.priorityArea),
      'Fiche créée le': day(p.createdAt),
    },
  ]);
  add(
    'personSituations',
    (await held.exportedSituations(db, personId)).map((s) => ({
      'Situation au': day(s.observedOn),
      Ressources: label(RESOURCE_LABELS, s.resources),
      'Niveau de formation': label(EDUCATION_LEVEL_LABELS, s.educationLevel),
      RQTH: label(YES_NO_UNKNOWN_LABELS, s.rqth),
      Logement: s.housing,
      'Permis de conduire': yesNo(s.drivingLicence),
    })),
  );
  add(
    'journeyEvents',
    (await held.exportedJourneyEvents(db, personId)).map((e) => ({
      Date: day(e.happenedOn),
      Étape: label(JOURNEY_STATUS_LABELS, e.status),
      Motif: e.reason,
    })),
  );
  add(
    'outcomes',
    (await held.exportedOutcomes(db, personId)).map((o) => ({
      'Sortie le': day(o.exitedOn),
      Catégorie: label(OUTCOME_CATEGORY_LABELS, o.category),
      Précision: o.detail,
      'Situation à 3 mois': o.afterThreeMonths,
      'Situation à 6 mois': o.afterSixMonths,
    })),
  );
  add(
    'obstacles',
    (await held.exportedObstacles(db, personId)).map((o) => ({
      Frein: label(OBSTACLE_KIND_LABELS, o.kind),
      'Repéré le': day(o.identifiedOn),
      'Actions engagées': o.actions,
      'Levé le': day(o.resolvedOn),
    })),
  );
  add(
    'participations',
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
    'immersions',
    (await listImmersions(db, personId)).map((i) => ({
      'Entreprise d’accueil': i.hostName,
      Objectif: PMSMP_OBJECTIVE_LABELS[i.objective as PmsmpObjective] ?? i.objective,
      Métier: i.trade,
      Objectifs: i.goals,
      Du: day(i.startDate),
      Au: day(i.endDate),
      Tuteur: i.tutorName,
      Bilan: i.outcome === null ? null : (PMSMP_OUTCOME_LABELS[i.outcome as PmsmpOutcome] ?? i.outcome),
      'Compétences observées': i.skillsObserved,
      Suites: i.followUp,
    })),
  );
  add(
    'iaeCriteria',
    (await iae.listCriteria(db, personId)).map((c) => {
      const criterion = IAE_CRITERION_BY_CODE[c.code];
      return {
        Critère: criterion.label,
        Niveau: String(criterion.level),
        Justificatif: criterion.proofs.find((p) => p.code === c.proofType)?.label ?? c.proofType,
        'Justificatif daté du': day(c.proofDate),
        'Valable jusqu’au': day(c.validUntil),
        'Document numérisé': c.attachmentName,
      };
    }),
  );
  const pass = await iae.findPass(db, personId);
  add(
    'passIae',
    pass
      ? [
          { Numéro: formatPassNumber(pass.number), Du: day(pass.startDate), Au: day(pass.endDate), Motif: null },
          ...(await iae.listProlongations(db, pass.id)).map((p) => ({
            Numéro: 'Prolongation',
            Du: day(p.startDate),
            Au: day(p.endDate),
            Motif: `${PROLONGATION_REASON_LABELS[p.reason]}, décidée le ${day(p.decidedOn)}${p.decidedBy ? ` par ${p.decidedBy}` : ''}`,
          })),
        ]
      : [],
  );
  add(
    'fseParticipants',
    (await participantsOfPerson(db, personId)).map((f) => ({
      Opération: f.operationName,
      Financeur: f.funderName,
      'Entrée le': day(f.enteredOn),
      'Situation à l’entrée': FSE_LABOUR_STATUS_LABELS[f.labourStatus],
      'Âge à l’entrée': `${f.ageAtEntry} ans`,
      'Niveau de formation': label(EDUCATION_LEVEL_LABELS, f.educationLevel),
      ...(withFseSensitive
        ? Object.fromEntries(
            FSE_SENSITIVE_ITEMS.map((item) => [
              FSE_SENSITIVE_ITEM_LABELS[item],
              f[item] === null ? null : SENSITIVE_ANSWER_LABELS[f[item]],
            ]),
          )
        : {
            'Questions sensibles':
              'non reprises dans cet export : à demander à la travailleuse sociale ou à l’administrateur',
          }),
      'Sans domicile ou mal logé': yesNo(f.homeless === 1),
      'Zone rurale': yesNo(f.ruralArea === 1),
      'Sortie le': day(f.leftOn),
      'En recherche d’emploi à la sortie': f.leftOn === null ? null : yesNo(f.seekingWork === 1),
      'En études ou en formation à la sortie': f.leftOn === null ? null : yesNo(f.inEducationOrTraining === 1),
      'Qualification obtenue': f.leftOn === null ? null : yesNo(f.gainedQualification === 1),
      'En emploi à la sortie': f.leftOn === null ? null : yesNo(f.inEmploymentAtExit === 1),
      'Situation à 6 mois au': day(f.observedOn),
      'En emploi à 6 mois': f.observedOn === null ? null : yesNo(f.inEmploymentAtSixMonths === 1),
      'Situation améliorée à 6 mois': f.observedOn === null ? null : yesNo(f.improvedSituation === 1),
    })),
  );
  add(
    'attendance',
    (await held.exportedAttendance(db, personId)).map((a) => ({
      Chantier: worksiteOf.get(a.participationId) ?? '',
      Date: day(a.date),
      Horaire: hours(a.actualStart ?? a.startMinutes, a.actualEnd ?? a.endMinutes),
      Émargement: label(MARK_LABELS, a.mark),
    })),
  );
  add(
    'annexTimes',
    (await held.exportedAnnexTimes(db, personId)).map((a) => ({
      Date: day(a.date),
      Objet: label(ANNEX_KIND_LABELS, a.kind),
      Horaire: hours(a.startMinutes, a.endMinutes),
      Rémunéré: yesNo(a.paid),
    })),
  );
  add(
    'evaluationItems',
    (await held.exportedEvaluations(db, personId)).map((x) => ({
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
    'observations',
    (await held.exportedObservations(db, personId)).map((o) => ({
      Date: day(o.observedOn),
      Type: label(OBSERVATION_KIND_LABELS, o.kind),
      Observation: o.text,
    })),
  );
  add(
    'healthChecks',
    (await held.exportedHealthChecks(db, personId)).map((c) => ({
      Visite: label(HEALTH_CHECK_KIND_LABELS, c.kind),
      Date: day(c.date),
      'Document reçu': yesNo(c.paperReceived),
      'Restrictions de travail': c.restrictions,
      'Inaptitude déclarée': yesNo(c.inaptitude),
    })),
  );
  add(
    'bilans',
    (await held.exportedBilans(db, personId)).map((b) => ({
      Chantier: worksiteOf.get(b.participationId) ?? '',
      'Vos mots': b.participantWords,
      'Appréciation de l’équipe': b.teamAssessment,
      Orientation: label(ORIENTATION_LABELS, b.orientation),
      'Prochaines étapes': b.nextSteps,
    })),
  );
  add(
    'psychologistNotes',
    (await held.exportedPsychologistNotes(db, personId)).map((n) => ({ 'Entretien du': day(n.date), Note: n.note })),
  );
  add(
    'documents',
    (await held.exportedDocuments(db, personId)).map((d) => ({
      Numéro: `${d.number} v${d.version}`,
      Document: d.title,
      'Établi le': day(d.createdAt),
    })),
  );
  add(
    'attachments',
    (await held.exportedAttachments(db, personId)).map((a) => ({
      Document: a.label || a.originalName,
      'Ajouté le': day(a.createdAt),
    })),
  );
  add(
    'rightsRequests',
    (await held.exportedRightsRequests(db, personId)).map((r) => ({
      Demande: label(RIGHTS_KIND_LABELS, r.kind),
      'Reçue le': day(r.receivedOn),
      'Réponse due le': day(r.dueOn),
      'Répondue le': day(r.answeredOn),
    })),
  );
  return {
    title: `Données ${de(`${p.firstNames} ${p.lastName}`)} détenues ${byOrganisation(structureName)}, au ${longFrenchDate(today)}`,
    sections,
  };
}
