import { z } from 'zod';
import { defineMethod } from './define';
import { email, id, isoDate, optionalText, phone, requiredText } from './fields';
import { ORGANISATION_KINDS } from './people-lists';

const optionalEmail = z.union([z.literal(''), email('L’adresse e-mail')]);

export const organisationInput = z.object({
  name: requiredText('Le nom de l’organisme', 150),
  kind: z.enum(ORGANISATION_KINDS, { error: 'Choisissez le type d’organisme.' }),
  address: optionalText('L’adresse', 200),
  phone,
  email: optionalEmail,
});
export type OrganisationInput = z.input<typeof organisationInput>;

export const contactInput = z.object({
  organisationId: id,
  firstName: requiredText('Le prénom', 80),
  lastName: requiredText('Le nom', 80),
  service: optionalText('Le service', 120),
  phone,
  email: optionalEmail,
  /** The Passerelle account of a travailleur social: their caseload is the people they refer. */
  userId: id.nullable(),
  /** The date the person left the service (their people need a new référent). */
  leftOn: isoDate('La date de départ').nullable(),
});
export type ContactInput = z.input<typeof contactInput>;

export const contact = contactInput.extend({ id, organisationName: z.string() });
export type Contact = z.output<typeof contact>;

export const organisation = organisationInput.extend({ id, archived: z.boolean(), contacts: z.array(contact) });
export type Organisation = z.output<typeof organisation>;

export const contactsMethods = {
  'contacts/list': defineMethod({
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(organisation),
    tx: 'read',
    access: 'user',
  }),
  'contacts/saveOrganisation': defineMethod({
    input: z.object({ id: id.optional(), organisation: organisationInput }),
    output: organisation,
    tx: 'write',
    access: 'user',
  }),
  'contacts/saveContact': defineMethod({
    input: z.object({ id: id.optional(), contact: contactInput }),
    output: contact,
    tx: 'write',
    access: 'user',
  }),
};
