/**
 * Header synonyms → canonical fields, the suggested mapping with confidences, and the header
 * signature under which a distributor's confirmed mapping is remembered.
 */
import { createHash } from "node:crypto";
import type { Field, Mapping } from "./types";

const SYNONYMS: Record<Field, string[]> = {
  sku: [
    "SKU", "Mfr Part #", "Mfr Part", "Mfg Part #", "Mfg Part", "MPN", "Manufacturer Part Number", "Manufacturer Part",
    "Manufacturer Part #", "Part Number", "Part #", "Part", "Item #", "Item", "Item Number", "Item Code", "Product",
    "Product Code", "Product Number", "Product ID", "Vendor Part", "Vendor Part Number", "Supplier Part Number", "Model",
    "Artikelnummer", "Artikel", "Artikel Nr", "Herstellerartikelnummer", "Hersteller Teilenummer", "Teilenummer",
    "Material", "Materialnummer",
  ],
  distributorPart: [
    "Dist Part", "Dist Part #", "Distributor Part", "Distributor Part Number", "Distributor SKU", "Dist SKU", "Our Part",
    "Our Part #", "Customer Part", "Customer Part Number", "Internal Part", "Internal Part Number", "Eigene Artikelnummer",
    "Interne Artikelnummer",
  ],
  upc: ["UPC", "UPC Code", "GTIN", "EAN", "EAN Code", "UPC EAN", "Barcode"],
  quantity: [
    "Qty", "Qty Shipped", "Quantity", "Quantity Shipped", "Units", "Ship Qty", "Shipped Qty", "Shipped", "Qty Invoiced",
    "Invoiced Qty", "Pcs", "Menge", "Anzahl", "Stück", "Liefermenge",
  ],
  sold: [
    "Sold", "Units Sold", "Qty Sold", "Quantity Sold", "Sales Qty", "Sales Quantity", "Sales Units", "Sell Through",
    "Sales", "Verkauft", "Verkaufte Menge", "Abverkauf",
  ],
  returned: [
    "Returned", "Returns", "RTV", "Return to Vendor", "Returned to Vendor", "Returns to Vendor", "Qty Returned",
    "Retoure", "Retouren", "Retoure an Hersteller", "Rücksendung",
  ],
  onHand: [
    "On Hand", "OH", "Inventory", "Stock", "Qty On Hand", "Quantity On Hand", "Stock On Hand", "SOH", "Ending Inventory",
    "Closing Stock", "Inventory Qty", "Qty Available", "Available", "Lagerbestand", "Bestand", "Endbestand",
  ],
  date: [
    "Invoice Date", "Date", "Ship Date", "Inv Date", "Shipped Date", "Sale Date", "Sales Date", "Transaction Date",
    "Document Date", "Order Date", "Datum", "Rechnungsdatum", "Lieferdatum", "Belegdatum",
  ],
  invoice: [
    "Invoice No", "Invoice", "Invoice #", "Invoice Number", "Inv #", "Inv No", "Document No", "Document", "Credit Memo",
    "Rechnung", "Rechnungsnummer", "Rechnungsnr", "Beleg", "Belegnummer",
  ],
  invoiceLine: ["Line", "Line No", "Line #", "Line Number", "Invoice Line", "Inv Line", "Position", "Pos", "Zeile"],
  endCustomer: [
    "End Customer", "Customer", "Customer Name", "Sold To", "Sold To Name", "End User", "Ship To Name", "Bill To Name",
    "Kunde", "Endkunde", "Kundenname",
  ],
  unitPrice: [
    "Unit Resale", "Unit Price", "Price", "Resale", "Resale Price", "Unit Sell", "Sell Price", "Net Price", "Preis",
    "Einzelpreis", "Verkaufspreis",
  ],
  shipToCity: ["Ship-To City", "Ship To City", "City", "Stadt", "Ort"],
  shipToState: ["Ship-To State", "Ship To State", "State", "Province", "State Province", "Bundesland"],
  shipToCountry: ["Ship-To Country", "Ship To Country", "Country", "Country Code", "Land"],
  description: [
    "Description", "Desc", "Item Description", "Product Description", "Bezeichnung", "Beschreibung",
    "Artikelbezeichnung",
  ],
};

/** Lowercase, umlauts folded, accents stripped, "#"/"No"/"Nr" → "number", punctuation → space. */
export function normalizeHeader(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/#/g, " number ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(?:no|nr|num)\b/g, "number")
    .replace(/\s+/g, " ")
    .trim();
}

const withoutParentheses = (raw: string) => raw.replace(/\([^)]*\)|\[[^\]]*\]/g, " ");

const NORMALISED: { field: Field; norm: string; tokens: string[] }[] = Object.entries(SYNONYMS).flatMap(([field, list]) =>
  list.map((s) => {
    const norm = normalizeHeader(s);
    return { field: field as Field, norm, tokens: norm.split(" ") };
  }),
);
const EXACT = new Map(NORMALISED.map((s) => [s.norm, s.field]));

/** Headers with these words are amounts or ratios, never quantities, parts or prices. */
const NOT_A_MATCH = new Set(["amount", "extended", "ext", "value", "cost", "margin", "percent", "pct", "betrag", "wert", "summe"]);

/** The best field for one header and how sure we are (1 = exact synonym). */
export function matchHeader(raw: string): { field: Field | null; confidence: number } {
  for (const candidate of [raw, withoutParentheses(raw)]) {
    const norm = normalizeHeader(candidate);
    const exact = EXACT.get(norm);
    if (exact) return { field: exact, confidence: candidate === raw ? 1 : 0.95 };
  }
  const tokens = normalizeHeader(withoutParentheses(raw)).split(" ").filter(Boolean);
  if (tokens.length === 0 || tokens.some((t) => NOT_A_MATCH.has(t))) return { field: null, confidence: 0 };
  let best: { field: Field | null; confidence: number; len: number } = { field: null, confidence: 0, len: 0 };
  for (const s of NORMALISED) {
    if (!s.tokens.every((t) => tokens.includes(t))) continue;
    const confidence = 0.5 + 0.4 * (s.tokens.length / tokens.length);
    if (confidence > best.confidence || (confidence === best.confidence && s.tokens.length > best.len)) {
      best = { field: s.field, confidence, len: s.tokens.length };
    }
  }
  return { field: best.field, confidence: Math.round(best.confidence * 100) / 100 };
}

/** At or above this, a suggested column needs no confirmation. */
export const CONFIDENT = 0.7;

export interface SuggestedMapping {
  mapping: Mapping;
  confidence: Record<number, number>;
}

/** One field per column and one column per field, best matches first. */
export function suggestMapping(headers: readonly string[]): SuggestedMapping {
  const candidates = headers
    .map((h, i) => ({ i, words: normalizeHeader(h ?? "").split(" ").length, ...matchHeader(h ?? "") }))
    .filter((c): c is { i: number; words: number; field: Field; confidence: number } => c.field !== null)
    // Equally sure: the more specific header wins ("Invoice Date" over "Date"), then the first.
    .sort((a, b) => b.confidence - a.confidence || b.words - a.words || a.i - b.i);
  const mapping: Mapping = {};
  const confidence: Record<number, number> = {};
  const taken = new Set<Field>();
  headers.forEach((_, i) => (mapping[i] = null));
  for (const c of candidates) {
    if (taken.has(c.field) || mapping[c.i]) continue;
    mapping[c.i] = c.field;
    confidence[c.i] = c.confidence;
    taken.add(c.field);
  }
  return { mapping, confidence };
}

/** Stable across files from the same export: normalised names in order (trailing blanks dropped), hashed. */
export function headerSignature(headers: readonly string[]): string {
  const names = headers.map((h) => normalizeHeader(h ?? ""));
  while (names.length > 0 && names[names.length - 1] === "") names.pop();
  return createHash("sha256").update(names.join("|")).digest("hex").slice(0, 16);
}

/** Fields of a mapping, by column. */
export function columnsOf(mapping: Mapping): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  for (const [k, f] of Object.entries(mapping)) if (f && out[f] === undefined) out[f] = Number(k);
  return out;
}
