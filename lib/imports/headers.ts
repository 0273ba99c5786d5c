/**
 * Header synonyms → canonical fields, the suggested mapping with confidences, and the header
 * signature under which a distributor's confirmed mapping is remembered.
 */
import { createHash } from "node:crypto";
import { addVocabulary, AMOUNT, CURRENCY, headerTokens, NOT_A_FIELD } from "./header-words";
import { normalizeHeader } from "./headers-normalize";
import type { Field, Mapping } from "./types";

const SYNONYMS: Record<Field, string[]> = {
  sku: [
    "SKU", "Mfr Part #", "Mfr Part", "Mfg Part #", "Mfg Part", "MPN", "Manufacturer Part Number", "Manufacturer Part",
    "Manufacturer Part #", "Part Number", "Part #", "Part", "Item #", "Item", "Item Number", "Item Code", "Product",
    "Product Code", "Product Number", "Product ID", "Vendor Part", "Vendor Part Number", "Supplier Part Number", "Model",
    "Artikelnummer", "Artikel", "Artikel Nr", "Herstellerartikelnummer", "Hersteller Teilenummer", "Teilenummer",
    "Material", "Materialnummer", "Stock Code", "Item Code", "Part Code", "Code", "Reference", "Item Reference", "Item ID",
    "Catalog Number", "Catalogue Number", "Cat Number",
  ],
  distributorPart: [
    "Dist Part", "Dist Part #", "Distributor Part", "Distributor Part Number", "Distributor SKU", "Dist SKU", "Our Part",
    "Our Part #", "Customer Part", "Customer Part Number", "Internal Part", "Internal Part Number", "Eigene Artikelnummer",
    "Interne Artikelnummer",
  ],
  upc: ["UPC", "UPC Code", "GTIN", "EAN", "EAN Code", "UPC EAN", "Barcode"],
  quantity: [
    "Qty", "Qty Shipped", "Quantity", "Quantity Shipped", "Units", "Ship Qty", "Shipped Qty", "Shipped", "Qty Invoiced",
    "Invoiced Qty", "Pcs", "Menge", "Anzahl", "Stück", "Liefermenge", "Item Qty",
  ],
  sold: [
    "Sold", "Units Sold", "Qty Sold", "Quantity Sold", "Sales Qty", "Sales Quantity", "Sales Units", "Sell Through",
    "Sales", "Verkauft", "Verkaufte Menge", "Abverkauf", "Sold Qty",
  ],
  // Bare "Returns" / "Returned" may mean either direction: see AMBIGUOUS below.
  returned: ["RTV", "Return to Vendor", "Returned to Vendor", "Returns to Vendor", "Retoure an Hersteller", "Vendor Returns"],
  customerReturns: [
    "Customer Returns", "Cust Returns", "Returns from Customers", "Customer Returned", "Sales Returns", "Customer Return Qty", "Credits",
    "Kundenretouren",
  ],
  onHand: [
    "On Hand", "OH", "Inventory", "Stock", "Qty On Hand", "Quantity On Hand", "Stock On Hand", "SOH", "Ending Inventory",
    "Closing Stock", "Inventory Qty", "Qty Available", "Available", "Lagerbestand", "Bestand", "Endbestand",
  ],
  date: [
    "Invoice Date", "Date", "Ship Date", "Inv Date", "Shipped Date", "Sale Date", "Sales Date", "Transaction Date",
    "Document Date", "Order Date", "Datum", "Rechnungsdatum", "Lieferdatum", "Belegdatum", "Trx Date", "Tran Date",
    "Posting Date", "Doc Date",
  ],
  invoice: [
    "Invoice No", "Invoice", "Invoice #", "Invoice Number", "Inv #", "Inv No", "Document No", "Document", "Credit Memo",
    "Rechnung", "Rechnungsnummer", "Rechnungsnr", "Beleg", "Belegnummer",
  ],
  invoiceLine: ["Line", "Line No", "Line #", "Line Number", "Invoice Line", "Inv Line", "Position", "Pos", "Zeile"],
  endCustomer: [
    "End Customer", "Customer", "Customer Name", "Sold To", "Sold To Name", "End User", "Ship To Name", "Bill To Name",
    "Kunde", "Endkunde", "Kundenname", "Customer Code", "Customer ID", "Customer Number",
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
  location: [
    "Location", "Location Code", "Location ID", "Location Number", "Branch", "Branch Number", "Store", "Store Number", "Warehouse",
    "Warehouse Code", "Site", "Lagerort",
  ],
  unit: [
    "UOM", "U/M", "UM", "Unit of Measure", "Unit of Measurement", "Units of Measure", "UOM Code", "Unit Code", "Sales UOM", "Selling Unit",
    "Qty UOM", "Quantity UOM", "Unit", "Einheit", "Mengeneinheit", "Masseinheit", "Unite de mesure", "Unidad", "Unidad de medida",
    "Unidade", "Unidade de medida", "Unita di misura", "UdM", "Eenheid", "Maateenheid", "Jednostka", "Jednostka miary", "JM",
  ],
};

/** Headers that name a figure without saying whose: matched, but never confidently (the user is asked). */
const AMBIGUOUS: [string, Field][] = [
  ["returns", "returned"],
  ["qty returns", "returned"],
];
const AMBIGUOUS_CONFIDENCE = 0.6;

export { normalizeHeader };

const withoutParentheses = (raw: string) => raw.replace(/\([^)]*\)|\[[^\]]*\]/g, " ");

addVocabulary(Object.values(SYNONYMS).flatMap((list) => list.flatMap((s) => normalizeHeader(s).split(" "))));

const NORMALISED: { field: Field; norm: string; tokens: string[] }[] = Object.entries(SYNONYMS).flatMap(([field, list]) =>
  list.map((s) => {
    const tokens = headerTokens(s);
    return { field: field as Field, norm: tokens.join(" "), tokens };
  }),
);
const EXACT = new Map(Object.entries(SYNONYMS).flatMap(([field, list]) => list.map((s) => [normalizeHeader(s), field as Field] as const)));
const CANONICAL = new Map<string, Field>();
const CANONICAL_SET = new Map<string, Field>();
for (const s of NORMALISED) {
  if (!CANONICAL.has(s.norm)) CANONICAL.set(s.norm, s.field);
  const set = [...s.tokens].sort().join(" ");
  if (!CANONICAL_SET.has(set)) CANONICAL_SET.set(set, s.field);
}

/** A currency sign or code in a header: an amount, never a quantity (a price may still be one). */
const CURRENCY_HEADER = /[$€£¥]|zł|\b(?:usd|eur|gbp|pln|chf|cad|aud|jpy|sek|nok|dkk|czk|huf|brl|mxn)\b/i;

/** The best field for one header and how sure we are (1 = exact synonym). */
export function matchHeader(raw: string): { field: Field | null; confidence: number } {
  const tokens = headerTokens(withoutParentheses(raw));
  const money = CURRENCY_HEADER.test(raw) || headerTokens(raw).includes(CURRENCY);
  // A currency-marked header is money: a price, or nothing of ours.
  const allowed = (f: Field | undefined): f is Field => !!f && (!money || f === "unitPrice");
  if (tokens.length === 0 || tokens.includes(AMOUNT) || tokens.includes(NOT_A_FIELD)) return { field: null, confidence: 0 };
  for (const candidate of [raw, withoutParentheses(raw)]) {
    const exact = EXACT.get(normalizeHeader(candidate));
    if (allowed(exact)) return { field: exact, confidence: candidate === raw ? 1 : 0.95 };
  }
  // The same words in another language, spelling, order or abbreviation.
  const words = tokens.filter((t) => t !== CURRENCY);
  const sorted = [...words].sort().join(" ");
  const ambiguous = AMBIGUOUS.find(([w]) => w === sorted);
  if (ambiguous && allowed(ambiguous[1])) return { field: ambiguous[1], confidence: AMBIGUOUS_CONFIDENCE };
  const canonical = CANONICAL.get(words.join(" "));
  if (allowed(canonical)) return { field: canonical, confidence: 0.9 };
  const set = CANONICAL_SET.get(sorted);
  if (allowed(set)) return { field: set, confidence: 0.85 };
  let best: { field: Field | null; confidence: number; len: number } = { field: null, confidence: 0, len: 0 };
  for (const s of NORMALISED) {
    if (!allowed(s.field) || !s.tokens.every((t) => words.includes(t))) continue;
    const confidence = 0.5 + 0.4 * (s.tokens.length / words.length);
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
