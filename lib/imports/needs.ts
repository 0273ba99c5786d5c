/**
 * The questions of an upload's answer in the contract's shape: `needs` is a list of
 * `{ kind, … }` (API.md, "Upload answers"), one entry per question — `mapping`, `dateOrder`,
 * `sheet`, `duplicates`, `unit` (the pack sizes of products counted in cases or boxes), `absentSkus`
 * (an inventory summary leaving out SKUs the distributor holds: keep, zero or leave). The parser
 * keeps one object with a key per question ({@link Needs}); these two functions turn one into the
 * other, so the answer speaks the contract and the screen can still ask "is the mapping asked?".
 */
import type { DateOrder, Mapping, Needs } from "./types";

export type NeedItem =
  | { kind: "mapping"; reasons: string[]; headers: string[]; preview: string[][]; suggested: Mapping; confidence: Record<number, number> }
  | { kind: "dateOrder"; assumed: DateOrder }
  | { kind: "sheet"; sheets: string[] }
  | { kind: "duplicates"; count: number; lines: number[] }
  | { kind: "unit"; packSizes: { sku: string; unit: string; rows: number }[] }
  | { kind: "absentSkus"; skus: { sku: string; opening: number; received: number }[]; choices: ["keep", "zero", "leave"] };

/** The parser's questions as the contract's list; undefined when nothing is asked. */
export function needsList(n: Needs | undefined): NeedItem[] | undefined {
  if (!n) return undefined;
  const out: NeedItem[] = [];
  if (n.mapping) {
    out.push({ kind: "mapping", reasons: n.reasons ?? [], headers: n.headers ?? [], preview: n.preview ?? [], suggested: n.suggested ?? {}, confidence: n.confidence ?? {} });
  }
  if (n.dateOrder) out.push({ kind: "dateOrder", assumed: n.assumed ?? "MDY" });
  if (n.sheet?.length) out.push({ kind: "sheet", sheets: n.sheet });
  if (n.duplicates) out.push({ kind: "duplicates", count: n.duplicates.count, lines: n.duplicates.lines });
  if (n.packSizes?.length) out.push({ kind: "unit", packSizes: n.packSizes });
  if (n.absentSkus?.length) out.push({ kind: "absentSkus", skus: n.absentSkus, choices: ["keep", "zero", "leave"] });
  return out.length > 0 ? out : undefined;
}

/** The contract's list back as one object with a key per question (what a screen or a test reads). */
export function needsIndex(list: readonly NeedItem[] | undefined): Needs | undefined {
  if (!list?.length) return undefined;
  const n: Needs = {};
  for (const item of list) {
    switch (item.kind) {
      case "mapping":
        Object.assign(n, { mapping: true, reasons: item.reasons, headers: item.headers, preview: item.preview, suggested: item.suggested, confidence: item.confidence });
        break;
      case "dateOrder":
        Object.assign(n, { dateOrder: true, assumed: item.assumed });
        break;
      case "sheet":
        n.sheet = item.sheets;
        break;
      case "duplicates":
        n.duplicates = { count: item.count, lines: item.lines };
        break;
      case "unit":
        n.packSizes = item.packSizes;
        break;
      case "absentSkus":
        n.absentSkus = item.skus;
        break;
    }
  }
  return n;
}
