import { formatPhone } from '../../shared/french';
import { organisationGender, signatoryQuality, theOrganisation, toOrganisation } from '../../shared/organisation';
import { word } from '../../domain/agreement';
import type { PersonDocumentData, StructureParty } from '../data';
import { greeting, Recipient } from './letter';
import { Letterhead } from './parts';

const CNIL = 'CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 — www.cnil.fr';

/**
 * The information notice for beneficiaries (RGPD art. 13), filled with the
 * structure's details; handed to one person, it is addressed to them and its
 * words agree with their civility (the blank one keeps the inclusive form).
 */
export function RgpdNotice({
  structure,
  person,
  reference,
  onServer = false,
}: {
  structure: StructureParty;
  person?: PersonDocumentData['person'];
  reference?: string;
  /** The data is on the structure's PostgreSQL server (several offices), not on one PC: its own copies are said. */
  onServer?: boolean;
}) {
  const civility = person?.civility ?? null;
  const contact = [structure.email, structure.phone && formatPhone(structure.phone)].filter(Boolean).join(', ');
  const the = theOrganisation(structure.name);
  return (
    <>
      <Letterhead issuer={structure} logo={structure.logo} reference={reference ?? 'notice d’information'} />
      {person && <Recipient person={person} />}
      <h1>Vos données personnelles</h1>
      <p className="subtitle">Ce que {the} enregistre sur vous pendant votre chantier, et vos droits</p>
      {person && (
        <p>{greeting(civility)} voici comment vos données sont utilisées et protégées pendant votre parcours.</p>
      )}
      <h2>Qui est responsable</h2>
      <p>
        {the.charAt(0).toLocaleUpperCase('fr-FR') + the.slice(1)}, {structure.address}, {structure.postcode}{' '}
        {structure.town}, {organisationGender(structure.name) === 'f' ? 'représentée' : 'représenté'} par{' '}
        {structure.signatoryName}, {signatoryQuality(structure.signatoryTitle, structure.name)}. Contact pour vos
        données : {contact || 'le secrétariat'}.
      </p>
      <h2>Pourquoi</h2>
      <p>
        Pour vous accompagner dans votre parcours d’insertion : organiser le chantier, établir votre contrat et vos
        documents (convocation, attestations, bilans), noter vos présences et vos heures pour votre paie, suivre avec
        vous ce qui vous aide ou vous freine, et préparer la suite. Des chiffres sans aucun nom (nombre de personnes,
        âge, ressources…) sont aussi donnés aux financeurs des chantiers.
      </p>
      <p>
        Base légale : la mission d’intérêt public d’action sociale du CCAS ; pour le contrat et la paie, les obligations
        du Code du travail.
      </p>
      <h2>Quelles données</h2>
      <p>
        Votre identité et vos coordonnées ; votre situation (ressources, niveau de formation, reconnaissance de handicap
        si vous l’indiquez) ; votre parcours, les freins que vous rencontrez et les actions engagées ; vos présences et
        heures ; les évaluations et bilans du chantier ; la date de vos visites de santé et d’éventuelles restrictions
        de travail, sans aucune information médicale ; votre numéro de sécurité sociale, pour la paie uniquement.
      </p>
      <h2>Qui les voit</h2>
      <p>
        Les agents du CCAS, chacun pour ce que son rôle demande : le secrétariat et la coordination, votre référent
        social, l’encadrant technique pour ce qui concerne le chantier (il ne voit pas votre situation sociale).
        L’employeur qui vous salarie reçoit ce qu’il faut pour votre paie. Les financeurs ne reçoivent que des chiffres
        sans nom. Les notes de la psychologue ne sont lues que par elle. Aucune donnée n’est envoyée hors de l’Union
        européenne.
      </p>
      <h2>Combien de temps</h2>
      <p>
        Tant que vous êtes {word(civility, 'accompagné')}, puis 2 ans après notre dernier contact. Votre dossier est
        alors revu, puis anonymisé : votre nom et ce qui vous identifie sont effacés, seuls restent des chiffres.{' '}
        {onServer
          ? 'Les données sont gardées sur un serveur du CCAS : effacées de ses tables, elles restent un temps dans les copies propres au serveur (son journal de transactions, ses copies de secours), que le service informatique qui l’exploite efface selon sa propre durée de conservation ; demandez-la au secrétariat.'
          : 'Les sauvegardes chiffrées de l’ordinateur s’effacent d’elles-mêmes au fil du temps (un an au plus).'}
      </p>
      <h2>Comment elles sont protégées</h2>
      <p>
        {onServer ? 'Sur un serveur du CCAS' : 'Sur un ordinateur du CCAS'}, avec un mot de passe personnel pour chaque
        agent et un journal des accès ; les sauvegardes sur clé USB sont chiffrées.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez voir toutes vos données et en recevoir une copie, les faire corriger, demander leur effacement quand
        la loi le permet, vous opposer à un traitement ou demander sa limitation. Adressez-vous au secrétariat ou
        écrivez {toOrganisation(structure.name)} ({contact || structure.address}) : nous répondons dans un délai d’un
        mois. Si vous n’êtes pas {word(civility, 'satisfait')} de notre réponse, vous pouvez saisir la {CNIL}.
      </p>
    </>
  );
}
