import { signatoryQuality } from '../../shared/organisation';
import type { StructureParty } from '../data';
import { Letterhead } from './parts';

const TO_FILL = 'à compléter par la structure';

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <table>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th style={{ width: '32%' }}>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PURPOSES =
  'Accompagnement de personnes en insertion sur des chantiers (mises en situation professionnelle, ateliers et chantiers d’insertion) : admission, planning, contrats, présences et heures transmises à l’employeur, évaluations et bilans, orientation ; statistiques anonymes pour les financeurs.';
const DATA =
  'Identité, coordonnées, NIR (paie seulement) ; situation (ressources, niveau de formation, logement, mobilité, RQTH) ; parcours et freins (dont santé et justice, catégories sensibles : minimum nécessaire) ; présences, heures ; évaluations, observations, bilans ; visites de santé sans contenu médical ; note courte de la psychologue, lue par elle seule ; journal des accès.';
const RECIPIENTS =
  'Agents habilités du CCAS selon leur rôle (administration, coordination, travailleur social pour ses suivis, encadrant technique pour ses chantiers, psychologue pour ses entretiens) ; employeur de portage (éléments de paie) ; financeurs (chiffres agrégés, secret statistique : aucune case de moins de 5 personnes).';
const RETENTION =
  'Dossier actif, puis 2 ans après le dernier contact (délibération CNIL 2023-095) ; revue puis anonymisation (identité, textes libres et fichiers effacés ; agrégats conservés). Journal des accès : 12 mois. Sauvegardes locales : rotation 7 jours, 4 semaines, 12 mois ; clés USB chiffrées (AES-256).';
const SECURITY =
  'Application installée sur un poste du CCAS, sans service en ligne ; comptes nominatifs, mots de passe conformes à la délibération 2022-100, verrouillage après inactivité ; droits par rôle ; journal des accès chaîné ; sauvegardes chiffrées vérifiées par relecture ; contrôle d’intégrité à chaque démarrage ; aucune donnée envoyée à l’extérieur par l’application.';

/** The register entry (RGPD art. 30) or the impact-assessment support, pre-filled from what Passerelle does. */
export function RgpdRegister({ structure, kind }: { structure: StructureParty; kind: 'registre' | 'aipd' }) {
  const controller = `${structure.name}, ${structure.address}, ${structure.postcode} ${structure.town} — ${structure.signatoryName}, ${signatoryQuality(structure.signatoryTitle, structure.name)}`;
  if (kind === 'registre') {
    return (
      <>
        <Letterhead issuer={structure} logo={structure.logo} reference="registre des traitements" />
        <h1>Fiche du registre des activités de traitement</h1>
        <p className="subtitle">Suivi des parcours d’insertion sur chantiers — logiciel Passerelle</p>
        <Rows
          rows={[
            ['Responsable du traitement', controller],
            ['Délégué à la protection des données', TO_FILL],
            ['Finalités', PURPOSES],
            [
              'Base légale',
              'Mission d’intérêt public (action sociale, CASF) ; obligations légales du Code du travail pour le contrat et la paie.',
            ],
            [
              'Personnes concernées',
              'Personnes orientées vers les chantiers, participants, et leurs contacts (référents, prescripteurs).',
            ],
            ['Catégories de données', DATA],
            ['Destinataires', RECIPIENTS],
            ['Transferts hors de l’Union européenne', 'Aucun.'],
            ['Durées de conservation', RETENTION],
            ['Mesures de sécurité', SECURITY],
            [
              'Analyse d’impact (AIPD)',
              'Obligatoire (délibération CNIL 2018-327, accompagnement social) : voir le support d’AIPD.',
            ],
            ['Date de mise à jour', TO_FILL],
          ]}
        />
      </>
    );
  }
  return (
    <>
      <Letterhead issuer={structure} logo={structure.logo} reference="support d’AIPD" />
      <h1>Analyse d’impact relative à la protection des données</h1>
      <p className="subtitle">
        Support pré-rempli pour le suivi des parcours d’insertion (Passerelle) — à compléter et valider par la structure
      </p>
      <h2>1. Description du traitement</h2>
      <Rows
        rows={[
          ['Responsable', controller],
          ['Finalités', PURPOSES],
          ['Données', DATA],
          ['Destinataires', RECIPIENTS],
          ['Durées', RETENTION],
        ]}
      />
      <h2>2. Flux de données</h2>
      <Rows
        rows={[
          [
            'Entrées',
            'Saisie par les agents (fiche, situation, parcours), import d’un tableur de candidatures, émargement par l’encadrant.',
          ],
          [
            'Sorties',
            'Documents imprimés (contrats, convocations, attestations, bilans) ; fichiers de paie pour l’employeur de portage ; rapports et tableaux anonymes pour les financeurs (secret statistique) ; export des données d’une personne à sa demande ; sauvegardes chiffrées sur clé USB.',
          ],
          [
            'Stockage',
            'Base SQLite et fichiers dans le dossier des données de l’ordinateur ; clé de sauvegarde protégée par le système.',
          ],
        ]}
      />
      <h2>3. Nécessité et proportionnalité</h2>
      <Rows
        rows={[
          [
            'Minimisation',
            'Pas de contenu médical ni clinique ; NIR pour la paie seulement ; nationalité facultative (désactivée par défaut).',
          ],
          ['Information des personnes', 'Notice d’information imprimable, remise à l’entrée.'],
          [
            'Exercice des droits',
            'Export complet (PDF et JSON), rectification, effacement par anonymisation, registre des demandes avec l’échéance d’un mois.',
          ],
          ['Conservation', RETENTION],
        ]}
      />
      <h2>4. Risques et mesures</h2>
      <table>
        <thead>
          <tr>
            <th>Risque</th>
            <th>Mesures prévues par Passerelle</th>
            <th>Gravité / vraisemblance</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Accès illégitime (agent non habilité, clé USB perdue, poste volé)</td>
            <td>
              Droits par rôle et par périmètre, journal des accès, verrouillage automatique, sauvegardes chiffrées,
              aucun export en clair du dossier.
            </td>
            <td>{TO_FILL}</td>
          </tr>
          <tr>
            <td>Modification non désirée</td>
            <td>
              Chaque écriture est une transaction, historique des parcours, documents numérotés et empreintes vérifiées,
              journal chaîné.
            </td>
            <td>{TO_FILL}</td>
          </tr>
          <tr>
            <td>Disparition des données</td>
            <td>
              Copies locales quotidiennes, sauvegardes USB vérifiées par relecture, contrôle d’intégrité au démarrage,
              restauration testée.
            </td>
            <td>{TO_FILL}</td>
          </tr>
        </tbody>
      </table>
      <h2>5. Validation</h2>
      <Rows
        rows={[
          ['Avis du délégué à la protection des données', TO_FILL],
          ['Décision du responsable', TO_FILL],
          ['Date', TO_FILL],
        ]}
      />
    </>
  );
}
