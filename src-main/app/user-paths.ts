/**
 * Which input fields of the contract are paths on this PC, confined by
 * `confineUserPath` in dispatch before any handler sees them: one table, so a
 * new method with a path cannot forget the rule (a test enumerates the
 * contract's inputs against it).
 */
import { realpathSync } from 'node:fs';
import type { Method } from '../shared/contract';
import { AppError } from '../shared/errors';
import { confineUserPath } from './file-roots';
import type { Services } from './services';

export const USER_PATH_FIELDS: Partial<Record<Method, readonly string[]>> = {
  'asp/export': ['folder'],
  'backup/create': ['folder'],
  'backup/inspect': ['path'],
  'backup/restore': ['path'],
  'documents/merge': ['folder'],
  'documents/saveCopy': ['folder'],
  'documents/attach': ['path'],
  'fse/indicatorsExport': ['folder'],
  'fse/indicatorsReport': ['folder'],
  'fse/participantsCsv': ['folder'],
  'iae/saveCriterion': ['path'],
  'journal/export': ['folder'],
  'payroll/export': ['folder'],
  'people/importRead': ['path'],
  'rgpd/exportPerson': ['folder'],
  'settings/importLogo': ['path'],
  'stats/report': ['folder'],
  'stats/export': ['folder'],
  'storage/writeJoinFile': ['folder'],
  'storage/joinWithFile': ['path'],
  'storage/readAuthority': ['path'],
};

const REFUSED =
  'Cet emplacement n’est pas accessible à Passerelle : choisissez un fichier ou un dossier de votre dossier personnel ou d’une clé USB.';

const FROM_CLIENT_PC =
  'Depuis ce poste, un fichier se choisit sur votre PC et s’envoie au serveur Passerelle : choisissez-le de nouveau.';

/**
 * Replaces each path field by its real, confined path; refuses the call
 * otherwise. From a client PC (`fromClientPc`, issue 29) no path of main's PC
 * is taken: a file comes as bytes, and a folder is never written into
 * (`ctx.saveFile` sends what is made back), so a `folder` is left as named.
 */
export function confineInput(method: Method, input: unknown, services: Services, fromClientPc = false): unknown {
  const fields = USER_PATH_FIELDS[method];
  if (!fields || typeof input !== 'object' || input === null) return input;
  const confined: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of fields) {
    const value = confined[field];
    if (typeof value !== 'string') continue;
    if (fromClientPc) {
      if (field === 'folder') continue;
      throw new AppError('INVALID_INPUT', FROM_CLIENT_PC, { field });
    }
    const real = confineUserPath(value, services.fileRoots(), services.grantedPaths);
    // Missing files keep their own "introuvable" message from the handler; only an existing path outside is refused here.
    if (real === null) {
      let exists = true;
      try {
        realpathSync(value);
      } catch {
        exists = false;
      }
      if (exists || value.includes('\0')) throw new AppError('NOT_FOUND', REFUSED, { field });
      continue;
    }
    confined[field] = real;
  }
  return confined;
}

/** What the native dialog returned: the user chose it, so it is allowed for this session. */
export function grantPath(services: Pick<Services, 'grantedPaths'>, chosen: string): void {
  try {
    services.grantedPaths.add(realpathSync(chosen));
  } catch {
    // Gone already: nothing to grant.
  }
}
