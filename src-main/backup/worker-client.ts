/**
 * Starts the backup worker and talks to it. Under Node with TypeScript
 * sources (tests, browser mode) the worker loads `worker.ts` through tsx;
 * in the built app it is the `backup-worker.js` bundle beside the main one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, ERROR_CODES, type ErrorCode } from '../shared/errors';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

type Op = WorkerRequest['op'];
type ArgsOf<O extends Op> = Extract<WorkerRequest, { op: O }>['args'];

/**
 * The worker makes megabytes of short-lived buffers per chunk; a small heap
 * makes V8 collect them often instead of letting the process grow by a
 * hundred megabytes during a large backup.
 */
const LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 };

function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // The ESM entry of tsx's API (require.resolve would give the CommonJS one).
    const tsx = pathToFileURL(
      path.join(path.dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
    ).href;
    const target = new URL('./worker.ts', here).href;
    return new Worker(
      `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(here)}))`,
      { eval: true, resourceLimits: LIMITS },
    );
  }
  return new Worker(new URL('./backup-worker.js', here), { resourceLimits: LIMITS });
}

/** A failure from the worker, as the AppError it was. */
function errorFrom(payload: { code: string; message: string; field?: string }): AppError {
  const code = (ERROR_CODES as readonly string[]).includes(payload.code) ? (payload.code as ErrorCode) : 'INTERNAL';
  return new AppError(code, payload.message, payload.field ? { field: payload.field } : undefined);
}

export class BackupWorker {
  private readonly worker = startWorker();
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (fraction: number) => void }
  >();

  constructor() {
    this.worker.on('message', (reply: WorkerReply) => {
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      if ('progress' in reply) return pending.onProgress?.(reply.progress);
      this.waiting.delete(reply.id);
      if ('error' in reply) pending.reject(errorFrom(reply.error));
      else pending.resolve(reply.result);
    });
    const failAll = (error: Error) => {
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', () => failAll(new AppError('INTERNAL')));
    this.worker.on('exit', () => failAll(new AppError('INTERNAL')));
  }

  call<T>(op: Op, args: ArgsOf<Op>, onProgress?: (fraction: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, op, args });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
