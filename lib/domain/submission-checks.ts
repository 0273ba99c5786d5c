/**
 * The one check a report goes through before it is stored (PRODUCT.md, "Trust at the point of
 * entry"), the same for the screen, uploads and the API. Pure: the data layer gathers the ledger
 * context, this decides.
 *
 * Per row (a row can carry several flags):
 * - `out_of_tolerance` — |gap| at or above the significant-mismatch thresholds (units or % of
 *   calculated), gap = calculated − reported, calculated = opening + received − sold − returned + adjustments;
 * - `impossible` — sold + returned more than was available (opening + received + adjustments):
 *   calculated would go negative;
 * - `outlier` — sold more than `outlierFactor` × the median of the SKU's last 6 reported periods
 *   and at least `outlierMinUnits` above it, or 0 sold where every one of at least 3 recent periods
 *   had sales (median ≥ `steadyMinUnits`);
 * - `stale_prefill` — on hand left exactly at last period's reported value although received,
 *   sold, returned or adjustments moved the stock;
 * - `not_in_file` — an applied upload did not mention the SKU (for a line-level POS file, which lists
 *   every sale, only while the row still has sold or returned: 0 is what the file says).
 */
import { gap as gapOf, gapPct as gapPctOf, isSignificantGap } from "./ledger";

export const CHECK_KINDS = ["out_of_tolerance", "impossible", "outlier", "stale_prefill", "not_in_file"] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const CHECK_KIND_LABELS: Readonly<Record<CheckKind, string>> = {
  out_of_tolerance: "Differs from our calculation",
  impossible: "More out than was available",
  outlier: "Far from your usual sales",
  stale_prefill: "On hand not updated",
  not_in_file: "Not in your file",
};

export const CONFIRM_REASONS = ["physical_count", "in_transit", "consignment", "damaged", "other"] as const;
export type ConfirmReason = (typeof CONFIRM_REASONS)[number];
export const CONFIRM_REASON_LABELS: Readonly<Record<ConfirmReason, string>> = {
  physical_count: "Physical count",
  in_transit: "In transit",
  consignment: "Consignment",
  damaged: "Damaged",
  other: "Other",
};

export type Confirmation = { reason: ConfirmReason; note?: string | null };

export type CheckLine = { sku: string; sold: number; returned: number; onHand: number; confirm?: Confirmation | null };

/** What the ledger knows about one SKU of this distributor × period. */
export type CheckContext = {
  opening: number;
  received: number;
  /** Approved corrections booked in the period (signed). */
  adjustments: number;
  /** On hand of the previous period's latest revision, null when it did not report the SKU. */
  lastOnHand: number | null;
  /** Sold in the SKU's last reported periods (up to 6, any order). */
  history: readonly number[];
};

export type CheckThresholds = {
  /** Significant mismatch from this many units … */
  gapUnits: number;
  /** … or this percentage of calculated (10 means 10 %). */
  gapPct: number;
  outlierFactor: number;
  outlierMinUnits: number;
  /** "Steady sales": a median of at least this many units a period. */
  steadyMinUnits: number;
};

export const DEFAULT_CHECK_THRESHOLDS: Readonly<CheckThresholds> = Object.freeze({
  gapUnits: 50,
  gapPct: 10,
  outlierFactor: 3,
  outlierMinUnits: 50,
  steadyMinUnits: 10,
});

export type RowFlag = { sku: string; kind: CheckKind; message: string };

/** Periods of history an outlier needs before it is judged. */
export const OUTLIER_MIN_HISTORY = 3;
export const HISTORY_PERIODS = 6;

const EMPTY: CheckContext = Object.freeze({ opening: 0, received: 0, adjustments: 0, lastOnHand: null, history: [] });

const fmt = (n: number) => n.toLocaleString("en-US");

/** Median of a list (mean of the middle two for an even count); null for an empty list. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** "opening 5 + received 100 − sold 6,078": the parts that are not zero. */
function sumText(ctx: CheckContext, line?: CheckLine): string {
  const parts: string[] = [`opening ${fmt(ctx.opening)}`];
  if (ctx.received) parts.push(`+ received ${fmt(ctx.received)}`);
  if (ctx.adjustments) parts.push(`${ctx.adjustments < 0 ? "−" : "+"} corrections ${fmt(Math.abs(ctx.adjustments))}`);
  if (line) {
    parts.push(`− sold ${fmt(line.sold)}`);
    if (line.returned) parts.push(`− returned ${fmt(line.returned)}`);
  }
  return parts.join(" ");
}

/** "1,000 came in and 700 were sold". */
function movementText(ctx: CheckContext, line: CheckLine): string {
  const parts: string[] = [];
  if (ctx.received) parts.push(`${fmt(ctx.received)} came in`);
  if (line.sold) parts.push(`${fmt(line.sold)} ${line.sold === 1 ? "was" : "were"} sold`);
  if (line.returned) parts.push(`${fmt(line.returned)} went back to us`);
  if (ctx.adjustments) parts.push(`corrections moved ${ctx.adjustments > 0 ? "+" : "−"}${fmt(Math.abs(ctx.adjustments))}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]!;
}

/** The flags of one row. */
export type FileKind = "pos_lines" | "summary";

export function checkLine(
  line: CheckLine,
  context: CheckContext | undefined,
  t: CheckThresholds = DEFAULT_CHECK_THRESHOLDS,
  file?: { has: boolean; kind: FileKind },
): RowFlag[] {
  const ctx = context ?? EMPTY;
  const flags: RowFlag[] = [];
  const sku = line.sku;
  const available = ctx.opening + ctx.received + ctx.adjustments;
  const out = line.sold + line.returned;
  const calc = available - out;

  if (out > Math.max(available, 0)) {
    const what = line.returned ? `Sold ${fmt(line.sold)} and returned ${fmt(line.returned)}` : `Sold ${fmt(line.sold)}`;
    flags.push({ sku, kind: "impossible", message: `${what} but only ${fmt(Math.max(available, 0))} were available (${sumText(ctx)})` });
  }

  const g = gapOf(calc, line.onHand)!;
  const pct = gapPctOf(g, calc);
  if (isSignificantGap(g, pct, { gapUnits: t.gapUnits, gapPct: t.gapPct, excessWeeks: 0, burnRatio: 0, slowRatio: 0 })) {
    flags.push({
      sku,
      kind: "out_of_tolerance",
      message:
        `On hand ${fmt(line.onHand)}, but by our books you should have ${fmt(calc)} (${sumText(ctx, line)}): ` +
        `gap ${g > 0 ? "" : "−"}${fmt(Math.abs(g))}${pct === null ? "" : ` (${pct < 0 ? "−" : ""}${Math.abs(pct).toLocaleString("en-US")} %)`}; the limit is ${fmt(t.gapUnits)} units or ${t.gapPct} %`,
    });
  }

  const history = ctx.history.slice(0, HISTORY_PERIODS);
  const m = history.length >= OUTLIER_MIN_HISTORY ? median(history) : null;
  if (m !== null) {
    if (line.sold > t.outlierFactor * m && line.sold - m >= t.outlierMinUnits) {
      flags.push({ sku, kind: "outlier", message: `Sold ${fmt(line.sold)}, against your usual ${fmt(m)} a period (median of the last ${history.length} periods)` });
    } else if (line.sold === 0 && m >= t.steadyMinUnits && history.every((h) => h > 0)) {
      flags.push({ sku, kind: "outlier", message: `Sold 0, but you sold every period before (usually ${fmt(m)}, median of the last ${history.length} periods)` });
    }
  }

  const moved = ctx.received - line.sold - line.returned + ctx.adjustments;
  if (ctx.lastOnHand !== null && line.onHand === ctx.lastOnHand && moved !== 0) {
    flags.push({ sku, kind: "stale_prefill", message: `On hand is still last period’s ${fmt(line.onHand)} although ${movementText(ctx, line)}` });
  }

  if (file && !file.has && !(file.kind === "pos_lines" && line.sold === 0 && line.returned === 0)) {
    flags.push({ sku, kind: "not_in_file", message: `Not in the file you uploaded: check that ${fmt(line.sold)} sold and ${fmt(line.onHand)} on hand are right` });
  }
  return flags;
}

/**
 * The flags of every row, in line order. `contexts` is keyed by upper-case SKU; `file` holds the
 * (upper-case) SKUs an applied upload mentioned and its kind, or null when the lines did not come from one.
 */
export function checkSubmission(
  lines: readonly CheckLine[],
  contexts: ReadonlyMap<string, CheckContext>,
  t: CheckThresholds = DEFAULT_CHECK_THRESHOLDS,
  file: { skus: ReadonlySet<string>; kind: FileKind } | null = null,
): RowFlag[] {
  return lines.flatMap((l) => {
    const key = l.sku.toUpperCase();
    return checkLine(l, contexts.get(key), t, file ? { has: file.skus.has(key), kind: file.kind } : undefined);
  });
}

/** Flags not answered by a confirmation on their line (what the screen still has to review). */
export function unconfirmed(flags: readonly RowFlag[], lines: readonly CheckLine[]): RowFlag[] {
  const confirmed = new Set(lines.filter((l) => l.confirm).map((l) => l.sku.toUpperCase()));
  return flags.filter((f) => !confirmed.has(f.sku.toUpperCase()));
}
