/**
 * SQLite has no boolean: a flag column holds 0 or 1. Repositories convert at
 * the door, so the code above sees `boolean` and never compares to 1.
 */
export type Flag = 0 | 1;

export const toFlag = (value: boolean): Flag => (value ? 1 : 0);
export const fromFlag = (flag: Flag): boolean => flag === 1;
/** A flag that may be unset (null: not yet known). */
export const fromOptionalFlag = (flag: Flag | null): boolean | null => (flag === null ? null : flag === 1);
export const toOptionalFlag = (value: boolean | null): Flag | null => (value === null ? null : toFlag(value));

/** A row's type with its flag columns `keys` as booleans (a nullable flag stays nullable). */
export type WithBooleans<R, K extends keyof R> = Omit<R, K> & {
  [P in K]: R[P] extends Flag ? boolean : R[P] extends Flag | null ? boolean | null : R[P];
};

/** The row with its flag columns `keys` turned into booleans, the other columns as they were. */
export function withBooleans<R extends object, K extends keyof R>(row: R, ...keys: K[]): WithBooleans<R, K> {
  const converted: Record<PropertyKey, unknown> = { ...(row as Record<PropertyKey, unknown>) };
  for (const key of keys) {
    const value = row[key] as Flag | null;
    converted[key] = value === null ? null : value === 1;
  }
  return converted as WithBooleans<R, K>;
}
