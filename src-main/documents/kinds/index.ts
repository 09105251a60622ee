import type { DocumentKind } from '../../shared/contract/document-kinds';
import { attestationCompetences } from './attestation-competences';
import { attestationPresence } from './attestation-presence';
import { bilanChantier } from './bilan-chantier';
import { bilanIndividuel } from './bilan-individuel';
import { certificatTravail } from './certificat-travail';
import { contratTravail } from './contrat-travail';
import { convocation } from './convocation';
import { feuilleEmargement } from './feuille-emargement';
import type { ParticipationKind, PersonKind, WorksiteKind } from './kind';
import { miseADisposition } from './mise-a-disposition';
import { planningChantier } from './planning-chantier';
import { planningPersonne } from './planning-personne';
import { donneesPersonne } from './donnees-personne';
import { noticeDonnees } from './notice-donnees';
import { conventionPmsmp } from './convention-pmsmp';
import { bilanPmsmp } from './bilan-pmsmp';

type Entry<K extends DocumentKind> = K extends ParticipationKind['kind']
  ? ParticipationKind<K>
  : K extends WorksiteKind['kind']
    ? WorksiteKind<K>
    : K extends PersonKind['kind']
      ? PersonKind<K>
      : never;

/** Every document kind, whole: a kind missing here, or missing a part, does not compile (and `document-registry.test.ts` says which). */
export const DOCUMENT_REGISTRY: { [K in DocumentKind]: Entry<K> } = {
  contrat_travail: contratTravail,
  mise_a_disposition: miseADisposition,
  convocation,
  attestation_presence: attestationPresence,
  certificat_travail: certificatTravail,
  planning_personne: planningPersonne,
  bilan_individuel: bilanIndividuel,
  attestation_competences: attestationCompetences,
  feuille_emargement: feuilleEmargement,
  planning_chantier: planningChantier,
  bilan_chantier: bilanChantier,
  notice_donnees: noticeDonnees,
  donnees_personne: donneesPersonne,
  convention_pmsmp: conventionPmsmp,
  bilan_pmsmp: bilanPmsmp,
};

export type { DocumentKindEntry, ParticipationKind, PersonKind, WorksiteKind } from './kind';
