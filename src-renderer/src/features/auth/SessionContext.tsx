import { useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Method } from '@shared/contract';
import type { SessionView, SessionUserView } from '@shared/contract/auth';
import { call, onSessionLost, setSessionToken } from '../../api/client';

interface SessionState {
  session: SessionView | null;
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
 * same delay on its side), and everything cached is forgotten at sign-out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [session, setSession] = useState<SessionView | null>(null);
  const [lockedUser, setLockedUser] = useState<SessionUserView | null>(null);
  const [lockReason, setLockReason] = useState<string | null>(null);

  const end = useCallback(
    (keepUser: boolean, reason: string | null) => {
      void call('auth/logout').catch(() => undefined);
      setSessionToken(null);
      setLockedUser(keepUser ? (session?.user ?? null) : null);
      setLockReason(reason);
      setSession(null);
      client.clear();
    },
    [client, session],
  );

  const signIn = useCallback((next: SessionView) => {
    setSessionToken(next.token);
    setSession(next);
    setLockedUser(null);
    setLockReason(null);
  }, []);

  useEffect(() => onSessionLost((message) => end(true, message)), [end]);

  const idleMs = (session?.idleLockMinutes ?? 10) * 60_000;
  const idle = useIdle(idleMs, { initialState: false });
  useEffect(() => {
    if (session && idle) end(true, 'Passerelle s’est verrouillée après un moment sans activité.');
  }, [idle, session, end]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      lockedUser,
      lockReason,
      signIn,
      lock: (reason) => end(true, reason ?? 'Session verrouillée.'),
      switchUser: () => end(false, null),
      can: (method) => session?.permissions.includes(method) ?? false,
    }),
    [session, lockedUser, lockReason, signIn, end],
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
