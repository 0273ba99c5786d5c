/**
 * Which SKUs each distributor carries, from when, at what demand, and which SKU carries which
 * planted gap. Seeded per distributor code, independent of `today`.
 */
import type { DemoProduct } from "./catalogue";
import { REFERENCE_CATALOGUE } from "./catalogue";
import type { Cause, DistributorDef } from "./cast";
import { createRng } from "./prng";

export const WORKED_EXAMPLE = { distributorCode: "NWC", sku: "MCU-1000", sellIn: 1000, sold: 700, onHand: 240 } as const;

export interface SkuPlan {
  sku: string;
  /** First period index with activity. */
  start: number;
  /** Mean monthly sell-through before seasonality and trend. */
  base: number;
  /** Order multiple (reel / tray size). */
  pack: number;
  /** Period index where this SKU is left out of an incomplete submission (no activity then). */
  omitIdx?: number;
  /** The worked example: fixed quantities in one period, nothing before. */
  fixed?: { idx: number; sellIn: number; sold: number; loss: number };
}

export interface PlantAt {
  sku: string;
  cause: Cause;
  idx: number;
  closeIdx?: number;
}

export interface DistributorPlan {
  skus: SkuPlan[];
  plants: PlantAt[];
}

function packFor(base: number): number {
  if (base >= 4000) return 500;
  if (base >= 1000) return 100;
  if (base >= 200) return 25;
  return 5;
}

export function planDistributor(def: DistributorDef, products: readonly DemoProduct[], n: number): DistributorPlan {
  const rng = createRng(`${def.code}|plan`);
  const reference = new Set(REFERENCE_CATALOGUE.map((p) => p.sku));
  let chosen: DemoProduct[];
  if (def.code === WORKED_EXAMPLE.distributorCode) {
    // Northwind carries the whole reference catalogue (its sample files cover it) plus the wider line.
    const others = rng.shuffle(products.filter((p) => !reference.has(p.sku)));
    chosen = [...products.filter((p) => reference.has(p.sku)), ...others.slice(0, def.skuCount - reference.size)];
  } else {
    // Reference parts are the popular ones: most distributors stock most of them.
    const popular = products.filter((p) => reference.has(p.sku) && rng.chance(0.7));
    const rest = rng.shuffle(products.filter((p) => !reference.has(p.sku)));
    chosen = [...popular, ...rest.slice(0, def.skuCount - popular.length)];
  }
  const order = new Map(products.map((p, i) => [p.sku, i]));
  chosen.sort((a, b) => order.get(a.sku)! - order.get(b.sku)!);

  const skus: SkuPlan[] = chosen.map((p) => {
    const price = Number(p.listPrice);
    const slow = rng.chance(0.12);
    let base = def.scale * (1500 / Math.sqrt(price)) * Math.exp(0.5 * rng.normal());
    if (slow) base *= 0.03;
    base = Math.max(3, Math.round(base));
    const start = rng.chance(0.18) ? rng.int(2, Math.min(10, n - 6)) : 0;
    return { sku: p.sku, start, base, pack: packFor(base) };
  });

  if (def.code === WORKED_EXAMPLE.distributorCode) {
    const ex = skus.find((s) => s.sku === WORKED_EXAMPLE.sku)!;
    const loss = WORKED_EXAMPLE.sellIn - WORKED_EXAMPLE.sold - WORKED_EXAMPLE.onHand;
    ex.start = n - 1;
    ex.fixed = { idx: n - 1, sellIn: WORKED_EXAMPLE.sellIn, sold: WORKED_EXAMPLE.sold, loss };
  }

  // Planted gaps and the incomplete period use steady, well-stocked SKUs from the first period.
  const candidates = skus.filter((s) => s.start === 0 && !s.fixed && s.base >= 150).sort((a, b) => b.base - a.base);
  const used = new Set<string>();
  const take = () => {
    const pool = candidates.filter((s) => !used.has(s.sku)).slice(0, 12);
    const s = rng.pick(pool);
    used.add(s.sku);
    return s;
  };
  const plants: PlantAt[] = def.plants.map((p) => ({
    sku: take().sku,
    cause: p.cause,
    idx: n - p.back,
    closeIdx: p.closeBack === undefined ? undefined : n - p.closeBack,
  }));
  if (def.incomplete) {
    for (let i = 0; i < def.incomplete.skus; i++) take().omitIdx = n - def.incomplete.back;
  }
  return { skus, plants };
}
