/**
 * Claim spreadsheets in the distributor's own layout: the claim fields, the header words that name
 * them, the suggested mapping (field → column) and the signature under which a confirmed mapping is
 * remembered in `column_mappings` ("claim:" + the POS signature of the same header, so the two never
 * collide). Header words are normalised like the POS headers (`normalizeHeader`, `headerTokens`:
 * CamelCase, snake_case, abbreviations, several languages).
 */
import { CURRENCY, headerTokens } from "../header-words";
import { findHeaderRow } from "../header-row";
import { headerSignature, normalizeHeader } from "../headers";
import { cellText } from "../records";
import type { RawRow } from "../types";

export const CLAIM_FIELDS = [
  "line", "authorization", "invoice", "invoiceLine", "shipDate", "endCustomer", "sku", "quantity", "bookCost", "authorizedCost", "claimedAmount",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
/** Field → column index (0-based), or null when the file has no such column. */
export type ClaimMapping = Record<ClaimField, number | null>;

/** Without these a line cannot be claimed; the line number and invoice line are optional, a missing amount is computed. */
export const REQUIRED_FIELDS: readonly ClaimField[] = ["authorization", "invoice", "shipDate", "endCustomer", "sku", "quantity", "bookCost", "authorizedCost"];

/** How an error or question names a field. */
export const FIELD_LABELS: Record<ClaimField, string> = {
  line: "claim line", authorization: "authorisation number", invoice: "invoice number", invoiceLine: "invoice line", shipDate: "ship date",
  endCustomer: "end customer", sku: "part number (SKU)", quantity: "quantity", bookCost: "book cost", authorizedCost: "authorised cost",
  claimedAmount: "claimed amount",
};

/** Headers that name the field (confidence 1). */
const SYNONYMS: Record<ClaimField, string[]> = {
  line: ["Line", "Line #", "Line No", "Line Number", "Claim Line", "Claim Line #", "Debit Line", "Seq", "Seq No", "Sequence"],
  authorization: [
    "Authorization", "Authorisation", "Authorization #", "Authorization Number", "Authorisation Number", "Auth", "Auth #", "Auth No",
    "Auth Number", "SPA", "SPA #", "SPA No", "SPA Number", "Special Price Authorization", "Debit #", "Debit No", "Debit Number",
    "Debit Authorization", "Ship and Debit #", "SD #", "Quote", "Quote #", "Quote No", "Quote Number", "Price Authorization", "Agreement #",
    "Contract #", "Contract No", "Contract Number",
  ],
  invoice: ["Invoice", "Invoice #", "Invoice No", "Invoice Number", "Inv", "Inv #", "Inv No", "Resale Invoice", "Sales Invoice", "Customer Invoice"],
  invoiceLine: ["Invoice Line", "Invoice Line #", "Invoice Line No", "Inv Line", "Inv Line #", "Inv Line No", "Invoice Item"],
  shipDate: ["Ship Date", "Date Shipped", "Shipped Date", "Shipped", "Shipment Date", "Ship Dt", "Resale Date", "Sale Date"],
  endCustomer: ["End Customer", "End Customer Name", "End User", "End User Name", "Customer", "Customer Name", "Cust", "Cust Name", "Account", "Account Name", "End Cust", "Sold To", "Sold To Name"],
  sku: ["SKU", "Part", "Part #", "Part No", "Part Number", "MPN", "Mfr Part", "Mfr Part #", "Mfg Part", "Mfg Part #", "Manufacturer Part Number", "Manufacturer Part"],
  quantity: ["Qty", "Quantity", "Qty Shipped", "Quantity Shipped", "Ship Qty", "Qty Claimed", "Claimed Qty", "Claim Qty", "Debit Qty", "Units"],
  bookCost: ["Book Cost", "Book", "Book Price", "DBC", "Distributor Book Cost", "Dist Book Cost", "Distributor Cost", "Dist Cost", "Disti Cost"],
  authorizedCost: [
    "Authorized Cost", "Authorised Cost", "Approved Cost", "Debit Cost", "SPA Price", "SPA Cost", "Auth Cost", "Authorized Price",
    "Authorised Price", "Special Cost", "Contract Cost", "Quote Cost", "Quoted Cost",
  ],
  claimedAmount: [
    "Claim Amount", "Claimed Amount", "Amount Claimed", "Claim Amt", "Credit", "Credit Amount", "Credit Amt", "Debit Amount", "Debit Amt",
    "Extended", "Extended Debit", "Ext Debit", "Extended Credit", "Ext Credit", "Extended Claim", "Total Claim", "Claim Total", "Debit Total",
  ],
};

/** Headers that may mean the field but may mean something else: suggested, and asked about. */
const WEAK: Partial<Record<ClaimField, string[]>> = {
  shipDate: ["Date", "Invoice Date", "Inv Date", "Transaction Date"],
  sku: ["Item", "Item #", "Product", "Product Code", "Part Code"],
  bookCost: ["Cost", "Unit Cost"],
  claimedAmount: ["Amount", "Amt", "Total", "Extended Amount"],
  endCustomer: ["Ship To Name", "OEM"],
  line: ["Pos", "Position"],
};
const WEAK_CONFIDENCE = 0.6;
/** At or above this a suggested column needs no confirmation. */
export const CLAIM_CONFIDENT = 0.7;

const compact = (s: string) => normalizeHeader(s).replace(/ /g, "");
/** Concept tokens without currency words ("Book Cost USD" = "Book Cost"). */
const tokenSet = (s: string) => headerTokens(s).filter((t) => t !== CURRENCY).sort().join(" ");

interface Known {
  field: ClaimField;
  confidence: number;
  norm: string;
  flat: string;
  tokens: string;
}
const KNOWN: Known[] = [
  ...Object.entries(SYNONYMS).flatMap(([f, list]) => list.map((s) => ({ field: f as ClaimField, confidence: 1, s }))),
  ...Object.entries(WEAK).flatMap(([f, list]) => list.map((s) => ({ field: f as ClaimField, confidence: WEAK_CONFIDENCE, s }))),
].map(({ field, confidence, s }) => ({ field, confidence, norm: normalizeHeader(s), flat: compact(s), tokens: tokenSet(s) }));

/** The claim field a header names and how sure that is (0 = none). */
export function matchClaimHeader(raw: string): { field: ClaimField | null; confidence: number } {
  const text = raw.replace(/\([^)]*\)|\[[^\]]*\]/g, " ").trim();
  if (!text) return { field: null, confidence: 0 };
  const norm = normalizeHeader(text);
  const tiers: [(k: Known) => boolean, number][] = [
    [(k) => k.norm === norm, 1],
    [(k) => k.flat === compact(text), 0.95],
    [(k) => k.tokens === tokenSet(text), 0.85],
  ];
  for (const [hit, factor] of tiers) {
    const hits = KNOWN.filter(hit);
    if (hits.length === 0) continue;
    // The same words for two fields ("Debit Value": debit cost or debit amount?) are asked about.
    const ambiguous = new Set(hits.map((k) => k.field)).size > 1;
    return { field: hits[0].field, confidence: ambiguous ? 0.5 : Math.round(hits[0].confidence * factor * 100) / 100 };
  }
  return { field: null, confidence: 0 };
}

export const emptyMapping = (): ClaimMapping => Object.fromEntries(CLAIM_FIELDS.map((f) => [f, null])) as ClaimMapping;

/** One column per field and one field per column, surest first (then the more specific header, then the first). */
export function suggestClaimMapping(headers: readonly string[]): { mapping: ClaimMapping; confidence: Partial<Record<ClaimField, number>> } {
  const candidates = headers
    .map((h, i) => ({ i, words: normalizeHeader(h ?? "").split(" ").length, ...matchClaimHeader(h ?? "") }))
    .filter((c): c is typeof c & { field: ClaimField } => c.field !== null)
    .sort((a, b) => b.confidence - a.confidence || b.words - a.words || a.i - b.i);
  const mapping = emptyMapping();
  const confidence: Partial<Record<ClaimField, number>> = {};
  const taken = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || taken.has(c.i)) continue;
    mapping[c.field] = c.i;
    confidence[c.field] = c.confidence;
    taken.add(c.i);
  }
  return { mapping, confidence };
}

/** The `column_mappings.header_signature` of a claim layout. */
export function claimHeaderSignature(headers: readonly string[]): string {
  return `claim:${headerSignature(headers)}`;
}

/**
 * The header row: among the first 30 non-blank rows, the one naming most claim fields surely (at
 * least three); else the POS rule (`findHeaderRow`: a row of texts as wide as the rows below it).
 */
export function findClaimHeaderRow(rows: readonly RawRow[]): number {
  let best = { i: -1, score: 2 };
  let seen = 0;
  for (let i = 0; i < rows.length && seen < 30; i++) {
    const cells = rows[i].cells.map(cellText);
    if (cells.every((c) => c === "")) continue;
    seen++;
    const fields = new Set(cells.map((c) => matchClaimHeader(c)).filter((m) => m.confidence >= CLAIM_CONFIDENT).map((m) => m.field));
    if (fields.size > best.score) best = { i, score: fields.size };
  }
  return best.i >= 0 ? best.i : findHeaderRow(rows);
}
