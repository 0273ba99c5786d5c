/**
 * Realistic noise in the demo's latest ended month, so the submission check has something to say on
 * any day (issue 14 item 8): one partner (the fast-selling one, which reports early in the month)
 * sends an **outlier** — a large order of a SKU with steady sales, more than 3× its trailing median
 * and at least 50 above it, with stock that was there (so no gap opens) — and a **stale prefill** —
 * the on-hand of another SKU left at last month's figure although this month's sales moved it (a gap
 * opens and nobody explained it: that is the point). Both are listed in `DemoData.noise`.
 */
import type { SkuHistory } from "./simulate";
import type { DemoSubmissionLine } from "./submissions";

export interface DemoNoise {
  distributorCode: string;
  sku: string;
  period: string;
  kind: "outlier" | "stale_prefill";
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Changes `lines` (the latest month's report) in place; returns what it changed. */
export function addLatestMonthNoise(code: string, period: string, idx: number, lines: DemoSubmissionLine[], histories: SkuHistory[]): DemoNoise[] {
  const out: DemoNoise[] = [];
  const history = new Map(histories.map((h) => [h.sku, h]));
  const steady = (h: SkuHistory) => idx >= 6 && h.start <= idx - 6 && h.sold.slice(idx - 6, idx).every((s) => s > 0);

  for (const line of lines) {
    const h = history.get(line.sku);
    if (!h || !steady(h) || line.note) continue;
    const m = median(h.sold.slice(idx - 6, idx));
    const target = Math.ceil(Math.max(3 * m + 1, m + 50));
    const extra = target - line.sold;
    if (extra <= 0 || line.onHand < extra) continue;
    line.sold += extra; // a project order out of stock on hand: reported on hand falls with it, no gap
    line.onHand -= extra;
    out.push({ distributorCode: code, sku: line.sku, period, kind: "outlier" });
    break;
  }
  for (const line of lines) {
    const h = history.get(line.sku);
    if (!h || h.start > idx - 1 || line.note || out.some((n) => n.sku === line.sku)) continue;
    const last = h.onHand[idx - 1]!;
    if (line.sold === 0 || line.onHand === last || last === 0) continue;
    line.onHand = last; // the prefill left untouched
    out.push({ distributorCode: code, sku: line.sku, period, kind: "stale_prefill" });
    break;
  }
  return out;
}
