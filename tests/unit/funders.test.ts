import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../fixtures/images';
import { employer } from './support/factories';
import { caller, configured, sessionAs, tempDir, valueOf } from './support/services';
import { mesp } from './support/worksites';

const FSE_MENTION =
  'Cette opération est cofinancée par l’Union européenne dans le cadre du Fonds social européen plus (FSE+).';

/** A structure set up, its coordinator signed in, and a PNG in the home folder to choose as a logo. */
async function coordination() {
  const homeDir = tempDir('passerelle-home-');
  const setup = await configured({ homeDir });
  const coordinator = await sessionAs(setup.services, 'coordination', 'Maëlle Quéré');
  const call = caller(setup.services, coordinator);
  writeFileSync(path.join(homeDir, 'fse.png'), tinyPng(90, 40, [0, 51, 153]));
  const logo = valueOf(await call('settings/importLogo', { path: path.join(homeDir, 'fse.png') }));
  return { ...setup, call, admin: setup.call, logo };
}

describe('funders (Paramètres › Financeurs)', () => {
  it('the coordinator adds a funder with its emblem and mention; it is a « financeur » of the directory', async () => {
    const { call, logo } = await coordination();
    const saved = valueOf(
      await call('funders/save', {
        funder: { name: 'Union européenne — FSE+', logoFile: logo.file, fundingMention: `  ${FSE_MENTION}  ` },
      }),
    );
    expect(saved).toEqual({
      id: saved.id,
      name: 'Union européenne — FSE+',
      logoFile: logo.file,
      fundingMention: FSE_MENTION,
      archived: false,
    });
    expect(valueOf(await call('funders/list', {}))).toEqual([saved]);
    const directory = valueOf(await call('contacts/list', {}));
    expect(directory.find((o) => o.id === saved.id)).toMatchObject({
      name: 'Union européenne — FSE+',
      kind: 'financeur',
    });
  });

  it('completes a funder already in the directory, and an archived one leaves the list but stays reachable', async () => {
    const { call, logo } = await coordination();
    const org = valueOf(
      await call('contacts/saveOrganisation', {
        organisation: {
          name: 'Conseil départemental du Finistère',
          kind: 'financeur',
          address: '32 boulevard Dupleix, Quimper',
          phone: '',
          email: '',
        },
      }),
    );
    expect(valueOf(await call('funders/list', {}))).toEqual([
      { id: org.id, name: 'Conseil départemental du Finistère', logoFile: null, fundingMention: '', archived: false },
    ]);
    const updated = valueOf(
      await call('funders/save', {
        id: org.id,
        funder: {
          name: 'Département du Finistère',
          logoFile: logo.file,
          fundingMention: 'Action soutenue par le Département du Finistère.',
        },
      }),
    );
    expect(updated).toMatchObject({ name: 'Département du Finistère', logoFile: logo.file });
    // The directory keeps its address: the funder form only adds what documents print.
    expect(valueOf(await call('contacts/list', {})).find((o) => o.id === org.id)?.address).toBe(
      '32 boulevard Dupleix, Quimper',
    );
    valueOf(await call('funders/save', { id: org.id, funder: { ...updated, archived: true } }));
    expect(valueOf(await call('funders/list', {}))).toEqual([]);
    expect(valueOf(await call('funders/list', { includeArchived: true }))).toMatchObject([
      { id: org.id, archived: true },
    ]);
  });

  it('refuses, in French and on the right field, a missing name, an unknown logo, a mention too long and an organisation that is not a funder', async () => {
    const { call } = await coordination();
    expect(await call('funders/save', { funder: { name: '  ', logoFile: null, fundingMention: '' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'funder.name', message: 'Le nom du financeur est obligatoire.' },
    });
    expect(
      await call('funders/save', {
        funder: { name: 'FSE+', logoFile: 'logo-0123456789abcdef.png', fundingMention: '' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'funder.logoFile',
        message: 'Le logo choisi est introuvable : choisissez-le à nouveau.',
      },
    });
    expect(
      await call('funders/save', { funder: { name: 'FSE+', logoFile: '../../passerelle.sqlite', fundingMention: '' } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await call('funders/save', { funder: { name: 'FSE+', logoFile: null, fundingMention: 'x'.repeat(601) } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'La mention de financement ne doit pas dépasser 600 caractères.' },
    });
    const prescriber = valueOf(
      await call('contacts/saveOrganisation', {
        organisation: { name: 'Mission Locale', kind: 'prescripteur', address: '', phone: '', email: '' },
      }),
    );
    expect(
      await call('funders/save', {
        id: prescriber.id,
        funder: { name: 'Mission Locale', logoFile: null, fundingMention: '' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Ce financeur n’existe pas.' },
    });
    expect(valueOf(await call('contacts/list', {})).find((o) => o.id === prescriber.id)?.kind).toBe('prescripteur');
  });

  it('the supervisor neither reads nor writes funders', async () => {
    const { services } = await coordination();
    const encadrant = caller(services, await sessionAs(services, 'encadrant', 'Yann Kervella'));
    expect(await encadrant('funders/list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await encadrant('funders/save', { funder: { name: 'FSE+', logoFile: null, fundingMention: '' } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a worksite’s funders and operation reference', () => {
  it('keeps the operation reference with the worksite, trimmed, and refuses one too long', async () => {
    const { call } = await coordination();
    const funder = valueOf(
      await call('funders/save', { funder: { name: 'FSE+', logoFile: null, fundingMention: FSE_MENTION } }),
    );
    const saved = valueOf(
      await call('worksites/save', { worksite: mesp({ fundersIds: [funder.id], operationReference: ' 202301234 ' }) }),
    );
    expect(saved).toMatchObject({ fundersIds: [funder.id], operationReference: '202301234' });
    expect(valueOf(await call('worksites/get', { id: saved.id })).operationReference).toBe('202301234');
    expect(
      await call('worksites/save', { id: saved.id, worksite: mesp({ operationReference: 'x'.repeat(81) }) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'worksite.operationReference' },
    });
  });
});

describe('an employer’s own logo (Paramètres › Employeurs)', () => {
  it('is stored with the employer; an unknown file is refused', async () => {
    const { admin, logo } = await coordination();
    const saved = valueOf(
      await admin('settings/saveEmployer', {
        employer: employer({ name: 'Relais Emploi Iroise', logoFile: logo.file }),
      }),
    );
    expect(saved.logoFile).toBe(logo.file);
    const again = valueOf(
      await admin('settings/saveEmployer', {
        id: saved.id,
        employer: employer({ name: 'Relais Emploi Iroise', logoFile: null }),
      }),
    );
    expect(again.logoFile).toBeNull();
    expect(
      await admin('settings/saveEmployer', {
        id: saved.id,
        employer: employer({ logoFile: 'logo-ffffffffffffffff.jpg' }),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'employer.logoFile' },
    });
  });
});
