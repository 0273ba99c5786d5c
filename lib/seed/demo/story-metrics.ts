/**
 * Recomputes the ledger from a DemoData set, independently of the generator's internals, so tests
 * (and anyone curious) can check the story: calculated(t) = calculated(t−1) + sellIn − sold −
 * returned + signed adjustments, starting at 0; reported is the latest revision's on-hand.
 */
import type { DemoData } from "./index";

export interface LedgerRow {
  distributorCode: string;
  sku: string;
  period: string;
  opening: number;
  sellIn: number;
  sold: number;
  returned: number;
  adjustments: number;
  calculated: number;
  /** null when the SKU is not on the latest revision (or nothing was submitted). */
  reported: number | null;
  gap: number | null;
  note?: string;
}

const SIGN = { adjustment_in: 1, transfer_in: 1, adjustment_out: -1, transfer_out: -1 } as const;

export type Submission = DemoData["submissions"][number];

/** Latest revision per distributor|period. */
export function latestRevisions(data: DemoData): Map<string, Submission> {
  const out = new Map<string, Submission>();
  for (const s of data.submissions) out.set(`${s.distributorCode}|${s.period}`, s);
  return out;
}

/** First revision per distributor|period (timeliness is judged on it). */
export function firstRevisions(data: DemoData): Map<string, Submission> {
  const out = new Map<string, Submission>();
  for (const s of data.submissions) if (!out.has(`${s.distributorCode}|${s.period}`)) out.set(`${s.distributorCode}|${s.period}`, s);
  return out;
}

/** Rows keyed "code|sku|period", from each distributor × SKU's first activity on. */
export function recomputeLedger(data: DemoData): Map<string, LedgerRow> {
  const add = (m: Map<string, number>, k: string, q: number) => m.set(k, (m.get(k) ?? 0) + q);
  const sellIn = new Map<string, number>();
  const adj = new Map<string, number>();
  const pairs = new Set<string>();
  for (const s of data.shipments) {
    add(sellIn, `${s.distributorCode}|${s.sku}|${s.shipDate.slice(0, 7)}`, s.quantity);
    pairs.add(`${s.distributorCode}|${s.sku}`);
  }
  for (const a of data.adjustments) {
    add(adj, `${a.distributorCode}|${a.sku}|${a.period}`, SIGN[a.type] * a.quantity);
    pairs.add(`${a.distributorCode}|${a.sku}`);
  }
  const lines = new Map<string, Submission["lines"][number]>();
  for (const s of latestRevisions(data).values()) {
    for (const l of s.lines) {
      lines.set(`${s.distributorCode}|${l.sku}|${s.period}`, l);
      pairs.add(`${s.distributorCode}|${l.sku}`);
    }
  }
  const rows = new Map<string, LedgerRow>();
  for (const pair of pairs) {
    const [distributorCode, sku] = pair.split("|") as [string, string];
    let calculated = 0;
    let started = false;
    for (const period of data.periods) {
      const k = `${pair}|${period}`;
      const line = lines.get(k);
      const inQty = sellIn.get(k) ?? 0;
      const adjQty = adj.get(k) ?? 0;
      started ||= line !== undefined || inQty !== 0 || adjQty !== 0;
      if (!started) continue;
      const opening = calculated;
      const sold = line?.sold ?? 0;
      const returned = line?.returned ?? 0;
      calculated = opening + inQty - sold - returned + adjQty;
      const reported = line ? line.onHand : null;
      rows.set(k, {
        distributorCode, sku, period, opening, sellIn: inQty, sold, returned, adjustments: adjQty, calculated, reported,
        gap: reported === null ? null : calculated - reported, note: line?.note,
      });
    }
  }
  return rows;
}

/** Per distributor and period: Σ sold, Σ sell-in, Σ reported on-hand (latest revisions). */
export function totals(data: DemoData, code: string) {
  const latest = latestRevisions(data);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return data.periods.map((p) => {
    const lines = latest.get(`${code}|${p}`)?.lines ?? [];
    return {
      period: p,
      sold: sum(lines.map((l) => l.sold)),
      onHand: sum(lines.map((l) => l.onHand)),
      sellIn: sum(data.shipments.filter((s) => s.distributorCode === code && s.shipDate.startsWith(p)).map((s) => s.quantity)),
    };
  });
}

/** Story metrics for the latest period: weeks of supply, burn ratio (Σ3 sold / Σ3 sell-in), slow ratio (Σ3 / prior Σ3). */
export function storyMetrics(data: DemoData, code: string) {
  const t = totals(data, code);
  const n = t.length;
  const sum = (from: number, to: number, f: (x: (typeof t)[number]) => number) => t.slice(from, to).reduce((a, x) => a + f(x), 0);
  const sold3 = sum(n - 3, n, (x) => x.sold);
  const prior3 = sum(n - 6, n - 3, (x) => x.sold);
  const in3 = sum(n - 3, n, (x) => x.sellIn);
  return {
    weeksOfSupply: t[n - 1]!.onHand / (sold3 / 3 / 4.345),
    burnRatio: sold3 / in3,
    slowRatio: sold3 / prior3,
    onHandLatest: t[n - 1]!.onHand,
    onHand3Before: t[n - 4]!.onHand,
  };
}
