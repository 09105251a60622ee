import { AppError } from '../../shared/errors';
import { storedFileExists } from '../stored-files';

/** A logo chosen for the structure, an employer or a funder must be one the data folder keeps. */
export function assertLogoStored(filesDir: string, logoFile: string | null, field = 'logoFile') {
  if (logoFile !== null && !storedFileExists(filesDir, logoFile)) {
    throw new AppError('INVALID_INPUT', 'Le logo choisi est introuvable : choisissez-le à nouveau.', { field });
  }
}
