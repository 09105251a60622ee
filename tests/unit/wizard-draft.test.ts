import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WizardValues } from '../../src-renderer/src/features/setup/SetupWizard';

/** The tab's sessionStorage, as a plain map the test can read. */
function fakeSessionStorage(quota = Infinity) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (value.length > quota) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => items.delete(key),
  };
}

const values = (): WizardValues => ({
  structure: {
    name: 'CCAS de Kerbrénou',
    address: '2 rue de la Mairie',
    postcode: '29200',
    town: 'Kerbrénou',
    siret: '26290019700019',
    phone: '',
    email: '',
    signatoryName: 'Élodie Le Gall',
    signatoryTitle: 'La Présidente',
  },
  logo: null,
  hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
  employers: [],
  wageRates: [{ key: 'smic-2026-01-01', effectiveFrom: '2026-01-01', hourlyCents: 1202 }],
  administrator: { displayName: 'Élodie Le Gall', password: 'Secrétariat-CCAS-2026', confirm: 'Secrétariat-CCAS-2026' },
});

/** A fresh copy of the module: what a reload of the tab starts from (its memory is gone, the storage stays). */
const reloaded = async () => {
  vi.resetModules();
  return import('../../src-renderer/src/features/setup/wizard-draft');
};

describe('the setup wizard’s draft', () => {
  let storage: ReturnType<typeof fakeSessionStorage>;
  beforeEach(() => {
    storage = fakeSessionStorage();
    vi.stubGlobal('window', { sessionStorage: storage });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('comes back after a reload with its step and values, never with the passwords', async () => {
    const first = await reloaded();
    first.saveWizardDraft({ step: 3, values: values() });
    expect([...storage.items.values()].join()).not.toContain('Secrétariat-CCAS-2026');

    const draft = (await reloaded()).loadWizardDraft();
    expect(draft?.step).toBe(3);
    expect(draft?.values.structure.name).toBe('CCAS de Kerbrénou');
    expect(draft?.values.wageRates).toEqual(values().wageRates);
    expect(draft?.values.administrator).toEqual({ displayName: 'Élodie Le Gall', password: '', confirm: '' });
  });

  it('is gone once the setup is saved, from memory and from the tab', async () => {
    const draft = await reloaded();
    draft.saveWizardDraft({ step: 4, values: values() });
    draft.clearWizardDraft();
    expect(draft.loadWizardDraft()).toBeNull();
    expect(storage.items.size).toBe(0);
    expect((await reloaded()).loadWizardDraft()).toBeNull();
  });

  it('stays in memory when the tab refuses to keep it (a large logo), and ignores a damaged copy', async () => {
    vi.stubGlobal('window', { sessionStorage: fakeSessionStorage(10) });
    const draft = await reloaded();
    draft.saveWizardDraft({ step: 2, values: values() });
    expect(draft.loadWizardDraft()?.step).toBe(2);

    const damaged = fakeSessionStorage();
    damaged.setItem('passerelle.setup-draft.v1', '{"step":');
    vi.stubGlobal('window', { sessionStorage: damaged });
    expect((await reloaded()).loadWizardDraft()).toBeNull();
  });
});
