/**
 * The demo data set, generated purely and deterministically: no database, no I/O, no clock.
 * `today` decides which 18 periods are covered (ending with the latest fully ended month, UTC) and
 * caps every submission time; everything else comes from fixed seeds. See cast.ts for who tells
 * which part of the story and plan.ts / simulate.ts for how gaps are planted.
 */
import { buildProducts } from "./catalogue";
import { DISTRIBUTORS, MANUFACTURER, MANUFACTURER_USERS, NORTHWIND_XREF, XREF_STYLES } from "./cast";
import { latestEndedPeriod, periodsEndingWith } from "./periods";
import { planDistributor } from "./plan";
import { createRng } from "./prng";
import { buildShipments, type DemoShipment } from "./shipments";
import { simulateSku } from "./simulate";
import { buildSubmissions, type DemoSubmission } from "./submissions";
import type { DemoNoise } from "./noise";

export { WORKED_EXAMPLE } from "./plan";
export { DISTRIBUTORS } from "./cast";

export const PERIOD_COUNT = 18;

export type DemoRole = "distributor" | "channel_manager" | "rebate_analyst" | "admin";
export type AdjustmentType = "adjustment_in" | "adjustment_out" | "transfer_in" | "transfer_out";

export interface DemoData {
  manufacturer: string;
  /** 18 "YYYY-MM" periods, oldest first, ending with the latest period fully ended before `today` (UTC). */
  periods: string[];
  distributors: { code: string; name: string; region: string; story: string }[];
  products: { sku: string; description: string; family: string; listPrice: string; upc: string | null }[];
  xrefs: { distributorCode: string; distributorPart: string; sku: string }[];
  users: { email: string; name: string; role: DemoRole; distributorCode: string | null }[];
  shipments: DemoShipment[];
  /** Each element is one revision; several for one distributor + period are successive revisions in array order. */
  submissions: DemoSubmission[];
  /** Approved manufacturer corrections (quantity > 0; the type gives the sign). */
  adjustments: { distributorCode: string; sku: string; period: string; type: AdjustmentType; quantity: number; reason: string }[];
  /** The latest month's deliberate noise (an outlier, a stale prefill): see noise.ts. */
  noise: DemoNoise[];
}

export function buildDemoData(today: Date): DemoData {
  const periods = periodsEndingWith(latestEndedPeriod(today), PERIOD_COUNT);
  const n = periods.length;
  const products = buildProducts();
  const data: DemoData = {
    manufacturer: MANUFACTURER,
    periods,
    distributors: DISTRIBUTORS.map((d) => ({ code: d.code, name: d.name, region: d.region, story: d.storyText })),
    products,
    xrefs: [],
    users: [
      ...MANUFACTURER_USERS.map((u) => ({ ...u, distributorCode: null })),
      ...DISTRIBUTORS.map((d) => ({ email: d.user.email, name: d.user.name, role: "distributor" as const, distributorCode: d.code })),
    ],
    shipments: [],
    submissions: [],
    adjustments: [],
    noise: [],
  };

  const documents = new Map<string, number>();
  const nextDocument = (period: string) => () => {
    const k = (documents.get(period) ?? 0) + 1;
    documents.set(period, k);
    return `SO-${period}-${String(k).padStart(4, "0")}`;
  };

  for (const def of DISTRIBUTORS) {
    const plan = planDistributor(def, products, n);
    const results = plan.skus.map((s) => simulateSku(def, s, plan.plants.filter((p) => p.sku === s.sku), periods));
    periods.forEach((period, idx) => {
      const quantities = plan.skus.map((s, i) => ({
        sku: s.sku, quantity: results[i]!.history.sellIn[idx]!, pack: s.pack, parts: s.fixed ? 2 : undefined,
      }));
      data.shipments.push(...buildShipments(def.code, period, quantities, nextDocument(period), createRng(`${def.code}|${period}|ship`)));
    });
    for (const r of results) {
      for (const a of r.adjustments) {
        data.adjustments.push({ distributorCode: def.code, sku: a.sku, period: periods[a.idx]!, type: a.type, quantity: a.quantity, reason: a.reason });
      }
    }
    data.submissions.push(
      ...buildSubmissions(def, periods, results.map((r) => r.history), results.flatMap((r) => r.typos), today.getTime(), data.noise),
    );

    if (def.code === "NWC") {
      data.xrefs.push(...NORTHWIND_XREF.map(([distributorPart, sku]) => ({ distributorCode: def.code, distributorPart, sku })));
    } else if (XREF_STYLES[def.code]) {
      const style = XREF_STYLES[def.code]!;
      const picked = createRng(`${def.code}|xref`).shuffle(plan.skus).slice(0, 10);
      picked.forEach((s, i) => data.xrefs.push({ distributorCode: def.code, distributorPart: style(s.sku, i), sku: s.sku }));
    }
  }
  data.adjustments.sort((a, b) => a.period.localeCompare(b.period) || a.distributorCode.localeCompare(b.distributorCode));
  return data;
}
