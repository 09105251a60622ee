import { z } from 'zod';

/**
 * How a method touches the database. Printing, file I/O and key derivation are
 * `none`: they must never hold the one SQLite connection inside a transaction.
 */
export type TransactionKind = 'read' | 'write' | 'none';

export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  tx: TransactionKind;
  /**
   * `public` methods answer before anyone is signed in (first-run setup);
   * every other method needs a user and an entry in the permission matrix.
   */
  access: 'public' | 'user';
  /** Reads a sensitive category (health, justice, social details, NIR): every call is journaled. */
  sensitive?: boolean;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(
  definition: MethodDefinition<I, O>,
): MethodDefinition<I, O> {
  return definition;
}

export const noInput = z.object({}).strict().optional().default({});
