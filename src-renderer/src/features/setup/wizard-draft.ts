import type { WizardValues } from './SetupWizard';

/**
 * The setup wizard's work in progress, so closing and reopening it, or
 * reloading the tab, brings back the step and everything typed.
 *
 * Kept in this tab's sessionStorage, never in localStorage or a file: it is
 * dropped with the tab and as soon as the setup is saved. Passwords are never
 * kept (they are typed again). What is kept is the structure's and its
 * employers' public identities (names, addresses, SIRET, office phone and
 * e-mail), the half-day hours, the SMIC table and the names of the staff who
 * sign: nothing about the people the CCAS accompanies, and no secret. Browser
 * mode already keeps the session token in the same place.
 */
const KEY = 'passerelle.setup-draft.v1';

export interface WizardDraft {
  step: number;
  values: WizardValues;
}

let inMemory: WizardDraft | null = null;

function withoutPasswords(values: WizardValues): WizardValues {
  return { ...values, administrator: { displayName: values.administrator.displayName, password: '', confirm: '' } };
}

export function saveWizardDraft(draft: WizardDraft): void {
  inMemory = { step: draft.step, values: withoutPasswords(draft.values) };
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(inMemory));
  } catch {
    // Storage full (a large logo) or refused: the draft stays in memory for this page.
  }
}

export function loadWizardDraft(): WizardDraft | null {
  if (inMemory) return inMemory;
  try {
    const stored = window.sessionStorage.getItem(KEY);
    if (!stored) return null;
    const draft = JSON.parse(stored) as WizardDraft;
    return typeof draft.step === 'number' && draft.values?.structure ? draft : null;
  } catch {
    return null;
  }
}

export function clearWizardDraft(): void {
  inMemory = null;
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
