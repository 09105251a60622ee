/**
 * Who is calling. Until named accounts exist, the one local user of the
 * desktop app acts as the administrator; dispatch is the single place where
 * roles and the access journal hook in.
 */
export const ROLES = ['administrateur'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  role: Role;
}

export interface Session {
  user: SessionUser | null;
}

export const LOCAL_ADMINISTRATOR: Session = { user: { id: 0, role: 'administrateur' } };
