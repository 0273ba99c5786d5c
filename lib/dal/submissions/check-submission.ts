/**
 * `checkLines(db, { distributorId, period, lines, productIds, uploadId?, daysLate, settings })` →
 * `{ flags, byLine, quality }`
 *
 * Gathers the ledger context of a report about to be stored — per SKU the opening, received and
 * approved corrections of the period (the maintained ledger, as the submission screen shows them),
 * on hand of the previous period's latest revision, sold in the last 6 periods' latest revisions,
 * the SKUs an applied upload mentioned — and runs the one check of `lib/domain/submission-checks`
 * and the quality score of `lib/domain/quality`. Reads only; the caller (submitPeriod, its dry run)
 * scopes the distributor. Called before the new revision is written, so nothing read here depends on it.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { addPeriods, periodToDate } from "@/lib/domain/periods";
import { qualityScore, type Quality } from "@/lib/domain/quality";
import {
  DEFAULT_CHECK_THRESHOLDS,
  HISTORY_PERIODS,
  checkLine,
  type CheckContext,
  type CheckThresholds,
  type FileKind,
  type RowFlag,
} from "@/lib/domain/submission-checks";
import type { SubmissionLine } from "@/lib/validation/submission";
import type { Settings } from "../settings/get-settings";
import { firstRow, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";

/**
 * Thrown by `submitPeriod(…, { requireReview: true })` (the screen) when flagged lines are neither
 * fixed nor confirmed: the transaction is rolled back, nothing is stored.
 */
export class ReviewRequired extends Error {
  constructor(
    readonly flags: RowFlag[],
    readonly quality: Quality,
  ) {
    super(`${flags.length} flagged line${flags.length === 1 ? "" : "s"} to fix or confirm; nothing was stored`);
    this.name = "ReviewRequired";
  }
}

export interface CheckOutcome {
  /** Every flag, in line order. */
  flags: RowFlag[];
  /** The flags of line i. */
  byLine: RowFlag[][];
  quality: Quality;
}

export function thresholdsOf(s: Pick<Settings, "gapUnitsThreshold" | "gapPctThreshold" | "outlierFactor" | "outlierMinUnits">): CheckThresholds {
  return {
    ...DEFAULT_CHECK_THRESHOLDS,
    gapUnits: s.gapUnitsThreshold,
    gapPct: s.gapPctThreshold,
    outlierFactor: s.outlierFactor,
    outlierMinUnits: s.outlierMinUnits,
  };
}

/** A product's ledger context: `[product id, context]`. */
const ctxRow: RowMapper<[number, CheckContext]> = (r) => [
  num(r.product_id),
  {
    opening: num(r.opening),
    received: num(r.sell_in),
    adjustments: num(r.adjustments),
    lastOnHand: numOrNull(r.last_on_hand),
    // An int[] (array_agg), which both drivers answer as an array.
    history: ((r.history as unknown[] | null) ?? []).map(Number),
  },
];

export async function checkLines(
  db: Queryable,
  input: {
    distributorId: number;
    period: string;
    lines: readonly SubmissionLine[];
    productIds: readonly number[];
    uploadId?: string | null;
    daysLate: number;
    settings: Settings;
  },
): Promise<CheckOutcome> {
  const { distributorId: d, period } = input;
  const t = periodToDate(period);
  const prev = periodToDate(addPeriods(period, -1));
  const since = periodToDate(addPeriods(period, -HISTORY_PERIODS));
  const ids = [...new Set(input.productIds)];

  const ctx = await rows(
    db,
    sql`
with p as (select unnest(${sql.param(ids)}::int[]) as product_id),
hist as (
  -- The latest revisions of the last periods, their lines by primary key; one row per product.
  select l.product_id,
         max(l.on_hand) filter (where s.period = ${prev}::date) as last_on_hand,
         array_agg(l.sold order by s.period) as history
    from submissions s join submission_lines l on l.revision_id = s.latest_revision_id
   where s.distributor_id = ${d} and s.period between ${since}::date and ${prev}::date
     and l.product_id = any(${sql.param(ids)}::int[])
   group by l.product_id
)
select p.product_id,
       case when lb.period = ${t}::date then lb.opening else lb.calculated end as opening,
       case when lb.period = ${t}::date then lb.sell_in end as sell_in,
       case when lb.period = ${t}::date then lb.adjustments end as adjustments,
       h.last_on_hand,
       h.history
  from p
  left join hist h on h.product_id = p.product_id
  left join lateral (
    select b.period, b.opening, b.sell_in, b.adjustments, b.calculated from ledger_balances b
     where b.distributor_id = ${d} and b.product_id = p.product_id and b.period <= ${t}::date
     order by b.period desc limit 1) lb on true`,
    ctxRow,
  );
  const byProduct = new Map<number, CheckContext>(ctx);

  const required = await rows(
    db,
    sql`
      select product_id from ledger_balances
       where distributor_id = ${d} and period = ${t}::date and (opening > 0 or sell_in > 0)`,
    (r) => num(r.product_id),
  );

  let file: { skus: Set<string | null>; kind: FileKind } | null = null;
  if (input.uploadId) {
    const u = await firstRow(db, sql`select kind from uploads where id = ${input.uploadId}::uuid and distributor_id = ${d}`, (r) => ({ kind: str(r.kind) }));
    // A line without a sku answers null (never matched by a line's sku).
    const found = await rows(
      db,
      sql`
        select distinct upper(x->>'sku') as sku
          from uploads u, jsonb_array_elements(coalesce(u.result->'lines', '[]'::jsonb)) x
         where u.id = ${input.uploadId}::uuid and u.distributor_id = ${d}`,
      (r) => strOrNull(r.sku),
    );
    if (u) file = { skus: new Set(found), kind: u.kind === "pos_lines" ? "pos_lines" : "summary" };
  }

  const t0 = thresholdsOf(input.settings);
  const byLine = input.lines.map((l, i) =>
    checkLine(l, byProduct.get(input.productIds[i]!), t0, file ? { has: file.skus.has(l.sku.toUpperCase()), kind: file.kind } : undefined),
  );
  const flags = byLine.flat();
  const listed = new Set(input.productIds);
  const quality = qualityScore({
    lines: input.lines.length,
    required: required.length,
    requiredListed: required.filter((id) => listed.has(id)).length,
    flags,
    daysLate: input.daysLate,
  });
  return { flags, byLine, quality };
}
