/**
 * An in-memory part resolver: our SKUs, the distributor's cross-reference and UPC/GTINs. Every id
 * a row carries is tried against every table, because distributors put their own numbers under
 * headers like "Item Number" and manufacturer numbers under "Part #". The DB-backed resolver can
 * load the same three maps per distributor and use this.
 */
import type { PartIds, PartResolver } from "./types";

export interface ResolverTables {
  /** The manufacturer's SKUs. */
  skus: Iterable<string>;
  /** Distributor part number → SKU. */
  crossRef?: Iterable<[string, string]>;
  /** UPC / EAN / GTIN → SKU. */
  barcodes?: Iterable<[string, string]>;
}

const key = (s: string) => s.trim().toUpperCase();
/** GTIN-14, EAN-13 and UPC-A of one item differ only by leading zeros. */
const barcodeKey = (s: string) => s.trim().replace(/^0+/, "");

export function createPartResolver(t: ResolverTables): PartResolver {
  const skus = new Map<string, string>();
  for (const s of t.skus) skus.set(key(s), s);
  const cross = new Map<string, string>();
  for (const [part, sku] of t.crossRef ?? []) cross.set(key(part), sku);
  const codes = new Map<string, string>();
  for (const [code, sku] of t.barcodes ?? []) if (code) codes.set(barcodeKey(code), sku);

  const one = (v: string | undefined, prefer: "sku" | "cross" | "code"): string | null => {
    if (!v) return null;
    const k = key(v);
    const order = prefer === "cross" ? [cross.get(k), skus.get(k)] : prefer === "code" ? [] : [skus.get(k), cross.get(k)];
    const digits = /^\d{8,14}$/.test(v.trim()) ? codes.get(barcodeKey(v)) : undefined;
    return order.find((x) => x) ?? digits ?? (prefer === "code" ? skus.get(k) ?? cross.get(k) ?? null : null);
  };
  const resolve = (ids: PartIds) => one(ids.sku, "sku") ?? one(ids.distributorPart, "cross") ?? one(ids.upc, "code");
  // A file repeats a few thousand part numbers over up to a million rows: remember the answer for
  // rows that carry a single id (the usual case), per kind of id.
  const memo = { sku: new Map<string, string | null>(), distributorPart: new Map<string, string | null>(), upc: new Map<string, string | null>() };
  return (ids: PartIds) => {
    const kind = ids.sku !== undefined ? (ids.distributorPart === undefined && ids.upc === undefined ? "sku" : null)
      : ids.distributorPart !== undefined ? (ids.upc === undefined ? "distributorPart" : null)
      : ids.upc !== undefined ? "upc" : null;
    if (kind === null) return resolve(ids);
    const v = ids[kind]!;
    const m = memo[kind];
    let r = m.get(v);
    if (r === undefined) {
      r = resolve(ids);
      if (m.size < MEMO_LIMIT) m.set(v.length >= 13 ? (" " + v).slice(1) : v, r);
    }
    return r;
  };
}

/** Distinct ids remembered per kind (bounded memory for files of all-different part numbers). */
const MEMO_LIMIT = 50_000;
