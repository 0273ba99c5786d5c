/**
 * Sell-in as ERP shipment lines: per distributor × period a few sales orders ("SO-<period>-<n>",
 * numbered across all distributors so document + line is unique), each SKU's monthly quantity split
 * over one to three of them, shipped on weekdays inside the period.
 */
import { dateIn, weekdays } from "./periods";
import type { Rng } from "./prng";

export interface DemoShipment {
  distributorCode: string;
  sku: string;
  shipDate: string;
  quantity: number;
  document: string;
  line: number;
}

/** Splits q into up to `parts` positive pieces (multiples of `pack` where possible) that sum to q. */
function split(q: number, parts: number, pack: number, rng: Rng): number[] {
  const pieces: number[] = [];
  let left = q;
  for (let i = parts - 1; i > 0; i--) {
    const unit = left >= 2 * pack ? pack : 1;
    const piece = Math.round((left * (0.3 + 0.4 * rng.next())) / unit) * unit;
    if (piece <= 0 || piece >= left) break;
    pieces.push(piece);
    left -= piece;
  }
  pieces.push(left);
  return pieces;
}

export function buildShipments(
  code: string,
  period: string,
  quantities: { sku: string; quantity: number; pack: number; parts?: number }[],
  nextDocument: () => string,
  rng: Rng,
): DemoShipment[] {
  const lines = quantities.filter((q) => q.quantity > 0);
  if (lines.length === 0) return [];
  const days = rng.shuffle(weekdays(period)).slice(0, Math.min(lines.length, rng.int(2, 4))).sort((a, b) => a - b);
  const docs = days.map((day) => ({ day, document: nextDocument(), lines: [] as { sku: string; quantity: number }[] }));
  for (const l of lines) {
    const parts = Math.min(docs.length, l.parts ?? (rng.chance(0.55) ? 1 : rng.int(2, 3)));
    const pieces = split(l.quantity, parts, l.pack, rng);
    const slots = rng.shuffle(docs.map((_, i) => i)).slice(0, pieces.length);
    pieces.forEach((quantity, i) => docs[slots[i]!]!.lines.push({ sku: l.sku, quantity }));
  }
  const out: DemoShipment[] = [];
  for (const d of docs) {
    d.lines.forEach((l, i) =>
      out.push({ distributorCode: code, sku: l.sku, shipDate: dateIn(period, d.day), quantity: l.quantity, document: d.document, line: i + 1 }),
    );
  }
  return out;
}
