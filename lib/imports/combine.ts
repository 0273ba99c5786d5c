/**
 * Several partial files of one period combined into the month (issue 15 item 5): sales, returns and
 * receipts add up; on hand comes from the latest-dated file that reports the SKU. Files whose days
 * overlap are never combined (their sales would count twice), nor files of different kinds, nor a file
 * whose days are not known. Pure.
 *
 *   combinePartials([week1 (1–7 Nov: sold 5, on hand 40), week2 (8–14 Nov: sold 3, on hand 37)])
 *   → sold 8, on hand 37, covers 1–14 Nov (14 of 30 days)
 */
import { dayRange, type Coverage } from "./coverage";
import type { Kind, SkuTotals } from "./types";

export interface PartialFile {
  uploadId: string;
  fileName: string | null;
  kind: Kind;
  coverage: Coverage | undefined;
  lines: SkuTotals[];
}

export type Combined =
  | { ok: true; lines: SkuTotals[]; coverage: Coverage; message: string }
  | { ok: false; message: string };

const DAY = 86_400_000;
const time = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const name = (f: PartialFile) => `“${f.fileName ?? f.uploadId.slice(0, 8)}”`;
const add = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined ? (b ?? null) : a + (b ?? 0));

export function combinePartials(files: readonly PartialFile[]): Combined {
  if (files.length < 2) return { ok: false, message: "Combining needs at least two files of the period" };
  const undated = files.find((f) => !f.coverage);
  if (undated) return { ok: false, message: `${name(undated)} has no dates, so its days cannot be told apart from the others': not combined` };
  const kinds = new Set(files.map((f) => f.kind));
  if (kinds.size > 1) return { ok: false, message: "A line-level POS file and a per-SKU summary cannot be combined: upload files of one kind" };
  const sorted = [...files].sort((a, b) => (a.coverage!.from < b.coverage!.from ? -1 : a.coverage!.from > b.coverage!.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.coverage!.from <= a.coverage!.to) {
      return { ok: false, message: `${name(a)} (${dayRange(a.coverage!.from, a.coverage!.to)}) and ${name(b)} (${dayRange(b.coverage!.from, b.coverage!.to)}) cover the same days: not combined, their sales would count twice. Replace one of them` };
    }
  }

  const bySku = new Map<string, SkuTotals & { onHandTo?: string }>();
  for (const f of sorted) {
    for (const l of f.lines) {
      const t = bySku.get(l.sku) ?? { sku: l.sku, sold: null, returned: null, onHand: null };
      t.sold = add(t.sold, l.sold);
      t.returned = add(t.returned, l.returned);
      if (l.received !== undefined && l.received !== null) t.received = add(t.received, l.received);
      if (l.customerReturns !== undefined && l.customerReturns !== null) t.customerReturns = add(t.customerReturns, l.customerReturns);
      // Files are in date order: a later file's on hand replaces an earlier one's.
      if (l.onHand !== null && l.onHand !== undefined) {
        t.onHand = l.onHand;
        t.onHandTo = f.coverage!.to;
      }
      bySku.set(l.sku, t);
    }
  }
  const lines = [...bySku.values()].map(({ onHandTo: _to, ...l }) => l).sort((a, b) => (a.sku < b.sku ? -1 : 1));

  const first = sorted[0]!.coverage!;
  const last = sorted.at(-1)!.coverage!;
  const days = sorted.reduce((n, f) => n + f.coverage!.days, 0);
  const span = Math.round((time(last.to) - time(first.from)) / DAY) + 1;
  const coverage: Coverage = { from: first.from, to: last.to, days, periodDays: first.periodDays, source: sorted.every((f) => f.coverage!.source === "file") ? "file" : "lines", partial: days < first.periodDays };
  const ranges = sorted.map((f) => `${name(f)} ${dayRange(f.coverage!.from, f.coverage!.to)}`).join(", ");
  const holes = span > days ? ` (days between the files are not covered)` : "";
  const latest = sorted.at(-1)!;
  const message =
    `${sorted.length} files combined into the month — ${ranges}: ${days} of ${first.periodDays} days${holes}. ` +
    `Sales${kinds.has("summary") ? ", returns and receipts" : " and returns"} are added up; on hand is the latest-dated file's (${name(latest)}, to ${dayRange(last.to, last.to)}) where it reports the SKU`;
  return { ok: true, lines, coverage, message };
}
