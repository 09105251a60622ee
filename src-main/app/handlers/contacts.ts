import * as repo from '../../db/repositories/contacts';
import { findUser } from '../../db/repositories/users';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';

/** The directory of partner organisations and their people (prescribers, référents, funders…). */
export const contactsHandlers: HandlerMap<'contacts/list' | 'contacts/saveOrganisation' | 'contacts/saveContact'> = {
  'contacts/list': async ({ includeArchived }, { db }) => repo.listOrganisations(db, includeArchived),

  'contacts/saveOrganisation': async ({ id, organisation }, { db, now, record }) => {
    let organisationId = id;
    if (organisationId === undefined) {
      organisationId = await repo.insertOrganisation(db, organisation, now);
    } else {
      if (!(await repo.organisationExists(db, organisationId)))
        throw new AppError('NOT_FOUND', 'Cet organisme n’existe pas.');
      await repo.updateOrganisation(db, organisationId, organisation, now);
    }
    record(`organisation:${organisationId}`);
    return (await repo.listOrganisations(db, true)).find((o) => o.id === organisationId)!;
  },

  'contacts/saveContact': async ({ id, contact }, { db, now, record }) => {
    if (!(await repo.organisationExists(db, contact.organisationId))) {
      throw new AppError('NOT_FOUND', 'L’organisme choisi n’existe pas.', { field: 'organisationId' });
    }
    if (contact.userId !== null) {
      if (!(await findUser(db, contact.userId)))
        throw new AppError('NOT_FOUND', 'Ce compte n’existe pas.', { field: 'userId' });
      if (await repo.contactOfUser(db, contact.userId, id)) {
        throw new AppError('CONFLICT', 'Ce compte est déjà relié à une autre fiche du répertoire.', {
          field: 'userId',
        });
      }
    }
    let contactId = id;
    if (contactId === undefined) {
      contactId = await repo.insertContact(db, contact, now);
    } else {
      if (!(await repo.contactExists(db, contactId))) throw new AppError('NOT_FOUND', 'Ce contact n’existe pas.');
      await repo.updateContact(db, contactId, contact, now);
    }
    record(`contact:${contactId}`);
    return (await repo.listContacts(db)).find((c) => c.id === contactId)!;
  },
};
