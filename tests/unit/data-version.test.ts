import { describe, expect, it } from 'vitest';
import { handleRpc } from '../../src-main/app/dispatch';
import type { Method } from '../../src-main/shared/contract';
import { configured, PASSWORD } from './support/services';

/**
 * Main's data version, sent with every answer, moves exactly when a write is
 * committed: the renderer refreshes its screens on that signal alone.
 */
describe('data version', () => {
  async function signedIn() {
    const { services, session } = await configured();
    const rpc = async (method: Method, input: unknown = {}) => handleRpc(services, method, input, session.token!);
    const versionNow = async () => (await rpc('setup/status')).dataVersion;
    return { rpc, versionNow };
  }

  const organisation = {
    organisation: {
      name: 'Mission locale du Pays de Kerbrénou',
      kind: 'prescripteur',
      address: '',
      phone: '',
      email: '',
    },
  };

  it.each<[string, Method, unknown, boolean, number]>([
    ['a committed write moves it by one', 'contacts/saveOrganisation', organisation, true, 1],
    ['a write refused by its input leaves it', 'contacts/saveOrganisation', { organisation: { name: '' } }, false, 0],
    ['a read leaves it', 'contacts/list', {}, true, 0],
    [
      'an action that writes in its own transaction moves it',
      'users/create',
      { displayName: 'Yann Riou', role: 'coordination', password: PASSWORD },
      true,
      1,
    ],
    [
      'an action refused before its transaction leaves it',
      'users/create',
      { displayName: 'Élodie Le Gall', role: 'coordination', password: PASSWORD },
      false,
      0,
    ],
  ])('%s (%s)', async (_story, method, input, ok, moves) => {
    const { rpc, versionNow } = await signedIn();
    const before = await versionNow();
    const answer = await rpc(method, input);
    expect(answer.ok).toBe(ok);
    expect(answer.dataVersion).toBe((before ?? 0) + moves);
    expect(await versionNow()).toBe((before ?? 0) + moves);
  });

  it('is sent with refusals too, so a tab always learns the current version', async () => {
    const { services } = await configured();
    const answer = await handleRpc(services, 'people/search', {}, null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(typeof answer.dataVersion).toBe('number');
  });
});
