import { longFrenchDate } from '../../shared/dates';
import type { StructureParty } from '../data';
import { Letterhead } from './parts';

export interface RecoverySheetData {
  structure: StructureParty;
  passphrase: string;
  keyId: string;
  issuedOn: string;
}

/** The page kept in the CCAS safe: without this passphrase, no backup can ever be read. */
export function RecoverySheet({ d }: { d: RecoverySheetData }) {
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={`Clé ${d.keyId}`} />
      <h1>Fiche de secours des sauvegardes Passerelle</h1>
      <p className="subtitle">À ranger au coffre du CCAS. Ne pas la garder avec la clé USB.</p>
      <h2>Phrase de passe</h2>
      <p
        style={{
          fontSize: '18pt',
          fontWeight: 700,
          textAlign: 'center',
          border: '0.4mm solid #000',
          padding: '6mm',
          margin: '4mm 0',
          letterSpacing: '0.5pt',
        }}
      >
        {d.passphrase}
      </p>
      <p>
        Clé n° {d.keyId}, créée le {longFrenchDate(d.issuedOn)}. Les sauvegardes faites avec cette phrase portent ce
        numéro ; si la phrase de passe est changée, une nouvelle fiche remplace celle-ci pour les sauvegardes suivantes
        (gardez l’ancienne tant que ses sauvegardes existent).
      </p>
      <h2>Pour restaurer les données (sur n’importe quel ordinateur)</h2>
      <ol>
        <li>Installer Passerelle, puis ouvrir l’écran « Sauvegardes ».</li>
        <li>Choisir « Restaurer une sauvegarde… » et le fichier « .passerelle-backup » sur la clé USB.</li>
        <li>Taper la phrase de passe ci-dessus, vérifier le contenu affiché, puis confirmer.</li>
      </ol>
      <p className="small">
        Sans cette phrase de passe, personne ne peut lire les sauvegardes — ni un voleur de la clé, ni le CCAS lui-même
        : il n’existe aucun autre moyen de les ouvrir.
      </p>
    </>
  );
}
