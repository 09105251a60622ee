import { describe, expect, it } from 'vitest';
import { configured, sessionAs, valueOf } from './support/services';

const org = {
  name: 'Mission Locale de Brest',
  kind: 'prescripteur' as const,
  address: '',
  phone: '02 98 00 00 01',
  email: 'contact@ml-brest.example',
};

describe('contacts directory', () => {
  it('keeps organisations and their people, and edits them in one place', async () => {
    const { call } = await configured();
    const saved = valueOf(await call('contacts/saveOrganisation', { organisation: org }));
    const contact = valueOf(
      await call('contacts/saveContact', {
        contact: {
          organisationId: saved.id,
          firstName: 'Karim',
          lastName: 'Benali',
          service: 'Jeunes',
          phone: '',
          email: '',
          userId: null,
          leftOn: null,
        },
      }),
    );
    valueOf(
      await call('contacts/saveContact', {
        id: contact.id,
        contact: {
          organisationId: saved.id,
          firstName: 'Karim',
          lastName: 'Benali',
          service: 'Insertion',
          phone: '',
          email: '',
          userId: null,
          leftOn: '2026-02-28',
        },
      }),
    );
    const [listed] = valueOf(await call('contacts/list', { includeArchived: false }));
    expect(listed).toMatchObject({
      name: 'Mission Locale de Brest',
      phone: '0298000001',
      contacts: [{ service: 'Insertion', leftOn: '2026-02-28', organisationName: 'Mission Locale de Brest' }],
    });
  });

  it('refuses bad input in French and writes nothing', async () => {
    const { call } = await configured();
    expect(await call('contacts/saveOrganisation', { organisation: { ...org, email: 'pas-un-mail' } })).toMatchObject({
      ok: false,
      error: {
        field: 'organisation.email',
        message: 'L’adresse e-mail n’est pas valide (ex. accueil@ccas-exemple.fr).',
      },
    });
    expect(
      await call('contacts/saveContact', {
        contact: {
          organisationId: 99,
          firstName: 'A',
          lastName: 'B',
          service: '',
          phone: '',
          email: '',
          userId: null,
          leftOn: null,
        },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'organisationId' },
    });
    expect(await call('contacts/saveOrganisation', { id: 99, organisation: org })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(valueOf(await call('contacts/list', { includeArchived: true }))).toEqual([]);
  });

  it('links one directory card per account', async () => {
    const { services, call } = await configured();
    const ts = await sessionAs(services, 'travailleur_social');
    const saved = valueOf(await call('contacts/saveOrganisation', { organisation: org }));
    const base = { organisationId: saved.id, service: '', phone: '', email: '', userId: ts.user!.id, leftOn: null };
    valueOf(await call('contacts/saveContact', { contact: { ...base, firstName: 'Soizic', lastName: 'Le Roux' } }));
    expect(
      await call('contacts/saveContact', { contact: { ...base, firstName: 'Autre', lastName: 'Fiche' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'userId' },
    });
  });
});
