import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { periodToDate } from "@/lib/domain/periods";
import type { GapQuery } from "@/lib/validation/gaps";
import { requireStaff } from "../authorize";
import { asRows } from "../sql-rows";
import { currentLedgerPeriod, ensureLedgerThrough } from "../ledger/ensure-ledger";

export interface GapRow {
  distributor: string;
  distributorName: string;
  sku: string;
  description: string;
  family: string;
  opening: number;
  sellIn: number;
  sellThrough: number;
  returns: number;
  adjustments: number;
  calculated: number;
  reported: number | null;
  gap: number | null;
  gapPct: number | null;
  newGap: number | null;
  weeksOfSupply: number | null;
  flags: string[];
}

export interface GapPage {
  period: string;
  rows: GapRow[];
  totals: { rows: number; opening: number; sellIn: number; sellThrough: number; returns: number; adjustments: number; calculated: number; reported: number; gap: number };
  nextCursor: string | null;
}

const SORT_SQL: Record<string, string> = {
  distributor: "d.code", sku: "p.sku", opening: "l.opening", sellIn: "l.sell_in", sellThrough: "l.sell_through",
  returns: "l.returns", adjustments: "l.adjustments", calculated: "l.calculated", reported: "l.reported",
  gap: "l.gap", gapPct: "l.gap_pct", newGap: "l.new_gap", weeksOfSupply: "l.weeks_of_supply", absGap: "abs(l.gap)",
};

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0) throw new AppError("validation_failed", "Invalid cursor", [{ path: "cursor", message: "Invalid cursor" }]);
  return n;
}

/** Ledger rows (calculated vs reported) for one period; staff only. */
export async function listGaps(db: Queryable, viewer: Viewer, q: GapQuery): Promise<GapPage> {
  requireStaff(viewer);
  const period = q.period ?? (await currentLedgerPeriod(db));
  await ensureLedgerThrough(db, period);
  const where: SQL[] = [sql`l.period = ${periodToDate(period)}::date`];
  if (q.distributor) where.push(sql`d.code = ${q.distributor}`);
  if (q.family) where.push(sql`p.family = ${q.family}`);
  if (q.sku) where.push(sql`p.sku ilike ${q.sku.replace(/[%_\\]/g, "\\$&") + "%"}`);
  if (q.minAbsGap !== undefined) where.push(sql`abs(l.gap) >= ${q.minAbsGap}`);
  if (q.minGapPct !== undefined) where.push(sql`abs(l.gap_pct) >= ${q.minGapPct}`);
  for (const f of q.flag) where.push(sql`${f} = any(l.flags)`);
  const filter = sql.join(where, sql` and `);
  const from = sql`from ledger_balances l join distributors d on d.id = l.distributor_id join products p on p.id = l.product_id where ${filter}`;

  const sortKey = (q.sort ?? "-absGap").replace(/^-/, "");
  const dir = q.sort?.startsWith("-") || !q.sort ? "desc" : "asc";
  const order = sql.raw(`${SORT_SQL[sortKey] ?? "abs(l.gap)"} ${dir} nulls last, d.code, p.sku`);
  const offset = decodeCursor(q.cursor);

  const rows = await db.execute(sql`
    select d.code as distributor, d.name as distributor_name, p.sku, p.description, p.family,
           l.opening, l.sell_in, l.sell_through, l.returns, l.adjustments, l.calculated, l.reported,
           l.gap, l.gap_pct::float8 as gap_pct, l.new_gap, l.weeks_of_supply::float8 as weeks_of_supply, l.flags
    ${from} order by ${order} limit ${q.limit + 1} offset ${offset}`);
  const [tot] = asRows(await db.execute(sql`
    select count(*)::int as rows, coalesce(sum(l.opening),0)::float8 as opening, coalesce(sum(l.sell_in),0)::float8 as sell_in,
           coalesce(sum(l.sell_through),0)::float8 as sell_through, coalesce(sum(l.returns),0)::float8 as returns,
           coalesce(sum(l.adjustments),0)::float8 as adjustments, coalesce(sum(l.calculated),0)::float8 as calculated,
           coalesce(sum(l.reported),0)::float8 as reported, coalesce(sum(l.gap),0)::float8 as gap
    ${from}`));
  const list = asRows(rows);
  const more = list.length > q.limit;
  return {
    period,
    rows: list.slice(0, q.limit).map(toGapRow),
    totals: {
      rows: Number(tot?.rows ?? 0), opening: Number(tot?.opening ?? 0), sellIn: Number(tot?.sell_in ?? 0),
      sellThrough: Number(tot?.sell_through ?? 0), returns: Number(tot?.returns ?? 0), adjustments: Number(tot?.adjustments ?? 0),
      calculated: Number(tot?.calculated ?? 0), reported: Number(tot?.reported ?? 0), gap: Number(tot?.gap ?? 0),
    },
    nextCursor: more ? Buffer.from(String(offset + q.limit)).toString("base64url") : null,
  };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toGapRow(r: Record<string, unknown>): GapRow {
  return {
    distributor: String(r.distributor), distributorName: String(r.distributor_name), sku: String(r.sku),
    description: String(r.description), family: String(r.family),
    opening: Number(r.opening), sellIn: Number(r.sell_in), sellThrough: Number(r.sell_through), returns: Number(r.returns),
    adjustments: Number(r.adjustments), calculated: Number(r.calculated), reported: num(r.reported), gap: num(r.gap),
    gapPct: num(r.gap_pct), newGap: num(r.new_gap), weeksOfSupply: num(r.weeks_of_supply), flags: (r.flags as string[]) ?? [],
  };
}
