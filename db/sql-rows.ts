/**
 * Raw SQL results, typed in one place. `db.execute(sql…)` answers untyped rows, and the two drivers
 * answer differently (postgres.js an array, PGlite `{ rows }`; a `bigint`/`numeric` may come as a
 * string, a `timestamptz` as a `Date` or a string). Every raw query of the data layer goes through
 * {@link rows} (or {@link firstRow}) with a mapper written next to the query: the mapper names each
 * column it reads and converts it with the readers below, so a row's type is what the mapper returns,
 * not a cast. `asRows` (the untyped view) is left to tests and benchmarks (an ESLint wall).
 */
import type { SQL } from "drizzle-orm";

/** One row as the driver answers it. */
export type RawRow = Record<string, unknown>;
/** A query file's mapper from a raw row to its typed row. */
export type RowMapper<T> = (row: RawRow) => T;

/** Anything that runs a raw statement: the database, a transaction, a replica. */
interface Executes {
  execute(query: SQL): PromiseLike<unknown>;
}

/** Rows of a raw `db.execute`: postgres.js returns an array, PGlite returns `{ rows }`. Tests and benchmarks only. */
export function asRows<T = RawRow>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Runs `query` and maps every row. */
export async function rows<T>(db: Executes, query: SQL, map: RowMapper<T>): Promise<T[]> {
  return asRows<RawRow>(await db.execute(query)).map(map);
}

/** Runs `query` and maps its first row, if any. */
export async function firstRow<T>(db: Executes, query: SQL, map: RowMapper<T>): Promise<T | undefined> {
  const [r] = asRows<RawRow>(await db.execute(query));
  return r === undefined ? undefined : map(r);
}

/** Maps the rows of a result already in hand (statements run side by side with `Promise.all`). */
export function mapRows<T>(result: unknown, map: RowMapper<T>): T[] {
  return asRows<RawRow>(result).map(map);
}

// Column readers: the same answer from both drivers.

/** A text (or any) column as a string. */
export const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
/** A nullable column as a string or null. */
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** A number, integer, bigint or numeric column as a number (null → 0). */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
/** A nullable number column as a number or null. */
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** A boolean column (PGlite and postgres.js both answer booleans; `'t'`/`'true'` read as true). */
export const bool = (v: unknown): boolean => v === true || v === "t" || v === "true";
/** A timestamptz column as a `Date`. */
export const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
/** A nullable timestamptz column as a `Date` or null. */
export const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
/** A timestamptz column as an ISO 8601 string. */
export const isoOf = (v: unknown): string => date(v).toISOString();
/** A nullable timestamptz column as an ISO 8601 string or null. */
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : isoOf(v));
/** A jsonb column, which both drivers parse: typed by the caller, who knows what it stored. */
export const json = <T>(v: unknown): T => v as T;
