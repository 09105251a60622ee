import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { DOWNLOAD_FOLDER, type FilePurpose, type UploadedFile, type UploadPurpose } from '@shared/contract/files';
import { call } from '../../api/client';
import { FilePickerModal } from './FilePickerModal';
import { UploadModal } from './UploadModal';

type Kind = 'file' | 'folder';
type Choose = (purpose: FilePurpose, kind?: Kind) => Promise<string | null>;

/**
 * A file to send with a call, spread into its input: a path on main's PC (the
 * desktop app, browser mode on the same PC) or the bytes of a file chosen on
 * this PC when main is the office's server on another one (issue 29).
 */
export type FileSource = { path: string } | { file: UploadedFile };
type ChooseSource = (purpose: UploadPurpose) => Promise<FileSource | null>;

/** The file's own name, to show what was chosen. */
export function sourceName(source: FileSource): string {
  const name = 'path' in source ? source.path : source.file.name;
  return name.split(/[\\/]/).at(-1) ?? name;
}

const FileChooserContext = createContext<{ choose: Choose; chooseSource: ChooseSource } | null>(null);

type Pending =
  | { mode: 'picker'; purpose: FilePurpose; kind: Kind; resolve: (path: string | null) => void }
  | { mode: 'upload'; purpose: UploadPurpose; resolve: (file: UploadedFile | null) => void };

/**
 * One way for every screen to ask for a file: the native dialog when main has
 * one (desktop app), the in-app picker otherwise (browser mode), or the
 * system's file window of this PC when main is on another one (`upload`).
 */
export function FileChooserProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const current = useRef<Pending | null>(null);

  const open = (next: Pending) => {
    current.current = next;
    setPending(next);
  };

  const choose = useCallback<Choose>(async (purpose, kind = 'file') => {
    const answer = await call(kind === 'file' ? 'files/chooseFile' : 'files/chooseFolder', { purpose });
    if (answer.status === 'chosen') return answer.path;
    if (answer.status === 'cancelled') return null;
    // Main is on another PC: what is made comes back to this one as a download (api/downloads.ts).
    if (answer.status === 'download') return DOWNLOAD_FOLDER;
    if (answer.status === 'upload') {
      notifications.show({
        color: 'orange',
        title: 'À faire sur le PC du serveur',
        message: 'Ce fichier ne peut pas être envoyé depuis un autre poste : faites-le sur le PC où tourne Passerelle.',
      });
      return null;
    }
    return new Promise<string | null>((resolve) => open({ mode: 'picker', purpose, kind, resolve }));
  }, []);

  const chooseSource = useCallback<ChooseSource>(async (purpose) => {
    const answer = await call('files/chooseFile', { purpose });
    if (answer.status === 'chosen') return { path: answer.path };
    if (answer.status === 'cancelled' || answer.status === 'download') return null;
    if (answer.status === 'upload') {
      const file = await new Promise<UploadedFile | null>((resolve) => open({ mode: 'upload', purpose, resolve }));
      return file ? { file } : null;
    }
    const path = await new Promise<string | null>((resolve) =>
      open({ mode: 'picker', purpose, kind: 'file', resolve }),
    );
    return path ? { path } : null;
  }, []);

  const finish = (value: string | UploadedFile | null) => {
    const waiting = current.current;
    current.current = null;
    setPending(null);
    if (!waiting) return;
    if (waiting.mode === 'picker') waiting.resolve(typeof value === 'string' ? value : null);
    else waiting.resolve(value !== null && typeof value === 'object' ? value : null);
  };

  return (
    <FileChooserContext.Provider value={{ choose, chooseSource }}>
      {children}
      {pending?.mode === 'picker' && (
        <FilePickerModal
          purpose={pending.purpose}
          kind={pending.kind}
          onChoose={finish}
          onCancel={() => finish(null)}
        />
      )}
      {pending?.mode === 'upload' && (
        <UploadModal purpose={pending.purpose} onChoose={finish} onCancel={() => finish(null)} />
      )}
    </FileChooserContext.Provider>
  );
}

function useChooser() {
  const chooser = useContext(FileChooserContext);
  if (!chooser) throw new Error('useChooseFile outside FileChooserProvider');
  return chooser;
}

/** A path on main's PC: folders to write into, and files that must be on main's PC (a backup to restore). */
export function useChooseFile(): Choose {
  return useChooser().choose;
}

/** A file to send with a call, wherever main runs (`FileSource`). */
export function useChooseSource(): ChooseSource {
  return useChooser().chooseSource;
}
