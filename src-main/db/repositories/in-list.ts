/**
 * The one way to ask about "any of these ids": an empty list answers [] (or
 * writes nothing) without reaching the engine. `in ()` is an SQLite extension
 * other engines refuse, and a made-up id (`-1`) or a ternary at each call
 * hides the same decision in many places.
 */
export async function forIds<Id, Row = never>(
  ids: readonly Id[],
  query: (ids: readonly Id[]) => Promise<Row[] | void>,
): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await query(ids)) || [];
}
