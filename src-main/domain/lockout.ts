/**
 * Growing delays after failed logins, then a temporary lock (CNIL 2022-100
 * recommends limiting attempts). Pure: given the failure count, when may the
 * next attempt come?
 */
export const FREE_ATTEMPTS = 3;
export const LOCK_AFTER = 10;
export const LOCK_MINUTES = 15;

/** Milliseconds to wait after `failures` consecutive failed logins. */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  if (failures >= LOCK_AFTER) return LOCK_MINUTES * 60_000;
  // 3 → 5 s, 4 → 10 s, 5 → 20 s … capped at one minute.
  return Math.min(5_000 * 2 ** (failures - FREE_ATTEMPTS), 60_000);
}

export function nextAttemptAt(failures: number, now: Date): Date | null {
  const delay = delayAfterFailures(failures);
  return delay === 0 ? null : new Date(now.getTime() + delay);
}

/** "dans 2 minutes", "dans 20 secondes" — for the login screen. */
export function waitInWords(until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}
