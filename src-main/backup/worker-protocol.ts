/** Messages between the main process and the backup worker (`worker.ts`). */
import type { Source } from './stream';

export type WorkerRequest =
  | { id: number; op: 'prepare'; args: { snapshotFile: string; sources: Source[]; createdAt: string; key: Uint8Array; headerBytes: Uint8Array; shared: SharedArrayBuffer } }
  | { id: number; op: 'next'; args: Record<string, never> }
  | { id: number; op: 'read'; args: { file: string; key: Uint8Array; extractTo: string | null } };

export type WorkerReply =
  | { id: number; result: unknown }
  | { id: number; progress: number }
  /** An AppError payload (a French message). */
  | { id: number; error: { code: string; message: string; field?: string } };
