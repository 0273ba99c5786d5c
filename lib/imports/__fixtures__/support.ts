/** Test helpers: the fixture files (copied from ../shared/fixtures), a resolver built from the catalogue and cross-reference. */
import fs from "node:fs";
import path from "node:path";
import { createPartResolver } from "../resolver";
import type { SkuTotals, UploadResult } from "../types";

export const FIXTURES = path.resolve(__dirname);
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

const rows = (name: string) => fixture(name).toString("utf8").trim().split(/\r?\n/).slice(1);
/** Catalogue lines have quoted descriptions with commas: SKU first, UPC last. */
const catalogue = rows("catalogue.csv").map((l) => ({ sku: l.split(",")[0], upc: l.split(",").at(-1)! }));

export const SKUS = catalogue.map((c) => c.sku);
export const UPC_OF = Object.fromEntries(catalogue.map((c) => [c.sku, c.upc]));
export const CROSS_REF = rows("northwind-crossref.csv").map((l) => l.split(",") as [string, string]);
export const resolvePart = createPartResolver({
  skus: SKUS,
  crossRef: CROSS_REF,
  barcodes: catalogue.map((c) => [c.upc, c.sku] as [string, string]),
});

export const EXPECTED: Record<string, { format?: string; kind: string; sold?: Record<string, number>; returned?: Record<string, number>; onHand?: Record<string, number> }> =
  JSON.parse(fixture("expected.json").toString("utf8"));

/** Per-SKU figures of a result as a plain object; POS files list returned only where non-zero. */
export function figures(r: UploadResult, field: "sold" | "returned" | "onHand"): Record<string, number> {
  const keep = (l: SkuTotals) => l[field] !== null && !(r.kind === "pos_lines" && field === "returned" && l[field] === 0);
  return Object.fromEntries(r.lines.filter(keep).map((l) => [l.sku, l[field] as number]));
}

/** rowsRead = accepted + errors + outOfPeriod + duplicates + unknown-part rows + skipped. */
export function accountedRows(r: UploadResult): number {
  return r.rowsAccepted + r.errors.length + r.outOfPeriod.length + r.duplicates.length + r.skipped.length + r.unknownParts.reduce((n, u) => n + u.rows, 0);
}

/** The bytes as an async stream of `size`-byte chunks (a one-shot source, like a request body). */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A string as UTF-8 bytes. */
export const utf8 = (s: string) => Buffer.from(s, "utf8");

/**
 * Builds an X12 interchange around transaction-set segments written with `*` as the element
 * separator, using the given separators, with a correct SE count unless overridden.
 */
export function x12(
  txn: string[],
  o: { element?: string; segment?: string; component?: string; st?: string; gs?: string; version?: string; seCount?: number; repetition?: string } = {},
): string {
  const e = o.element ?? "*";
  const t = o.segment ?? "~\n";
  const c = o.component ?? ">";
  const st = o.st ?? "867";
  const rep = o.repetition ?? "U";
  const version = o.version ?? "00401";
  const isa = ["ISA", "00", "          ", "00", "          ", "ZZ", "NORTHWIND      ", "ZZ", "HALCYONSEMI    ", "261105", "0930", rep, version, "000000042", "0", "P", c].join(e);
  const body = [`ST*${st}*0001`, ...txn];
  body.push(`SE*${o.seCount ?? body.length + 1}*0001`);
  const gs = `GS*${o.gs ?? (st === "852" ? "PD" : "PT")}*NORTHWIND*HALCYONSEMI*20261105*0930*7*X*004010`;
  return [isa, ...[gs, ...body, "GE*1*7", "IEA*1*000000042"].map((s) => s.replaceAll("*", e))].join(t) + t;
}
