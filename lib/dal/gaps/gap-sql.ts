import { sql, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { DEFAULT_GAP_SORT, type GapQuery, type GapSort } from "@/lib/validation/gaps";

/**
 * The SQL building blocks of the gap view: filters, sort keys and the keyset cursor.
 *
 * Every sort is a list of non-null keys ending in a unique pair, so "the rows after this one" is a
 * plain lexicographic comparison. Nullable columns are sorted through `coalesce(col, sentinel)`
 * with a sentinel that puts nulls last in either direction; the default sort
 * (`coalesce(abs(gap), -1) desc, distributor_id, product_id`) and `-gapPct` match expression indexes
 * on ledger_balances (see db/schema/ledger.ts), so a first page is an index range scan, never a sort
 * of the whole period.
 */
export type KeyType = "int" | "numeric" | "text";
export interface SortKey {
  expr: string;
  dir: "asc" | "desc";
  type: KeyType;
  /** Only columns of ledger_balances (alias l): the page can be cut before the joins. */
  ledgerOnly: boolean;
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
const NUM_BIG = "1000000000000";

function nullable(col: string, type: KeyType, dir: "asc" | "desc", lowest: string): SortKey {
  // desc: nulls get the lowest value (last); asc: the highest (last).
  const sentinel = dir === "desc" ? lowest : type === "int" ? String(INT_MAX) : NUM_BIG;
  return { expr: `coalesce(${col}, ${sentinel})`, dir, type, ledgerOnly: true };
}

const ID_TIEBREAK: SortKey[] = [
  { expr: "l.distributor_id", dir: "asc", type: "int", ledgerOnly: true },
  { expr: "l.product_id", dir: "asc", type: "int", ledgerOnly: true },
];

const NOT_NULL: Partial<Record<GapSort, string>> = {
  opening: "l.opening", sellIn: "l.sell_in", sellThrough: "l.sell_through", returns: "l.returns",
  adjustments: "l.adjustments", calculated: "l.calculated",
};

/** The keys of a `sort` parameter ("-gap", "sku", …). */
export function sortKeys(sort: string | undefined): SortKey[] {
  const s = sort ?? DEFAULT_GAP_SORT;
  const dir = s.startsWith("-") ? "desc" : "asc";
  const col = s.replace(/^-/, "") as GapSort;
  const text = (expr: string, d: "asc" | "desc" = "asc"): SortKey => ({ expr, dir: d, type: "text", ledgerOnly: false });
  switch (col) {
    case "distributor":
      return [text("d.code", dir), text("p.sku")];
    case "sku":
      return [text("p.sku", dir), text("d.code")];
    case "family":
      return [text("p.family", dir), text("p.sku"), text("d.code")];
    case "absGap":
      return [nullable("abs(l.gap)", "int", dir, "-1"), ...ID_TIEBREAK];
    case "gap":
      return [nullable("l.gap", "int", dir, String(INT_MIN)), ...ID_TIEBREAK];
    case "reported":
      return [nullable("l.reported", "int", dir, "-1"), ...ID_TIEBREAK];
    case "newGap":
      return [nullable("l.new_gap", "int", dir, String(INT_MIN)), ...ID_TIEBREAK];
    case "gapPct":
      return [nullable("l.gap_pct", "numeric", dir, `-${NUM_BIG}`), ...ID_TIEBREAK];
    case "weeksOfSupply":
      return [nullable("l.weeks_of_supply", "numeric", dir, "-1"), ...ID_TIEBREAK];
    default: {
      const expr = NOT_NULL[col] ?? "l.calculated";
      return [{ expr, dir, type: "int", ledgerOnly: true }, ...ID_TIEBREAK];
    }
  }
}

/** The values a row carries for its sort keys, selected as k0, k1, … next to the row. */
export function keySelect(keys: SortKey[], opts: { alias?: string; asText?: boolean } = {}): SQL {
  return sql.raw(
    keys
      .map((k, i) => `${opts.alias ? `${opts.alias}.k${i}` : k.expr}${opts.asText && k.type === "numeric" ? "::text" : ""} as k${i}`)
      .join(", "),
  );
}

export function orderBy(keys: SortKey[], alias?: string): SQL {
  return sql.raw(keys.map((k, i) => `${alias ? `${alias}.k${i}` : k.expr} ${k.dir}`).join(", "));
}

export type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

function badCursor(): AppError {
  return new AppError("validation_failed", "Invalid cursor: pass a nextCursor from the same query", [{ path: "cursor", message: "Invalid cursor" }]);
}

export function decodeCursor(cursor: string, keys: SortKey[]): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length) throw badCursor();
  return parsed.map((v, i) => {
    const k = keys[i]!;
    if (k.type === "int" && !(typeof v === "number" && Number.isSafeInteger(v))) throw badCursor();
    if (k.type === "numeric" && !(typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v))) throw badCursor();
    if (k.type === "text" && typeof v !== "string") throw badCursor();
    return v as CursorValue;
  });
}

function param(k: SortKey, v: CursorValue): SQL {
  return sql`${v}::${sql.raw(k.type === "int" ? "int" : k.type)}`;
}

/**
 * "Strictly after the cursor row" in the sort order: k0 beyond c0, or k0 = c0 and the rest beyond.
 * The leading `k0 >= c0` (or `<=`) repeats the first comparison so the index range starts there.
 */
export function afterCursor(keys: SortKey[], values: CursorValue[]): SQL {
  const beyond = (i: number): SQL => {
    const k = keys[i]!;
    const op = sql.raw(k.dir === "asc" ? ">" : "<");
    const head = sql`${sql.raw(k.expr)} ${op} ${param(k, values[i]!)}`;
    if (i === keys.length - 1) return head;
    return sql`(${head} or (${sql.raw(k.expr)} = ${param(k, values[i]!)} and ${beyond(i + 1)}))`;
  };
  const k0 = keys[0]!;
  return sql`${sql.raw(k0.expr)} ${sql.raw(k0.dir === "asc" ? ">=" : "<=")} ${param(k0, values[0]!)} and ${beyond(0)}`;
}

export interface GapFilterContext {
  periodDate: string;
  gapUnitsThreshold: number;
  gapPctThreshold: number;
}

/**
 * The WHERE of a gap query over `ledger_balances l`. Distributor, family and SKU are resolved by
 * sub-selects on their small tables, so the ledger is filtered (and can be cut to a page) before any join.
 */
export function gapFilters(q: GapQuery, ctx: GapFilterContext): SQL {
  const where: SQL[] = [sql`l.period = ${ctx.periodDate}::date`];
  if (q.distributor) where.push(sql`l.distributor_id = (select id from distributors where code = ${q.distributor})`);
  if (q.family) where.push(sql`l.product_id in (select id from products where family = ${q.family})`);
  if (q.sku) where.push(sql`l.product_id in (select id from products where sku ilike ${q.sku.replace(/[%_\\]/g, "\\$&") + "%"})`);
  // coalesce(abs(gap), -1) is the default sort's index expression; for a threshold ≥ 0 it equals abs(gap) ≥ n.
  if (q.minAbsGap !== undefined) where.push(sql`coalesce(abs(l.gap), -1) >= ${q.minAbsGap}`);
  if (q.minGapPct !== undefined) where.push(sql`abs(l.gap_pct) >= ${q.minGapPct}`);
  if (q.flag.length) where.push(sql`l.flags && ${sql.param(q.flag)}::text[]`);
  if (q.significant) {
    where.push(sql`(coalesce(abs(l.gap), -1) >= ${ctx.gapUnitsThreshold} or abs(l.gap_pct) >= ${ctx.gapPctThreshold})`);
  }
  return sql.join(where, sql` and `);
}
