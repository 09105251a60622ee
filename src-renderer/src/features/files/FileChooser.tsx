import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { FilePurpose } from '@shared/contract/files';
import { call } from '../../api/client';
import { FilePickerModal } from './FilePickerModal';

type Kind = 'file' | 'folder';
type Choose = (purpose: FilePurpose, kind?: Kind) => Promise<string | null>;

const FileChooserContext = createContext<Choose | null>(null);

/**
 * One way for every screen to ask for a file: the native dialog when main has
 * one (desktop app), the in-app picker otherwise (browser mode).
 */
export function FileChooserProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<{ purpose: FilePurpose; kind: Kind } | null>(null);
  const resolver = useRef<((path: string | null) => void) | null>(null);

  const choose = useCallback<Choose>(async (purpose, kind = 'file') => {
    const answer = await call(kind === 'file' ? 'files/chooseFile' : 'files/chooseFolder', { purpose });
    if (answer.status === 'chosen') return answer.path;
    if (answer.status === 'cancelled') return null;
    return new Promise<string | null>((resolve) => {
      resolver.current = resolve;
      setPending({ purpose, kind });
    });
  }, []);

  const finish = (path: string | null) => {
    resolver.current?.(path);
    resolver.current = null;
    setPending(null);
  };

  return (
    <FileChooserContext.Provider value={choose}>
      {children}
      {pending && (
        <FilePickerModal
          purpose={pending.purpose}
          kind={pending.kind}
          onChoose={finish}
          onCancel={() => finish(null)}
        />
      )}
    </FileChooserContext.Provider>
  );
}

export function useChooseFile(): Choose {
  const choose = useContext(FileChooserContext);
  if (!choose) throw new Error('useChooseFile outside FileChooserProvider');
  return choose;
}
