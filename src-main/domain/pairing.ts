/**
 * The one-time code an administrator gives to pair a PC with the Passerelle
 * server, and how fast wrong codes may be tried. Pure: no I/O, no randomness
 * (the code is drawn in app/devices.ts from this alphabet).
 *
 * Sources:
 * - the alphabet is Crockford’s Base32 (https://www.crockford.com/base32.html):
 *   no I, L, O (read as 1, 1 and 0 when typed) nor U, and typed in any case;
 * - 8 characters of 32 symbols: 32^8 ≈ 1.1 × 10^12 codes (40 bits);
 *   with at most MAX_WRONG_CODES wrong codes per window, guessing a live code
 *   in its 10 minutes is out of reach (CNIL délibération 2022-100, « limiter
 *   le nombre de tentatives » for secrets shorter than 80 bits).
 */

export const PAIRING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_CODE_MINUTES = 10;
/** Wrong codes the server accepts in a window before refusing every code until the window has passed. */
export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MINUTES = 15;

/** « abcd-efgh », « ABCD EFGH », « abcdefgh » → « ABCDEFGH »; O read as 0, I and L as 1; null when it cannot be a code. */
export function normalizePairingCode(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\-–.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== PAIRING_CODE_LENGTH) return null;
  for (const char of compact) if (!PAIRING_ALPHABET.includes(char)) return null;
  return compact;
}

/** « ABCD-EFGH »: how the code is shown, in two halves. */
export function displayPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** When a code made at `createdAt` stops being accepted: the minute it reaches PAIRING_CODE_MINUTES. */
export function pairingCodeExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + PAIRING_CODE_MINUTES * 60_000);
}

export function pairingCodeLive(expiresAt: Date, now: Date): boolean {
  return now.getTime() < expiresAt.getTime();
}

/**
 * Given the instants of the wrong codes already tried, when the next try is
 * allowed (null: now). At most MAX_WRONG_CODES in any window of
 * WRONG_CODE_WINDOW_MINUTES: the next one waits until the oldest of them has
 * left the window.
 */
export function nextPairingAttemptAt(wrongAt: readonly Date[], now: Date): Date | null {
  const windowMs = WRONG_CODE_WINDOW_MINUTES * 60_000;
  const recent = wrongAt
    .filter((at) => now.getTime() - at.getTime() < windowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < MAX_WRONG_CODES) return null;
  return new Date(recent[recent.length - MAX_WRONG_CODES]!.getTime() + windowMs);
}
