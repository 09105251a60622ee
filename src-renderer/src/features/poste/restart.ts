import { setSessionToken } from '../../api/client';
import { clearWizardDraft } from '../setup/wizard-draft';

/**
 * After this PC joined a server or left it: another set of data and of
 * accounts answers from now on, so the app starts again from its first
 * screen (the server’s sign-in, or this PC’s own data), nothing kept of before.
 */
export function restartOnOtherData(): void {
  setSessionToken(null);
  clearWizardDraft();
  window.location.hash = '#/';
  window.location.reload();
}
