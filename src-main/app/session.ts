import type { Role } from '../shared/contract/users';

/** Who is calling: the person signed in through this window, if any. */
export interface SessionUser {
  id: number;
  role: Role;
  displayName: string;
  /** Signed in with a password an administrator typed: only choosing one's own is open. */
  mustChangePassword?: boolean;
}

export interface Session {
  user: SessionUser | null;
  /** The token of this window's session, so `auth/logout` can end it. */
  token?: string;
  /** The token was valid but the idle delay ran out: the screen is locked. */
  expired?: boolean;
}

export const ANONYMOUS: Session = { user: null };
