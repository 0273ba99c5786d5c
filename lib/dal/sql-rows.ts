/** Rows of a raw `db.execute`: postgres.js returns an array, PGlite returns `{ rows }`. */
export function asRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
