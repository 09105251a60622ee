import { useEffect } from 'react';
import { Shell } from '../shell/Shell';
import { ChoosePasswordScreen } from './ChoosePasswordScreen';
import { LoginScreen } from './LoginScreen';
import { useSession } from './SessionContext';

/** While locked, Mantine's portals (an open modal, a notification) are made inert as well. */
function useInertPortals(locked: boolean) {
  useEffect(() => {
    if (!locked) return;
    const portals = [...document.querySelectorAll<HTMLElement>('[data-portal]')];
    for (const portal of portals) {
      portal.inert = true;
      portal.setAttribute('aria-hidden', 'true');
    }
    return () => {
      for (const portal of portals) {
        portal.inert = false;
        portal.removeAttribute('aria-hidden');
      }
    };
  }, [locked]);
}

/**
 * The signed-in app with the lock screen laid over it. Locking hides the app
 * (hidden, inert) without unmounting it: unsaved work stays in memory, never
 * on disk, and is there again when the same person unlocks.
 */
export function LockableShell({ structureName }: { structureName: string | null }) {
  const { locked, generation, session } = useSession();
  useInertPortals(locked);
  return (
    <>
      <div hidden={locked} inert={locked} aria-hidden={locked || undefined}>
        {/* The app opens only once the person chose their own password (main refuses the rest until then). */}
        {session?.mustChangePassword ? (
          <ChoosePasswordScreen structureName={structureName} />
        ) : (
          <Shell key={generation} />
        )}
      </div>
      {locked && (
        <div style={{ position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto' }}>
          <LoginScreen structureName={structureName} />
        </div>
      )}
    </>
  );
}
