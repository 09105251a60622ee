import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../fixtures/images';
import { employer, setupInput, structure } from './support/factories';
import { caller, configured as configuredWith, sessionAs, tempDir, testServices, valueOf } from './support/services';

async function configured() {
  const home = tempDir('passerelle-home-');
  // No USB stick here: the home folder is the only root, as on a PC with nothing plugged in.
  return { ...(await configuredWith({ homeDir: home, removableDrives: () => [] })), home };
}

describe('setup', () => {
  it('refuses to run twice', async () => {
    const { services } = await configured();
    const call = caller(services);
    expect(await call('setup/complete', setupInput())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('asks for at least one employer and one SMIC rate', async () => {
    const call = caller(await testServices());
    expect(await call('setup/complete', setupInput({ employers: [] }))).toMatchObject({
      ok: false,
      error: { field: 'employers', message: 'Ajoutez au moins un employeur.' },
    });
    expect(await call('setup/complete', setupInput({ wageRates: [] }))).toMatchObject({
      ok: false,
      error: { field: 'wageRates' },
    });
  });

  it('lets nobody read settings before it has run, and answers CONFLICT to a signed-in caller', async () => {
    const services = await testServices();
    expect(await caller(services)('settings/get')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const admin = caller(services, await sessionAs(services, 'administrateur'));
    expect(await admin('settings/get')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('settings', () => {
  it('reads back what the wizard saved, with the SMIC in force today', async () => {
    const { call } = await configured();
    const settings = valueOf(await call('settings/get'));
    expect(settings.structure).toMatchObject({
      name: 'CCAS de Kerbrénou',
      siret: '26290019700019',
      phone: '0298000000',
      logoFile: null,
    });
    expect(settings.hours).toEqual({
      morningStart: '08:30',
      morningEnd: '12:00',
      afternoonStart: '13:30',
      afternoonEnd: '17:00',
    });
    expect(settings.employers).toHaveLength(1);
    expect(settings.wageRates.map((r) => r.effectiveFrom)).toEqual(['2026-01-01', '2024-11-01']);
    expect(settings.wageRateToday?.hourlyCents).toBe(1202); // test clock: 2 March 2026
  });

  it('updates the structure and refuses a logo that was never imported', async () => {
    const { call } = await configured();
    const updated = valueOf(
      await call('settings/updateStructure', { structure: structure({ town: 'Plouzané' }), logoFile: null }),
    );
    expect(updated.structure.town).toBe('Plouzané');
    expect(
      await call('settings/updateStructure', { structure: structure(), logoFile: 'logo-0123456789abcdef.png' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'logoFile' },
    });
  });

  it('checks the order of half-day times', async () => {
    const { call } = await configured();
    const result = await call('settings/updateHours', {
      morningStart: '12:00',
      morningEnd: '08:30',
      afternoonStart: '08:00',
      afternoonEnd: '17:00',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) {
      expect(result.error.issues?.map((i) => i.field)).toEqual(['morningEnd', 'afternoonStart']);
    }
    expect(
      await call('settings/updateHours', {
        morningStart: '8h30',
        morningEnd: '12:00',
        afternoonStart: '13:30',
        afternoonEnd: '17:00',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'morningStart',
        message: 'L’heure de début du matin doit être une heure au format HH:MM (ex. 08:30).',
      },
    });
    const saved = valueOf(
      await call('settings/updateHours', {
        morningStart: '09:00',
        morningEnd: '12:30',
        afternoonStart: '13:30',
        afternoonEnd: '16:30',
      }),
    );
    expect(saved.hours.afternoonEnd).toBe('16:30');
  });

  it('keeps the agreement chosen from the list, the bodies’ addresses and the price, and refuses the ACI agreement to an association intermédiaire', async () => {
    const { call } = await configured();
    const ai = valueOf(await call('settings/get')).employers[0]!;
    expect(ai).toMatchObject({
      collectiveAgreement: 'aucune',
      pensionFundAddress: '14-16 boulevard Malesherbes, 75008 Paris',
      providentBodyAddress: '21 rue Laffitte, 75009 Paris',
      hourlyPriceCents: 1950,
    });
    const { id: _id, archived: _archived, ...input } = ai;
    expect(
      await call('settings/saveEmployer', { id: ai.id, employer: { ...input, collectiveAgreement: '3016' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'employer.collectiveAgreement',
        message:
          'La convention collective des ateliers et chantiers d’insertion (IDCC 3016) ne s’applique qu’aux structures conventionnées comme atelier et chantier d’insertion (article L5132-15), pas à une association intermédiaire.',
      },
    });
    expect(
      await call('settings/saveEmployer', {
        id: ai.id,
        employer: { ...input, collectiveAgreement: 'Associations intermédiaires (IDCC 3016)' as never },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'employer.collectiveAgreement',
        message: 'Choisissez la convention collective dans la liste (ou « Aucune convention collective »).',
      },
    });
    const aci = valueOf(
      await call('settings/saveEmployer', {
        employer: { ...input, name: 'CCAS — ACI', kind: 'ccas', collectiveAgreement: '3016', hourlyPriceCents: null },
      }),
    );
    expect(aci).toMatchObject({ kind: 'ccas', collectiveAgreement: '3016' });
    expect(
      await call('settings/saveEmployer', {
        id: aci.id,
        employer: { ...input, kind: 'ccas', collectiveAgreement: '2941' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'employer.collectiveAgreement',
        message: expect.stringContaining('un CCAS, établissement public, n’y entre pas'),
      },
    });
  });

  it('creates, edits and archives employers, keeping one active', async () => {
    const { call } = await configured();
    const aci = valueOf(
      await call('settings/saveEmployer', {
        employer: employer({ name: 'CCAS — ACI', kind: 'ccas', collectiveAgreement: '3016' }),
      }),
    );
    expect(aci).toMatchObject({ name: 'CCAS — ACI', collectiveAgreement: '3016', archived: false });
    const edited = valueOf(
      await call('settings/saveEmployer', {
        id: aci.id,
        employer: employer({ name: 'CCAS — atelier', kind: 'ccas', collectiveAgreement: 'aucune' }),
      }),
    );
    expect(edited.name).toBe('CCAS — atelier');
    expect(await call('settings/saveEmployer', { id: 999, employer: employer() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(valueOf(await call('settings/setEmployerArchived', { id: aci.id, archived: true })).archived).toBe(true);
    const first = valueOf(await call('settings/get')).employers.find((e) => !e.archived)!;
    expect(await call('settings/setEmployerArchived', { id: first.id, archived: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Gardez au moins un employeur actif : les chantiers en ont besoin.' },
    });
    expect(await call('settings/saveEmployer', { employer: employer({ payrollEmail: 'paie' }) })).toMatchObject({
      ok: false,
      error: { field: 'employer.payrollEmail' },
    });
  });

  it('adds and removes SMIC rates, refusing a duplicate date and the last rate', async () => {
    const { call } = await configured();
    const rates = valueOf(await call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1231 }));
    expect(rates[0]).toMatchObject({ effectiveFrom: '2027-01-01', hourlyCents: 1231 });
    expect(await call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1240 })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Un taux existe déjà à partir du 01/01/2027. Supprimez-le avant d’en saisir un autre à cette date.',
      },
    });
    expect(await call('settings/addWageRate', { effectiveFrom: '2027-02-30', hourlyCents: 1240 })).toMatchObject({
      ok: false,
      error: { field: 'effectiveFrom', message: 'La date d’effet n’est pas une date valide.' },
    });
    expect(
      await call('settings/addWageRate', { effectiveFrom: '2027-03-01', hourlyCents: 12.5 as never }),
    ).toMatchObject({
      ok: false,
      error: { field: 'hourlyCents' },
    });
    let left = rates;
    while (left.length > 1) left = valueOf(await call('settings/removeWageRate', { id: left[0]!.id }));
    expect(await call('settings/removeWageRate', { id: left[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await call('settings/removeWageRate', { id: 4242 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('round-trips hostile text byte for byte (property)', async () => {
    const { call } = await configured();
    const hostile = fc.oneof(
      fc.constantFrom(
        "Robert'); DROP TABLE structure;--",
        '<script>alert(1)</script>',
        'N’Diaye « Œuvre »',
        '\u202eélodie',
        '🏗️ Chantier',
      ),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const name = text.trim();
        const result = await call('settings/updateStructure', { structure: structure({ name: text }), logoFile: null });
        if (name.length === 0) {
          expect(result).toMatchObject({ ok: false, error: { field: 'structure.name' } });
          return;
        }
        expect(valueOf(result).structure.name).toBe(name);
        expect(valueOf(await call('settings/get')).structure.name).toBe(name);
      }),
      { numRuns: 80 },
    );
  });
});

describe('logo and the in-app file picker', () => {
  it('imports a PNG into the data folder and serves it back', async () => {
    const { services, call, home } = await configured();
    writeFileSync(path.join(home, 'logo.png'), tinyPng());
    const logo = valueOf(await call('settings/importLogo', { path: path.join(home, 'logo.png') }));
    expect(logo.file).toMatch(/^logo-[0-9a-f]{16}\.png$/);
    expect(readFileSync(path.join(services.paths.filesDir, logo.file))).toEqual(tinyPng());
    valueOf(await call('settings/updateStructure', { structure: structure(), logoFile: logo.file }));
    expect(valueOf(await call('settings/getLogo', { file: logo.file })).dataUrl).toBe(logo.dataUrl);
    expect(logo.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('refuses a file that is not an image, with a French message', async () => {
    const { call, home } = await configured();
    writeFileSync(path.join(home, 'faux.png'), 'MZ pas une image');
    expect(await call('settings/importLogo', { path: path.join(home, 'faux.png') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Choisissez une image au format PNG ou JPEG.' },
    });
    // A missing file is NOT_FOUND, as for a scan or an import (`app/client-files.ts`).
    expect(await call('settings/importLogo', { path: path.join(home, 'absent.png') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Ce fichier est introuvable, ou ce n’est pas un fichier.' },
    });
  });

  it('lists folders and images under the home folder only', async () => {
    const { call, home } = await configured();
    mkdirSync(path.join(home, 'Images'));
    mkdirSync(path.join(home, '.cache'));
    writeFileSync(path.join(home, 'Images', 'Logo.PNG'), tinyPng());
    writeFileSync(path.join(home, 'Images', 'lettre.docx'), 'x');
    const roots = valueOf(await call('files/list', { purpose: 'logo', path: null }));
    expect(roots.roots[0]).toEqual({ label: 'Dossier personnel', path: home });
    const top = valueOf(await call('files/list', { purpose: 'logo', path: home }));
    expect(top.entries.map((e) => e.name)).toEqual(['Images']);
    expect(top.parent).toBeNull();
    const images = valueOf(await call('files/list', { purpose: 'logo', path: path.join(home, 'Images') }));
    expect(images.entries).toMatchObject([{ name: 'Logo.PNG', kind: 'file' }]);
    expect(images.parent).toBe(home);
  });

  it('answers NOT_FOUND outside the allowed roots, links included', async () => {
    const { call, home } = await configured();
    expect(await call('files/list', { purpose: 'logo', path: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('files/list', { purpose: 'logo', path: path.join(home, '..') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    symlinkSync('/etc', path.join(home, 'raccourci'));
    expect(await call('files/list', { purpose: 'logo', path: path.join(home, 'raccourci') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('tells the renderer to show its picker when there is no native dialog', async () => {
    const { call } = await configured();
    expect(valueOf(await call('files/chooseFile', { purpose: 'logo' }))).toEqual({ status: 'picker' });
    // From source there is no build date: « À propos » says it is a development version.
    expect(valueOf(await call('app/info'))).toEqual({
      version: '0.0.0-test',
      builtOn: null,
      mode: 'browser',
      filesFrom: 'server',
    });
  });
});
