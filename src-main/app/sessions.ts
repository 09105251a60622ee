import { randomBytes } from 'node:crypto';
import type { SessionUser } from './session';

interface Entry {
  user: SessionUser;
  lastSeen: number;
  /** The paired PC the session was opened from: only that PC may use it. */
  deviceId: number | null;
}

/**
 * Signed-in sessions, in memory only: restarting Passerelle signs everyone
 * out. A session unused for longer than the idle delay is locked (CNIL:
 * automatic locking of an unattended shared workstation).
 */
export class SessionStore {
  private readonly entries = new Map<string, Entry>();

  create(user: SessionUser, now: Date, deviceId: number | null = null): string {
    const token = randomBytes(32).toString('base64url');
    this.entries.set(token, { user, lastSeen: now.getTime(), deviceId });
    return token;
  }

  /**
   * The session's user, `expired` once idle too long, or null for an unknown
   * token or one opened from another PC (a token copied elsewhere opens nothing).
   */
  resolve(
    token: string,
    now: Date,
    idleMinutes: number,
    deviceId: number | null = null,
  ): SessionUser | 'expired' | null {
    const entry = this.entries.get(token);
    if (!entry || entry.deviceId !== deviceId) return null;
    if (now.getTime() - entry.lastSeen > idleMinutes * 60_000) {
      this.entries.delete(token);
      return 'expired';
    }
    entry.lastSeen = now.getTime();
    return entry.user;
  }

  end(token: string): void {
    this.entries.delete(token);
  }

  /** After a restore the accounts may differ: everyone signs in again. */
  clear(): void {
    this.entries.clear();
  }

  /** A deactivated account is signed out everywhere at once. */
  endAllFor(userId: number): void {
    for (const [token, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(token);
  }

  /** A revoked PC: whoever was signed in through it is signed out. */
  endAllForDevice(deviceId: number): void {
    for (const [token, entry] of this.entries) if (entry.deviceId === deviceId) this.entries.delete(token);
  }

  /** After a password change: the person's other sessions end, this one stays. */
  endOthersFor(userId: number, keepToken: string | undefined): void {
    for (const [token, entry] of this.entries)
      if (entry.user.id === userId && token !== keepToken) this.entries.delete(token);
  }

  /** A changed role or name, or a password now chosen, applies to open sessions from the next call on. */
  update(userId: number, changes: Partial<Pick<SessionUser, 'role' | 'displayName' | 'mustChangePassword'>>): void {
    for (const entry of this.entries.values()) {
      if (entry.user.id === userId) entry.user = { ...entry.user, ...changes };
    }
  }
}
