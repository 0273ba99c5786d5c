/**
 * The physical truth per distributor × SKU, month by month, and what the distributor reports.
 *
 *   physical(t) = physical(t−1) + sellIn(t) − trulySold(t) − trulyReturned(t) − losses(t)   (never < 0)
 *   ledger:  calculated(t) = calculated(t−1) + sellIn(t) − reportedSold(t) − reportedReturned(t) + adjustments(t)
 *
 * Reported on-hand is always the physical count, so the gap calculated − onHand only opens where a
 * cause is planted (and at the worked example): a delayed POS (sold under-reported by X, then
 * over-reported by X), a transfer / damage / unprocessed return (units physically gone), until an
 * approved adjustment or a later reported return closes it.
 */
import type { DistributorDef } from "./cast";
import type { PlantAt, SkuPlan } from "./plan";
import { monthName, monthOf } from "./periods";
import { createRng } from "./prng";

/** Q1 ramp, summer dip, Q4 peak. Index 0 = January. */
const SEASON = [0.92, 0.96, 1.05, 1.0, 1.0, 0.9, 0.84, 0.88, 1.04, 1.12, 1.18, 1.06];

export interface SkuHistory {
  sku: string;
  start: number;
  sellIn: number[];
  /** Reported (what the submission line says). */
  sold: number[];
  returned: number[];
  /** Physical count at period end = reported on-hand. */
  onHand: number[];
  notes: (string | undefined)[];
  omitted: boolean[];
}

export interface PlannedAdjustment {
  sku: string;
  idx: number;
  type: "adjustment_in" | "adjustment_out" | "transfer_in" | "transfer_out";
  quantity: number;
  reason: string;
}

export interface PlannedTypo {
  sku: string;
  idx: number;
  wrongOnHand: number;
}

export interface SkuResult {
  history: SkuHistory;
  adjustments: PlannedAdjustment[];
  typos: PlannedTypo[];
}

const roundTo = (x: number, step: number) => Math.round(x / step) * step;

function trend(def: DistributorDef, t: number, n: number): number {
  const growth = 1 + 0.008 * t;
  if (def.story === "slowing" && t >= n - 3) return growth * [0.5, 0.45, 0.4][t - (n - 3)]!;
  return growth;
}

/** Typo for a reporting error: digits transposed, or an extra zero when that changes nothing. */
export function typoOf(value: number): number {
  const s = String(value);
  if (s.length >= 3 && s[1] !== s[2]) return Number(s[0]! + s[2] + s[1] + s.slice(3));
  return value * 10;
}

export function simulateSku(def: DistributorDef, plan: SkuPlan, plants: PlantAt[], periods: string[]): SkuResult {
  const n = periods.length;
  const rng = createRng(`${def.code}|${plan.sku}|sim`);
  const zeros = () => new Array<number>(n).fill(0);
  const h: SkuHistory = {
    sku: plan.sku, start: plan.start, sellIn: zeros(), sold: zeros(), returned: zeros(), onHand: zeros(),
    notes: new Array<string | undefined>(n).fill(undefined), omitted: new Array<boolean>(n).fill(false),
  };
  const adjustments: PlannedAdjustment[] = [];
  const typos: PlannedTypo[] = [];
  const note = (t: number, text: string) => (h.notes[t] = h.notes[t] ? `${h.notes[t]}; ${text}` : text);
  const expected = (t: number, lag = 0) => plan.base * SEASON[monthOf(periods[t]!) - 1]! * trend(def, Math.max(0, t - lag), n);
  const packUp = (x: number) => Math.ceil(Math.max(0, x) / plan.pack) * plan.pack;
  const packNear = (x: number) => roundTo(Math.max(0, x), plan.pack);

  let physical = 0;
  for (let t = plan.start; t < n; t++) {
    const f = expected(t, def.story === "slowing" ? 2 : 0);
    let sellIn: number;
    if (plan.fixed && plan.fixed.idx === t) sellIn = plan.fixed.sellIn;
    else if (def.story === "excess" && t >= n - 10) sellIn = packNear(1.8 * f);
    else if (def.story === "burning" && t >= n - 4) sellIn = packNear(0.3 * f);
    else {
      const need = (def.targetMonths + 1) * f - physical;
      sellIn = need > 0.35 * f ? packUp(need) : 0;
    }
    const available = physical + sellIn;

    let demand = Math.round(expected(t) * Math.max(0.3, 1 + 0.18 * rng.normal()));
    if (plan.base < 40 && rng.chance(0.25)) demand = 0;
    if (plan.fixed && plan.fixed.idx === t) demand = plan.fixed.sold;
    if (plan.omitIdx === t) demand = 0;
    const sold = Math.min(demand, available);

    let returned = 0;
    if (t > plan.start + 2 && plan.omitIdx !== t && !plan.fixed && rng.chance(0.035) && physical > 1.5 * f) {
      returned = Math.min(Math.floor((physical * (0.05 + 0.1 * rng.next())) / plan.pack) * plan.pack, available - sold);
    }

    let loss = plan.fixed && plan.fixed.idx === t ? plan.fixed.loss : 0;
    const rest = available - sold - returned;
    h.sellIn[t] = sellIn;
    h.sold[t] += sold;
    h.returned[t] += returned;

    for (const p of plants.filter((q) => q.idx === t)) {
      const month = monthName(periods[t]!);
      if (p.cause === "delayed_pos") {
        const x = Math.round(0.3 * sold);
        if (x === 0) continue;
        h.sold[t] -= x;
        note(t, `${x} units invoiced at ${month} month-end will be in next month's POS (billing cut-off)`);
        if (t + 1 < n) {
          h.sold[t + 1] += x;
          note(t + 1, `Includes ${x} units invoiced at ${month} month-end (billing cut-off)`);
        }
      } else if (p.cause === "transfer" || p.cause === "damaged" || p.cause === "unprocessed_return") {
        const share = p.cause === "transfer" ? 0.3 : p.cause === "damaged" ? 0.1 : 0.15;
        const x = Math.min(rest - loss, Math.max(5, roundTo(share * rest, 5)));
        if (x <= 0) continue;
        loss += x;
        const rma = `RMA-${def.code}-${4100 + t * 37}`;
        if (p.cause === "transfer") {
          note(t, `${x} units transferred to our ${def.branch} branch (not covered by this report)`);
          adjustments.push({ sku: plan.sku, idx: p.closeIdx!, type: "transfer_out", quantity: x, reason: `Approved: ${x} units transferred to the ${def.branch} branch in ${month}` });
        } else if (p.cause === "damaged") {
          note(t, `${x} units damaged in the warehouse (water leak) and scrapped`);
          adjustments.push({ sku: plan.sku, idx: p.closeIdx!, type: "adjustment_out", quantity: x, reason: `Approved scrap: ${x} units damaged in ${month}` });
        } else {
          note(t, `${rma}: ${x} units shipped back to Halcyon, return not yet processed`);
          if (p.closeIdx !== undefined) {
            h.returned[p.closeIdx] += x;
            note(p.closeIdx, `${rma} processed: ${x} units included in returned`);
          }
        }
      }
    }
    physical = rest - loss;
    h.onHand[t] = physical;
    if (plan.omitIdx === t) h.omitted[t] = true;
  }
  for (const p of plants) {
    if (p.cause === "reporting_error" && h.onHand[p.idx]! >= 10) typos.push({ sku: plan.sku, idx: p.idx, wrongOnHand: typoOf(h.onHand[p.idx]!) });
  }
  return { history: h, adjustments, typos };
}
