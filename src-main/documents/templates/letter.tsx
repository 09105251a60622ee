import type { Civility } from '../../domain/agreement';
import type { PersonDocumentData } from '../data';
import { CIVILITY_LABELS } from '../../shared/contract/people-lists';

/** "Madame," or "Monsieur," as the person asked to be addressed; both only when no civility is recorded. */
export function greeting(civility: Civility): string {
  return civility === 'madame' ? 'Madame,' : civility === 'monsieur' ? 'Monsieur,' : 'Madame, Monsieur,';
}

/** The addressee's block, where a window envelope shows it (as on the convocation). */
export function Recipient({ person }: { person: PersonDocumentData['person'] }) {
  return (
    <div className="recipient" style={{ marginLeft: '90mm', marginTop: '8mm', marginBottom: '10mm' }}>
      <div>
        {person.civility ? `${CIVILITY_LABELS[person.civility]} ` : ''}
        {person.firstNames} {person.lastName.toLocaleUpperCase('fr-FR')}
      </div>
      <div>{person.address}</div>
      <div>
        {person.postcode} {person.town}
      </div>
    </div>
  );
}
