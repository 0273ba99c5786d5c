import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { runnerOf, type DbRunner } from "@/db/rls";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { GAP_EXPORT_CAP, type GapQuery } from "@/lib/validation/gaps";
import { requireStaff } from "../authorize";
import { firstRow, json, num, numOrNull, rows, str, type RawRow, type RowMapper } from "@/db/sql-rows";
import { currentLedgerPeriod } from "../ledger/current-period";
import { periodPreparing } from "../ledger/roll-ledger";
import { getSettings } from "../settings/get-settings";
import { afterCursor, decodeCursor, encodeCursor, gapFilters, keySelect, orderBy, sortKeys, type CursorValue, type SortKey } from "./gap-sql";
import type { LedgerFigures, LedgerMovements } from "@/lib/domain/ledger";
import { balanceRow, movementsRow } from "../ledger/balance-row";

export interface GapRow extends LedgerFigures {
  distributor: string;
  distributorName: string;
  sku: string;
  description: string;
  family: string;
  flags: string[];
}

/** Σ of the filtered rows' movements, reported and gap (an unreported row counts 0). */
export interface GapTotals extends LedgerMovements {
  rows: number;
  reported: number;
  gap: number;
}

export interface GapPage {
  period: string;
  rows: GapRow[];
  totals: GapTotals;
  nextCursor: string | null;
  /** The month roll has not built this period yet: the rows are those written so far ("period being prepared"). */
  preparing: boolean;
}

export interface ListGapsOptions {
  /** Compute totals over the whole filtered set (default true). Exports and later pages may skip it. */
  totals?: boolean;
}

const gapRow: RowMapper<GapRow> = (r) => ({
  distributor: str(r.distributor), distributorName: str(r.distributor_name), sku: str(r.sku),
  description: str(r.description), family: str(r.family), ...balanceRow(r),
  newGap: numOrNull(r.new_gap), weeksOfSupply: numOrNull(r.weeks_of_supply), flags: json<string[] | null>(r.flags) ?? [],
});

/** A row of a page, with its raw row: the last one's sort keys (k0, k1, …: never null) are what a cursor after it holds. */
const pageRow: RowMapper<{ row: GapRow; raw: RawRow }> = (r) => ({ row: gapRow(r), raw: r });
const cursorAfter = (keys: SortKey[], r: RawRow): CursorValue[] => keys.map((k, i) => (k.type === "int" ? num(r[`k${i}`]) : str(r[`k${i}`])));

const totalsRow: RowMapper<GapTotals> = (r) => ({
  rows: num(r.rows), ...movementsRow(r), reported: num(r.reported), gap: num(r.gap),
});

interface Prepared {
  period: string;
  periodDate: string;
  filter: SQL;
  keys: SortKey[];
}

async function prepare(db: Queryable, viewer: Viewer, q: GapQuery): Promise<Prepared> {
  requireStaff(viewer);
  const period = q.period ?? (await currentLedgerPeriod(db));
  const s = await getSettings(db);
  const filter = gapFilters(q, { periodDate: periodToDate(period), gapUnitsThreshold: s.gapUnitsThreshold, gapPctThreshold: s.gapPctThreshold });
  return { period, periodDate: periodToDate(period), filter, keys: sortKeys(q.sort) };
}

const ROW_COLUMNS = sql.raw(`d.code as distributor, d.name as distributor_name, p.sku, p.description, p.family,
  l.opening, l.sell_in, l.sell_through, l.returns, l.adjustments, l.calculated, l.reported,
  l.gap, l.gap_pct::float8 as gap_pct, l.new_gap, l.weeks_of_supply::float8 as weeks_of_supply, l.flags`);

/**
 * One page in sort order, in two steps: the keys of the page (limit + 1 rows) are cut from
 * ledger_balances alone — an index range scan for the indexed sorts, an index-only scan + top-N for
 * the others (every filter and sort column is in ledger_balances_gap_totals_idx) — and only those rows
 * are read in full and joined to distributors and products.
 */
async function fetchPage(db: Queryable, p: Prepared, limit: number, cursor: CursorValue[] | null) {
  const where = cursor ? sql`${p.filter} and ${afterCursor(p.keys, cursor)}` : p.filter;
  const joins = p.keys.every((k) => k.ledgerOnly)
    ? sql``
    : sql`join distributors d on d.id = l.distributor_id join products p on p.id = l.product_id`;
  const list = await rows(
    db,
    sql`
      with page as (
        select l.distributor_id as did, l.product_id as pid, ${keySelect(p.keys)}
          from ledger_balances l ${joins}
         where ${where} order by ${orderBy(p.keys)} limit ${limit + 1}
      )
      select ${ROW_COLUMNS}, ${keySelect(p.keys, { alias: "k", asText: true })}
        from page k
        join ledger_balances l on l.distributor_id = k.did and l.product_id = k.pid and l.period = ${p.periodDate}::date
        join distributors d on d.id = k.did join products p on p.id = k.pid
       order by ${orderBy(p.keys, "k")}`,
    pageRow,
  );
  const more = list.length > limit;
  const page = list.slice(0, limit);
  const last = page[page.length - 1];
  const next = more && last ? cursorAfter(p.keys, last.raw) : null;
  return { rows: page.map((r) => r.row), next };
}

/** Σ over the whole filtered set; one aggregate that reads only ledger_balances (no joins). */
async function fetchTotals(db: Queryable, p: Prepared): Promise<GapTotals> {
  const t = await firstRow(
    db,
    sql`
    select count(*)::float8 as rows, coalesce(sum(l.opening),0)::float8 as opening, coalesce(sum(l.sell_in),0)::float8 as sell_in,
           coalesce(sum(l.sell_through),0)::float8 as sell_through, coalesce(sum(l.returns),0)::float8 as returns,
           coalesce(sum(l.adjustments),0)::float8 as adjustments, coalesce(sum(l.calculated),0)::float8 as calculated,
           coalesce(sum(l.reported),0)::float8 as reported, coalesce(sum(l.gap),0)::float8 as gap
      from ledger_balances l where ${p.filter}`,
    totalsRow,
  );
  return t ?? totalsRow({});
}

const NO_TOTALS: GapTotals = { rows: 0, opening: 0, sellIn: 0, sellThrough: 0, returns: 0, adjustments: 0, calculated: 0, reported: 0, gap: 0 };

/**
 * Ledger rows (calculated vs reported) of one period, filtered, sorted and keyset-paged; staff only.
 * The page and the totals are independent statements and run concurrently on a pooled database.
 */
export async function listGaps(db: Queryable, viewer: Viewer, q: GapQuery, opts: ListGapsOptions = {}): Promise<GapPage> {
  const p = await prepare(db, viewer, q);
  const cursor = q.cursor ? decodeCursor(q.cursor, p.keys) : null;
  const [page, totals, preparing] = await Promise.all([
    fetchPage(db, p, q.limit, cursor),
    opts.totals === false ? Promise.resolve(NO_TOTALS) : fetchTotals(db, p),
    periodPreparing(db, p.period),
  ]);
  return { period: p.period, rows: page.rows, totals, nextCursor: page.next ? encodeCursor(page.next) : null, preparing };
}

/**
 * Every row of a gap query in sort order, in keyset pages of `batch`, up to `cap` rows: what the
 * CSV and XLSX exports stream. The period is resolved once, before the first row.
 */
export async function openGapStream(
  db: Queryable,
  viewer: Viewer,
  q: GapQuery,
  opts: { batch?: number; cap?: number; /** Runs each page's read (a streamed response outlives `db`'s transaction). */ pages?: DbRunner } = {},
) {
  const p = await prepare(db, viewer, q);
  const run = runnerOf(opts.pages ?? db);
  const batch = opts.batch ?? 5000;
  const cap = opts.cap ?? GAP_EXPORT_CAP;
  async function* rows(): AsyncGenerator<GapRow[]> {
    let cursor: CursorValue[] | null = q.cursor ? decodeCursor(q.cursor, p.keys) : null;
    let sent = 0;
    while (sent < cap) {
      const page = await run((d) => fetchPage(d, p, Math.min(batch, cap - sent), cursor));
      if (page.rows.length) yield page.rows;
      sent += page.rows.length;
      if (!page.next) return;
      cursor = page.next;
    }
  }
  return { period: p.period, rows };
}
