import { personExport } from '../../app/person-export';
import { madeBeforeTheFacts } from '../../domain/document-guards';
import { PersonData } from '../templates/person-data';
import { personKind } from './kind';
import { seesFseSensitiveData } from '../../shared/capabilities';

/** Everything held about the person (right of access, RGPD art. 15), as a letter to them. */
export const donneesPersonne = personKind('donnees_personne', {
  collect: async ({ db, today, session }, personId, { structure }) => ({
    held: await personExport(
      db,
      personId,
      structure.name,
      today,
      session.user !== null && seesFseSensitiveData(session.user.role),
    ),
  }),
  template: PersonData,
  guard: madeBeforeTheFacts,
});
