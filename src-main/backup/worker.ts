/**
 * The backup worker thread: checks, hashing, encryption and read-back run
 * here so the main process keeps answering the window during a long backup.
 * One worker per backup or restore; it holds at most one chunk at a time.
 * Errors go back as AppError payloads (French messages), never as stacks.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../shared/errors';
import type { Manifest } from './archive';
import { checkSnapshot, describeSources, readBackupFile, Sealer, type Source } from './stream';
import type { WorkerRequest } from './worker-protocol';

let sealer: Sealer | null = null;
/** Memory shared with the main thread: each sealed chunk is copied there, no buffer travels per chunk. */
let shared: Buffer | null = null;

function prepare(args: { snapshotFile: string; sources: Source[]; createdAt: string; key: Uint8Array; headerBytes: Uint8Array; shared: SharedArrayBuffer }) {
  shared = Buffer.from(args.shared);
  const facts = checkSnapshot(args.snapshotFile);
  const manifest: Manifest = { createdAt: args.createdAt, ...facts, entries: describeSources(args.sources) };
  sealer = new Sealer(Buffer.from(args.key), Buffer.from(args.headerBytes), manifest, args.sources);
  return { manifest, total: sealer.plaintextBytes };
}

function next() {
  if (!sealer || !shared) throw new AppError('INTERNAL');
  const { chunk, ...rest } = sealer.next();
  chunk.copy(shared);
  return { length: chunk.length, ...rest };
}

parentPort!.on('message', (request: WorkerRequest) => {
  const port = parentPort!;
  try {
    let result: unknown;
    if (request.op === 'prepare') result = prepare(request.args);
    else if (request.op === 'next') result = next();
    else {
      const { file, key, extractTo } = request.args;
      let reported = 0;
      result = readBackupFile(file, Buffer.from(key), extractTo, (fraction) => {
        // A few dozen progress messages at most, whatever the size.
        if (fraction - reported >= 0.02 || fraction === 1) port.postMessage({ id: request.id, progress: (reported = fraction) });
      });
    }
    port.postMessage({ id: request.id, result });
  } catch (error) {
    sealer?.close();
    const full = (error as { code?: string }).code === 'ENOSPC';
    const payload =
      error instanceof AppError
        ? error.toPayload()
        : new AppError('FILE_ERROR', full ? "Le disque de cet ordinateur est plein : libérez de la place et recommencez. Rien n'a été modifié." : "Un fichier n'a pas pu être lu ou écrit pendant l'opération : recommencez. Rien n'a été modifié.").toPayload();
    port.postMessage({ id: request.id, error: payload });
  }
});
