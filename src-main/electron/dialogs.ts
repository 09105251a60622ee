import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../app/ports';

const FILTER_NAMES = {
  logo: 'Images',
  export: 'Fichiers',
  import: 'Tableurs',
  attachment: 'Documents numérisés (PDF, JPEG, PNG)',
  backup: 'Sauvegardes de Passerelle',
  join: 'Fichiers de raccordement de Passerelle',
  authority: 'Certificats (.crt, .pem, .cer)',
} as const;

/** Native file dialogs, parented to the main window. */
export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    native: true,
    async chooseFile(purpose, extensions) {
      const parent = window();
      const options = {
        properties: ['openFile' as const],
        filters: [{ name: FILTER_NAMES[purpose], extensions: [...extensions] }],
      };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder() {
      const parent = window();
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
