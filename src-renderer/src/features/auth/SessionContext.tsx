import { useIdle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Method } from '@shared/contract';
import type { SessionView, SessionUserView } from '@shared/contract/auth';
import {
  call,
  callWhenReachable,
  onDataChanged,
  onSessionLost,
  setSessionToken,
  storedSessionToken,
} from '../../api/client';
import { hasUnsavedWork } from '../../ui/unsaved-work';
import { deName } from '@shared/french';

interface SessionState {
  /** The session the screens are shown for; kept while the screen is locked. */
  session: SessionView | null;
  /** The screen is locked: the app stays mounted (unsaved work kept) under the lock screen. */
  locked: boolean;
  /** Browser mode after a reload: the tab's session is being checked with main. */
  restoring: boolean;
  /** Changes when another account unlocks, to drop the previous person's screens. */
  generation: number;
  /** Who was signed in when the screen locked, to offer them first. */
  lockedUser: SessionUserView | null;
  lockReason: string | null;
  signIn(session: SessionView): void;
  /** Ends the session and shows the login screen with this person preselected. */
  lock(reason?: string): void;
  /** Ends the session and shows the full list of accounts. */
  switchUser(): void;
  can(method: Method): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * The signed-in person for this window. One office PC is shared: the screen
 * locks itself after the idle delay set in Paramètres (main enforces the
 * same delay on its side). Locking ends the session on main but keeps the
 * screens mounted, hidden and inert, so unsaved work survives for its author;
 * when another account unlocks, the screens and the cache are dropped.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [session, setSession] = useState<SessionView | null>(null);
  const [locked, setLocked] = useState(false);
  const [restoring, setRestoring] = useState(() => storedSessionToken() !== null);
  const [generation, setGeneration] = useState(0);
  const [lockedUser, setLockedUser] = useState<SessionUserView | null>(null);
  const [lockReason, setLockReason] = useState<string | null>(null);

  // Every committed write refreshes the screens on display; while locked only
  // marks them stale (no session to fetch with), the unlock refetches.
  useEffect(
    () => onDataChanged(() => client.invalidateQueries(locked ? { refetchType: 'none' } : undefined)),
    [client, locked],
  );

  useEffect(() => {
    const token = storedSessionToken();
    if (!token) return;
    setSessionToken(token);
    // A server not answering yet keeps the session for when it does (the banner says so).
    callWhenReachable('auth/me')
      .then(({ session: view }) => {
        if (view) setSession({ ...view, token });
        else setSessionToken(null);
      })
      .catch(() => setSessionToken(null))
      .finally(() => setRestoring(false));
  }, []);

  const end = useCallback(
    (keepUser: boolean, reason: string | null) => {
      void call('auth/logout').catch(() => undefined);
      setSessionToken(null);
      if (session) {
        setLocked(true);
        if (keepUser) setLockedUser(session.user);
      }
      if (!keepUser) setLockedUser(null);
      setLockReason(reason);
    },
    [session],
  );

  const signIn = useCallback(
    (next: SessionView) => {
      setSessionToken(next.token);
      if (session && locked && session.user.id !== next.user.id) {
        if (hasUnsavedWork()) {
          notifications.show({
            color: 'orange',
            title: 'Saisie abandonnée',
            message: `Les modifications non enregistrées ${deName(session.user.displayName)} ont été abandonnées.`,
            autoClose: false,
          });
        }
        client.clear();
        setGeneration((g) => g + 1);
        // Another account starts from the dashboard, not from the previous person's page.
        window.location.hash = '#/';
      } else if (session) {
        void client.invalidateQueries();
      }
      setSession(next);
      setLocked(false);
      setLockedUser(null);
      setLockReason(null);
    },
    [client, session, locked],
  );

  useEffect(() => onSessionLost((message) => end(true, message)), [end]);

  const idleMs = (session?.idleLockMinutes ?? 10) * 60_000;
  const idle = useIdle(idleMs, { initialState: false });
  useEffect(() => {
    if (session && !locked && idle) end(true, 'Passerelle s’est verrouillée après un moment sans activité.');
  }, [idle, session, locked, end]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      locked,
      restoring,
      generation,
      lockedUser,
      lockReason,
      signIn,
      lock: (reason) => end(true, reason ?? 'Session verrouillée.'),
      switchUser: () => end(false, null),
      can: (method) => session?.permissions.includes(method) ?? false,
    }),
    [session, locked, restoring, generation, lockedUser, lockReason, signIn, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** For screens shown only to signed-in people. */
export function useSignedIn(): SessionView & { can(method: Method): boolean } {
  const { session, can } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return { ...session, can };
}
