import { z } from 'zod';

/**
 * How a method touches the database. Printing, file I/O and key derivation are
 * `none`: they must never hold the one SQLite connection inside a transaction.
 */
export type TransactionKind = 'read' | 'write' | 'none';

export interface MethodDefinition<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  T extends TransactionKind = TransactionKind,
> {
  input: I;
  output: O;
  /** Kept as its literal (`'read'`): the handler's context is typed from it. */
  tx: T;
  /**
   * `public`: answers anyone (login screen). `setup`: answers anyone until the
   * first-run wizard is done, then only signed-in users the matrix allows.
   * `user`: a signed-in user the permission matrix allows.
   */
  access: 'public' | 'setup' | 'user';
  /**
   * What the access journal records of a successful call: `change` (every
   * `write` method, implied), `read` of a sensitive category (health,
   * justice, social details, NIR), `export` or print.
   */
  audit?: 'change' | 'read' | 'export';
}

export type AuditKind = NonNullable<MethodDefinition['audit']>;

export function auditOf(definition: MethodDefinition): AuditKind | null {
  return definition.audit ?? (definition.tx === 'write' ? 'change' : null);
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType, T extends TransactionKind>(
  definition: MethodDefinition<I, O, T>,
): MethodDefinition<I, O, T> {
  return definition;
}

export const noInput = z.object({}).strict().optional().default({});
