/**
 * Pieces shared by the 852 and 867 readers: LIN product identifiers and X12 quantities.
 */
import { el, type Segment } from "./x12-segments";
import type { CodeNote, PartIds, PosLine, SummaryRow } from "./types";

/**
 * LIN02/03, 04/05, … are (qualifier, id) pairs. Our part: VP (vendor's part), MG (manufacturer's
 * part), VN (vendor's item number), VA/VC; the distributor's part: BP (buyer's part), IN (buyer's
 * item), CB (buyer's catalog), SK (the reseller's SKU); UPC/GTIN/EAN: UP, UK, EN, UA, UI, UN.
 * The first id of each kind wins, in the precedence order of the lists.
 */
const OURS = ["VP", "MG", "VN", "VA", "VC"];
const THEIRS = ["BP", "IN", "CB", "SK"];
const BARCODES = ["UP", "UK", "EN", "UA", "UI", "UN", "EA"];

const KNOWN_QUALIFIERS = new Set([...OURS, ...THEIRS, ...BARCODES]);

export function linIdentifiers(lin: Segment): { ids: PartIds; unknownQualifiers: string[] } {
  if (lin.id === "SII") return siiIdentifiers(lin);
  const pairs = new Map<string, string>();
  const unknownQualifiers: string[] = [];
  for (let i = 2; i + 1 < lin.elements.length; i += 2) {
    const q = el(lin, i).toUpperCase();
    const v = el(lin, i + 1);
    if (!q || !v) continue;
    if (!pairs.has(q)) pairs.set(q, v);
    if (!KNOWN_QUALIFIERS.has(q)) unknownQualifiers.push(q);
  }
  return pick(pairs, unknownQualifiers);
}

/**
 * 005010 867s may identify the item in an SII segment instead of LIN: (qualifier, id) pairs whose
 * position differs between senders, so every known qualifier followed by a value is taken.
 */
export function siiIdentifiers(sii: Segment): { ids: PartIds; unknownQualifiers: string[] } {
  const pairs = new Map<string, string>();
  for (let i = 1; i + 1 < sii.elements.length; i++) {
    const q = el(sii, i).toUpperCase();
    const v = el(sii, i + 1);
    if (KNOWN_QUALIFIERS.has(q) && v && !pairs.has(q)) {
      pairs.set(q, v);
      i++;
    }
  }
  return pick(pairs, []);
}

function pick(pairs: Map<string, string>, unknownQualifiers: string[]): { ids: PartIds; unknownQualifiers: string[] } {
  const first = (list: string[]) => list.map((q) => pairs.get(q)).find((v) => v);
  const ids: PartIds = {};
  const sku = first(OURS);
  const distributorPart = first(THEIRS);
  const upc = first(BARCODES);
  if (sku) ids.sku = sku;
  if (distributorPart) ids.distributorPart = distributorPart;
  if (upc) ids.upc = upc;
  // An id under a qualifier we do not know is still worth resolving (as the distributor's part).
  if (!sku && !distributorPart && !upc && unknownQualifiers.length > 0) ids.distributorPart = pairs.get(unknownQualifiers[0]);
  return { ids, unknownQualifiers };
}

/** An X12 numeric (R) element as whole units: "25", "-25", "25.0"; fractions rejected. */
export function x12Quantity(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const v = raw.trim();
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(v)) return { ok: false, message: v ? `"${v}" is not a quantity` : "Quantity is missing" };
  const n = Number(v);
  if (!Number.isInteger(n)) return { ok: false, message: `"${v}" is a fraction of a unit: quantities must be whole units` };
  return { ok: true, value: n === 0 ? 0 : n };
}

/** An X12 decimal (price): "1.1875". */
export function x12Decimal(raw: string): number | undefined {
  const v = raw.trim();
  return /^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : undefined;
}

export type X12Out =
  | { t: "pos"; record: PosLine }
  | { t: "summary"; record: SummaryRow }
  | { t: "error"; line: number; column: string; message: string }
  | { t: "skip"; line: number; reason: string }
  | { t: "warn"; line?: number; code: string; message: string }
  | { t: "note"; note: CodeNote }
  | { t: "period"; start?: string; end?: string };
