/**
 * One number per open database, moved by every committed write and sent with
 * every answer. The renderer refreshes what it shows whenever the number it
 * last saw moves, so no screen keeps data older than the last write, whether
 * this window made it or another one did (browser mode).
 */
const versions = new WeakMap<object, number>();

export function dataVersion(database: object): number {
  return versions.get(database) ?? 0;
}

export function noteCommittedWrite(database: object): void {
  versions.set(database, dataVersion(database) + 1);
}
