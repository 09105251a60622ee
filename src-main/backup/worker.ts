/**
 * The backup worker thread: the snapshot, checks, hashing, encryption and
 * read-back run here so the main process keeps answering the window during a
 * long backup. One worker per backup or restore; it holds at most one chunk
 * at a time. Errors go back as AppError payloads (French messages), never as
 * stacks.
 */
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { rmSync } from 'node:fs';
import { compactCopy } from '../db/engine';
import { DATA_ENTRY, exportSqliteFile } from '../db/logical';
import { AppError } from '../shared/errors';
import type { Manifest } from './archive';
import { checkSnapshot, describeSources, filesUnder, readBackupFile, Sealer, type Source } from './stream';
import type { PrepareArgs, WorkerRequest } from './worker-protocol';

/**
 * Node's ciphers and hashes hand back fresh native buffers; V8 only collects
 * them once tens of megabytes are waiting, which showed as the whole process
 * growing by 50–90 MB during a large backup. Collecting every few megabytes
 * (a few milliseconds on this small heap) keeps it flat.
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
function every(calls: number): () => void {
  let count = 0;
  return () => {
    if (++count % calls === 0) collect();
  };
}

let sealer: Sealer | null = null;
/** Memory shared with the main thread: each chunk is sealed straight into it, no buffer travels per chunk. */
let shared: Buffer | null = null;
const afterChunks = every(8);

function prepare(args: PrepareArgs) {
  shared = Buffer.from(args.shared);
  let data = args.data;
  if (!data) {
    const snapshotFile = path.join(args.workDir, 'passerelle.sqlite');
    // The live database, copied online (never a file copy) and compacted, checked, then exported table by table.
    compactCopy(args.liveFile!, snapshotFile);
    checkSnapshot(snapshotFile);
    const dataFile = path.join(args.workDir, DATA_ENTRY);
    data = { dataFile, facts: exportSqliteFile(snapshotFile, dataFile) };
    rmSync(snapshotFile, { force: true });
  }
  const { facts } = data;
  const sources: Source[] = [
    { name: DATA_ENTRY, file: data.dataFile },
    ...filesUnder(args.filesDir).map((name) => ({ name: `fichiers/${name}`, file: path.join(args.filesDir, name) })),
  ];
  const manifest: Manifest = {
    createdAt: args.createdAt,
    schemaVersion: facts.schemaVersion,
    structureName: facts.structureName,
    counts: facts.counts,
    engine: args.liveFile ? 'sqlite' : 'postgres',
    ...(args.journal ? { journal: args.journal } : {}),
    entries: describeSources(sources, every(500)),
  };
  sealer = new Sealer(Buffer.from(args.key), Buffer.from(args.headerBytes), manifest, sources);
  return { total: sealer.plaintextBytes };
}

function next() {
  if (!sealer || !shared) throw new AppError('INTERNAL');
  const sealed = sealer.next(shared);
  afterChunks();
  return sealed;
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
      result = readBackupFile(file, Buffer.from(key), {
        extractTo,
        // A few dozen progress messages at most, whatever the size.
        onProgress: (fraction) => {
          if (fraction - reported >= 0.02 || fraction === 1)
            port.postMessage({ id: request.id, progress: (reported = fraction) });
        },
        reclaim: afterChunks,
      });
    }
    port.postMessage({ id: request.id, result });
  } catch (error) {
    sealer?.close();
    const full = (error as { code?: string }).code === 'ENOSPC';
    const payload =
      error instanceof AppError
        ? error.toPayload()
        : new AppError(
            'FILE_ERROR',
            full
              ? 'Le disque de cet ordinateur est plein : libérez de la place et recommencez. Rien n’a été modifié.'
              : 'Un fichier n’a pas pu être lu ou écrit pendant l’opération : recommencez. Rien n’a été modifié.',
          ).toPayload();
    port.postMessage({ id: request.id, error: payload });
  }
});
