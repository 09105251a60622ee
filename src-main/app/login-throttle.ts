/**
 * Login throttling that holds under parallel attempts. Attempts on one
 * account run one at a time (the main process is the only writer), so the
 * failure count and the delay are read and claimed before the password is
 * checked; and a global ceiling bounds password checks per second, whatever
 * the account, because each check costs ~100 ms of CPU and 32 MiB (scrypt).
 */
import type { Clock } from './ports';

/**
 * Five checks a second: a whole team signing in at nine o'clock needs far
 * fewer, and five scrypt derivations (≈ 0.5 CPU-second, 160 MiB) leave an
 * office PC usable while someone scripts attempts against every account.
 */
export const PASSWORD_CHECKS_PER_SECOND = 5;

export class LoginThrottle {
  private readonly queues = new Map<number, Promise<void>>();
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly clock: Clock,
    private readonly perSecond = PASSWORD_CHECKS_PER_SECOND,
  ) {
    this.tokens = perSecond;
    this.refilledAt = clock.now().getTime();
  }

  /** Runs `attempt` after every earlier attempt on the same account has settled. */
  oneAtATime<T>(accountId: number, attempt: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(accountId) ?? Promise.resolve();
    const result = previous.then(attempt);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(accountId, settled);
    void settled.then(() => {
      if (this.queues.get(accountId) === settled) this.queues.delete(accountId);
    });
    return result;
  }

  /** Takes one password check from the global bucket; false when the ceiling is reached. */
  takePasswordCheck(): boolean {
    const now = this.clock.now().getTime();
    const elapsed = Math.max(0, now - this.refilledAt);
    this.tokens = Math.min(this.perSecond, this.tokens + (elapsed / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
