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
