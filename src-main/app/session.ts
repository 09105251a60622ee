import type { Role } from '../shared/contract/users';

/** Who is calling: the person signed in through this window, if any. */
export interface SessionUser {
  id: number;
  role: Role;
  displayName: string;
  /** Signed in with a password an administrator typed: only choosing one's own is open. */
  mustChangePassword?: boolean;
}

/** The PC paired with the Passerelle server a call came from (issue 29); absent on the PC that holds the data. */
export interface DeviceRef {
  id: number;
  name: string;
}

export interface Session {
  user: SessionUser | null;
  /** The paired PC the call came through: its entries in the journal name it. */
  device?: DeviceRef;
  /** The token of this window's session, so `auth/logout` can end it. */
  token?: string;
  /** The token was valid but the idle delay ran out: the screen is locked. */
  expired?: boolean;
}

export const ANONYMOUS: Session = { user: null };

/** What a journal entry adds to its records for the PC the call came from (`device:3`), nothing on the server’s own PC. */
export function deviceRecords(session: Pick<Session, 'device'>): string[] {
  return session.device ? [`device:${session.device.id}`] : [];
}
