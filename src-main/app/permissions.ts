import type { Method } from '../shared/contract';
import type { Role } from './session';

/**
 * The one permission matrix: every contract method has an entry (a test
 * enumerates the contract), and no entry means refused. `public` methods
 * answer before any account exists (first-run setup, file choice).
 */
type Entry = 'public' | readonly Role[];

const ADMIN: readonly Role[] = ['administrateur'];

export const PERMISSIONS: Record<Method, Entry> = {
  'app/info': 'public',
  'setup/status': 'public',
  'setup/complete': 'public',
  'files/chooseFile': 'public',
  'files/list': 'public',
  'settings/importLogo': 'public',
  'settings/get': ADMIN,
  'settings/getLogo': ADMIN,
  'settings/updateStructure': ADMIN,
  'settings/updateHours': ADMIN,
  'settings/saveEmployer': ADMIN,
  'settings/setEmployerArchived': ADMIN,
  'settings/addWageRate': ADMIN,
  'settings/removeWageRate': ADMIN,
};

export function isAllowed(method: Method, role: Role | null): boolean {
  const entry = PERMISSIONS[method] as Entry | undefined;
  if (entry === undefined) return false;
  if (entry === 'public') return true;
  return role !== null && entry.includes(role);
}
