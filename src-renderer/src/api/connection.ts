/**
 * Whether main (the Passerelle server, on this PC or another one on the
 * network) answers. A transport that could not reach it answers
 * `{ ok: false, unreachable: true }` (`bridge.ts`); the first such answer
 * marks the server unreachable, any real answer marks it back.
 *
 * While it is unreachable nothing on screen moves: queries wait for it to
 * answer again (their data stays shown), forms keep what was typed, and a
 * save says it was not saved. Passerelle keeps NO local copy of the data to
 * work on meanwhile, on purpose: the server is the one source of truth (two
 * copies of a person's file edited apart could not be merged without someone
 * losing work), and a copy of personal data on every PC would escape the
 * server's access rules, journal, retention periods and erasure (RGPD,
 * articles 5.1.e and 17; README « Plusieurs postes »).
 */

export type Reach = 'ok' | 'unreachable';

/** How often the app checks by itself whether the server answers again. */
export const RECHECK_EVERY_MS = 5_000;

let reach: Reach = 'ok';
const listeners = new Set<(reach: Reach) => void>();
let waiting: { promise: Promise<void>; resolve: () => void } | null = null;

export function currentReach(): Reach {
  return reach;
}

export function onReachChange(listener: (reach: Reach) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the client for every answer: `false` when the transport could not reach main. */
export function noteReach(reached: boolean): void {
  const next: Reach = reached ? 'ok' : 'unreachable';
  if (next === reach) return;
  reach = next;
  if (reached && waiting) {
    waiting.resolve();
    waiting = null;
  }
  for (const listener of listeners) listener(reach);
}

/** Resolves at once when the server answers, otherwise when it answers again. */
export function whenReachable(): Promise<void> {
  if (reach === 'ok') return Promise.resolve();
  if (!waiting) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    waiting = { promise, resolve };
  }
  return waiting.promise;
}
