/**
 * Per-row ledger arithmetic (PRODUCT.md, "Vocabulary and arithmetic"). Pure functions; the SQL in
 * lib/dal/ledger computes the same numbers and must keep agreeing with these.
 */
import { roundQuotient } from "./rounding";

/** One distributor × product × period, columns already summed from movements. */
export type PeriodFacts = {
  /** Opening-balance movements in this period; added to opening (normally only in the first period). */
  opening_balance?: number;
  sellIn: number;
  /** Net units resold (sell-through minus end-customer returns). */
  sellThrough: number;
  /** Units returned to the manufacturer. */
  returns: number;
  /** Signed approved corrections (transfers, damage, count corrections). */
  adjustments: number;
  /** On hand reported by the distributor at period end, null when not reported. */
  reported: number | null;
};

export type HealthThresholds = {
  /** Excess above this many weeks of supply. */
  excessWeeks: number;
  /** Burning down when Σ3 sell-through ≥ burnRatio × Σ3 sell-in. */
  burnRatio: number;
  /** Slowing when Σ3 sell-through ≤ slowRatio × the prior Σ3. */
  slowRatio: number;
  /** A gap (or new gap) is significant from this many units … */
  gapUnits: number;
  /** … or from this percentage of calculated (20 means 20 %). */
  gapPct: number;
};

export const DEFAULT_THRESHOLDS: Readonly<HealthThresholds> = Object.freeze({
  excessWeeks: 12,
  burnRatio: 1.3,
  slowRatio: 0.7,
  gapUnits: 50,
  gapPct: 10,
});

/** Weeks per month used by weeks of supply (52.14 / 12). */
export const WEEKS_PER_MONTH = 4.345;

export const FLAGS = ["excess", "burning_down", "slowing", "new_gap", "unreported"] as const;
export type Flag = (typeof FLAGS)[number];

/** The movement columns of a ledger row and the balance they give: calculated = opening + sellIn − sellThrough − returns + adjustments. */
export type LedgerMovements = {
  opening: number;
  sellIn: number;
  sellThrough: number;
  returns: number;
  adjustments: number;
  calculated: number;
};

/** A ledger row as it stands: its movements, and calculated against what the distributor reported. */
export type LedgerBalance = LedgerMovements & {
  reported: number | null;
  gap: number | null;
  gapPct: number | null;
};

export type LedgerRow = LedgerBalance & {
  newGap: number | null;
  weeksOfSupply: number | null;
  /** Σ sell-through / sell-in over this and the two previous periods, and Σ sell-through of the three before. */
  sellThrough3: number;
  sellIn3: number;
  sellThroughPrior3: number;
  flags: Flag[];
};

/** The figures of one distributor × SKU × period as screens and exports show them. */
export type LedgerFigures = Omit<LedgerRow, "sellThrough3" | "sellIn3" | "sellThroughPrior3" | "flags">;

/** opening(t) = calculated(t−1) + opening-balance movements of t. */
export function openingFor(previousCalculated: number, f: Pick<PeriodFacts, "opening_balance">): number {
  return previousCalculated + (f.opening_balance ?? 0);
}

/**
 * calculated = opening + sellIn − sellThrough − returns + adjustments.
 * `opening` must already include the period's opening_balance (see openingFor); it is not added again.
 */
export function calculated(opening: number, f: Omit<PeriodFacts, "reported" | "opening_balance">): number {
  return opening + f.sellIn - f.sellThrough - f.returns + f.adjustments;
}

/** gap = calculated − reported; null when nothing was reported. */
export function gap(calculatedUnits: number, reported: number | null): number | null {
  return reported === null ? null : calculatedUnits - reported;
}

/** gap as a percentage of calculated (20 means 20 %), 2 decimals; null when calculated is 0 or gap is null. */
export function gapPct(gapUnits: number | null, calculatedUnits: number): number | null {
  if (gapUnits === null || calculatedUnits === 0) return null;
  return roundQuotient(gapUnits * 100, calculatedUnits, 2);
}

/** new gap = gap − previous gap (a missing previous gap counts as 0); null when gap is null. */
export function newGap(gapUnits: number | null, previousGap: number | null): number | null {
  return gapUnits === null ? null : gapUnits - (previousGap ?? 0);
}

/**
 * Weeks of supply = reported / (mean monthly sell-through ÷ 4.345), 1 decimal. The mean is over the
 * periods given (up to 3; fewer at the start of a history). Null when reported is null or mean ≤ 0.
 */
export function weeksOfSupply(reported: number | null, last3SellThrough: number[]): number | null {
  const n = last3SellThrough.length;
  const sum = last3SellThrough.reduce((a, b) => a + b, 0);
  if (reported === null || n === 0 || sum <= 0) return null;
  // reported × n × 4.345 / sum, with 4.345 = 869/200 so integers stay exact.
  return roundQuotient(reported * n * 869, 200 * sum, 1);
}

/** Ratios are applied at percent precision (1.3 → 130 %), exactly as the SQL does, so boundaries agree. */
const pct = (ratio: number) => Math.round(ratio * 100);

/**
 * Excess: reported > 0 and either no trailing sell-through (Σ ≤ 0) or unrounded weeks of supply
 * strictly above thresholds.excessWeeks.
 */
export function isExcess(reported: number | null, last3SellThrough: number[], t: HealthThresholds = DEFAULT_THRESHOLDS): boolean {
  if (reported === null || reported <= 0) return false;
  const n = last3SellThrough.length;
  const sum = last3SellThrough.reduce((a, b) => a + b, 0);
  if (n === 0 || sum <= 0) return true;
  return reported * n * 869 > t.excessWeeks * sum * 200;
}

/** Burning down: Σ3 sell-through > 0 and Σ3 sell-through ≥ burnRatio × Σ3 sell-in (channel draining). */
export function isBurningDown(sellThrough3: number, sellIn3: number, t: HealthThresholds = DEFAULT_THRESHOLDS): boolean {
  return sellThrough3 > 0 && 100 * sellThrough3 >= pct(t.burnRatio) * sellIn3;
}

/** Slowing: prior Σ3 sell-through > 0 and trailing Σ3 ≤ slowRatio × prior Σ3. */
export function isSlowing(sellThrough3: number, sellThroughPrior3: number, t: HealthThresholds = DEFAULT_THRESHOLDS): boolean {
  return sellThroughPrior3 > 0 && 100 * sellThrough3 <= pct(t.slowRatio) * sellThroughPrior3;
}

/** Significant: |gap| ≥ gapUnits or |gap %| ≥ gapPct. A null gap is never significant. */
export function isSignificantGap(gapUnits: number | null, gapPercent: number | null, t: HealthThresholds = DEFAULT_THRESHOLDS): boolean {
  if (gapUnits === null) return false;
  return Math.abs(gapUnits) >= t.gapUnits || (gapPercent !== null && Math.abs(gapPercent) >= t.gapPct);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Runs the ledger over one distributor × product history, ordered oldest → newest and dense (one
 * entry per consecutive period). Trailing windows are the current and two previous periods (fewer
 * at the start); the prior window is the three before those.
 */
export function runLedger(history: PeriodFacts[], t: HealthThresholds = DEFAULT_THRESHOLDS): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let previousCalculated = 0;
  let previousGap: number | null = null;
  history.forEach((f, i) => {
    const opening = openingFor(previousCalculated, f);
    const calc = calculated(opening, f);
    const g = gap(calc, f.reported);
    const ng = newGap(g, previousGap);
    const last3 = history.slice(Math.max(0, i - 2), i + 1);
    const prior3 = history.slice(Math.max(0, i - 5), Math.max(0, i - 2));
    const st3Values = last3.map((p) => p.sellThrough);
    const st3 = sum(st3Values);
    const si3 = sum(last3.map((p) => p.sellIn));
    const stPrior3 = sum(prior3.map((p) => p.sellThrough));
    // % of the new gap is exact (unrounded), relative to this period's calculated balance.
    const newGapPercent = ng === null || calc === 0 ? null : (ng * 100) / calc;

    const on: Record<Flag, boolean> = {
      excess: isExcess(f.reported, st3Values, t),
      burning_down: isBurningDown(st3, si3, t),
      slowing: isSlowing(st3, stPrior3, t),
      new_gap: ng !== null && isSignificantGap(ng, newGapPercent, t),
      unreported: f.reported === null,
    };
    rows.push({
      opening,
      sellIn: f.sellIn,
      sellThrough: f.sellThrough,
      returns: f.returns,
      adjustments: f.adjustments,
      calculated: calc,
      reported: f.reported,
      gap: g,
      gapPct: gapPct(g, calc),
      newGap: ng,
      weeksOfSupply: weeksOfSupply(f.reported, st3Values),
      sellThrough3: st3,
      sellIn3: si3,
      sellThroughPrior3: stPrior3,
      flags: FLAGS.filter((flag) => on[flag]),
    });
    previousCalculated = calc;
    previousGap = g;
  });
  return rows;
}
