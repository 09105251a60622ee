import type { Role } from '@shared/contract/users';

/**
 * A first week in Passerelle, one guide per role, written with the names the
 * menu and the buttons really show (a test checks the menu entries it cites).
 * « › » walks a path: menu entry › tab or screen › button.
 */
export interface Guide {
  title: string;
  intro: string;
  steps: string[];
}

export const GUIDES: Record<Role, Guide> = {
  administrateur: {
    title: 'Première semaine au secrétariat',
    intro:
      'Vous préparez tout ce dont les autres ont besoin : la structure, les employeurs, les comptes, les fiches des personnes, puis chaque mois les heures pour la paie.',
    steps: [
      'Paramètres › Structure : vérifiez le nom, l’adresse et le logo qui paraîtront sur les documents.',
      'Paramètres › Employeurs : l’association intermédiaire qui emploie les salariés des MESP (l’employeur de portage), avec le prix de l’heure de mise à disposition ; le CCAS lui-même s’il porte un ACI.',
      'Paramètres › SMIC et Paramètres › Calendrier : le taux horaire en vigueur et les jours de fermeture de la structure.',
      'Paramètres › Comptes › « Nouveau compte » : un compte par collègue, avec son rôle. Pour un travailleur social, créez sa fiche dans Contacts puis, dans Paramètres › Comptes, « Relier à sa fiche » : il verra alors les personnes qu’il suit.',
      'Personnes › « Nouvelle personne », ou « Importer un tableau » si vous avez déjà une liste. Le « i » à côté de QPV ou RQTH dit ce que ces mots veulent dire.',
      'Chantiers › « Nouveau chantier » ; sur la page du chantier, « Ajouter un participant » (type de contrat, dates, poste) puis « Générer les demi-journées ».',
      'Au début de chaque mois, Heures à transmettre : choisissez l’employeur et le mois, vérifiez les heures, « Valider le mois », puis enregistrez le tableur ou le fichier de paie pour l’employeur.',
      'Sauvegardes : faites la première sauvegarde dès la fin de la semaine et gardez la fiche de secours en lieu sûr.',
    ],
  },
  coordination: {
    title: 'Première semaine à la coordination',
    intro: 'Vous organisez les chantiers et suivez les parcours ; les chiffres pour les financeurs partent de vous.',
    steps: [
      'Tableau de bord : ce qui attend une action cette semaine (contrats à remettre, demi-journées à émarger, bilans à faire).',
      'Chantiers › « Nouveau chantier » : type (MESP ou ACI), employeur, dates, demi-journées de la semaine et capacité.',
      'Personnes › fiche d’une personne › Parcours › « Orienter vers un chantier », puis chaque étape jusqu’à « En chantier ».',
      'Sur la page du chantier : « Ajouter un participant », « Générer les demi-journées », puis « Planning et feuilles d’émargement » pour imprimer.',
      'Planning : toutes les demi-journées de la semaine, chantier par chantier.',
      'Statistiques : les chiffres remis aux financeurs ; les petits effectifs sont masqués (secret statistique).',
      'Paramètres › Financeurs et Paramètres › Calendrier : les financeurs de chaque chantier et les jours de fermeture.',
    ],
  },
  encadrant: {
    title: 'Première semaine d’encadrant technique',
    intro:
      'Vous êtes sur le chantier : vous émargez les présences et vous évaluez les compétences de chaque participant.',
    steps: [
      'Tableau de bord : vos chantiers et les demi-journées qui restent à émarger.',
      'Chantiers › votre chantier › « Émargement » : pour chaque demi-journée, marquez présent, absent ou en retard, puis « Enregistrer ». « Imprimer la feuille de la semaine » donne la feuille à faire signer.',
      'Sur la page du chantier, à côté d’un participant, « Suivi et évaluations » : l’onglet Évaluations (« Enregistrer l’évaluation »), l’onglet Observations (« Ajouter l’observation ») et l’onglet Visites de santé.',
      'Une observation qui montre une difficulté de la vie (transport, garde d’enfants…) est un frein : signalez-la, le travailleur social la qualifie.',
      'Vous ne voyez ni les données sociales ni la RQTH des participants : c’est voulu.',
    ],
  },
  travailleur_social: {
    title: 'Première semaine de travailleur social ou de CIP',
    intro:
      'Vous accompagnez les personnes que vous suivez : leur situation, leurs freins, leur parcours et leur bilan.',
    steps: [
      'Personnes : la liste des personnes que vous suivez. Si elle est vide, un administrateur doit relier votre compte à votre fiche (Paramètres › Comptes, ou Contacts › votre fiche › « Compte Passerelle »).',
      'Fiche d’une personne : la situation (ressources, RQTH, logement, mobilité), le Parcours et ses étapes.',
      'Freins › « Ajouter un frein » : la difficulté, la date où elle est repérée, ce qui est fait, la date où elle est levée.',
      'Chantiers › chantier › participant › « Suivi et évaluations » › onglet Observations : « Qualifier en frein » une observation de l’encadrant.',
      'À la fin du chantier, l’onglet Bilan : présence, compétences, freins et suite du parcours ; la sortie se note dans le Parcours.',
    ],
  },
  psychologue: {
    title: 'Première semaine de psychologue',
    intro:
      'Vous rencontrez les participants pendant les chantiers ; Passerelle vous donne vos rendez-vous, sans rien du dossier social.',
    steps: [
      'Entretiens : la date, la personne et le chantier de chaque entretien prévu par la coordination.',
      'Dans la colonne « Votre note », quelques mots pour vous souvenir de l’entretien, puis « Enregistrer ». Personne d’autre ne lit ces notes ; n’y écrivez rien de clinique.',
    ],
  },
  lecture_seule: {
    title: 'Première semaine en lecture seule (direction)',
    intro: 'Vous suivez l’activité sans rien modifier.',
    steps: [
      'Statistiques : choisissez la période et le financeur ; chaque chiffre a un « i » qui dit comment il est compté.',
      'Les petits effectifs sont masqués (secret statistique) : c’est ce que reçoivent les financeurs.',
    ],
  },
};
