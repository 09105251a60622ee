/** Messages between the main process and the backup worker (`worker.ts`). */
import type { ExportFacts } from '../db/logical';

export interface PrepareArgs {
  /** The live SQLite file, snapshotted and exported by the worker through its own read-only connection. */
  liveFile: string | null;
  /** Or the export already written (PostgreSQL) and what it holds. */
  data: { dataFile: string; facts: ExportFacts } | null;
  /** A private folder for the snapshot, removed by the caller. */
  workDir: string;
  filesDir: string;
  createdAt: string;
  /** The journal's key (base64) and head file, carried in the manifest. */
  journal: { key: string; head: string | null } | null;
  key: Uint8Array;
  headerBytes: Uint8Array;
  shared: SharedArrayBuffer;
}

export type WorkerRequest =
  | { id: number; op: 'prepare'; args: PrepareArgs }
  | { id: number; op: 'next'; args: Record<string, never> }
  | { id: number; op: 'read'; args: { file: string; key: Uint8Array; extractTo: string | null } };

export type WorkerReply =
  | { id: number; result: unknown }
  | { id: number; progress: number }
  /** An AppError payload (a French message). */
  | { id: number; error: { code: string; message: string; field?: string } };
