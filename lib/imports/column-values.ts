/**
 * What a column's values say about it, from the sampled rows: a column of catalogue SKUs, UPCs or
 * known cross-references is the part column; a column of dates is the date column; a column of
 * currency amounts is never a quantity. Refines the header suggestion and says what it changed.
 */
import { normalizeUnit, unitKind } from "../domain/units";
import { looksLikeDate } from "./dates";
import { CONFIDENT, type SuggestedMapping } from "./headers";
import { cellText } from "./records";
import type { Cell, Field, Mapping, PartResolver } from "./types";

const PROFILE_ROWS = 200;
const ID_FIELDS: Field[] = ["sku", "distributorPart", "upc"];
const QUANTITY_FIELDS: Field[] = ["quantity", "sold", "returned", "onHand", "customerReturns"];
/** Fields a value-based guess never takes a column away from. */
const KEEP: Field[] = [...ID_FIELDS, ...QUANTITY_FIELDS, "date", "invoice", "invoiceLine", "unitPrice"];

const CURRENCY_VALUE = /[$€£¥]|zł|\b(?:usd|eur|gbp|pln|chf|cad)\b/i;

export interface ColumnProfile {
  /** Non-empty values sampled. */
  values: number;
  /** Values that resolve to one of our SKUs (SKU, cross-reference or UPC). */
  parts: number;
  /** Values that read as dates. */
  dates: number;
  /** Values written as money: a currency sign or code, or a fraction of a unit ("12.37"). */
  money: number;
  /** Every value 8–14 digits (UPC/EAN/GTIN). */
  barcodes: number;
  /** Values that are unit-of-measure codes (EA, CA, BX, DZ…), and the distinct ones (up to a few). */
  unitCodes: number;
  units: string[];
  /** Values that are plain numbers. */
  numbers: number;
  /** One value to show ("$1,234.50"). */
  example?: string;
}

/** A value written as money (never a whole quantity). */
export function moneyLike(c: Cell): boolean {
  if (typeof c === "number") return !Number.isInteger(c);
  if (typeof c !== "string") return false;
  const s = c.trim();
  if (CURRENCY_VALUE.test(s)) return /\d/.test(s);
  // Two decimals that are not a whole number: "12.37", "1.234,50" (never "25.00" or a grouped "1.401").
  const m = /^-?[\d.,\s']*\d[.,](\d{2})$/.exec(s);
  return !!m && m[1] !== "00";
}

export function profileColumns(width: number, rows: readonly Cell[][], resolvePart: PartResolver): ColumnProfile[] {
  const out: ColumnProfile[] = Array.from({ length: width }, () => ({ values: 0, parts: 0, dates: 0, money: 0, barcodes: 0, unitCodes: 0, units: [] as string[], numbers: 0 }));
  const sample = rows.slice(0, PROFILE_ROWS);
  for (let c = 0; c < width; c++) {
    const p = out[c];
    for (const r of sample) {
      const raw = r[c] ?? null;
      const text = cellText(raw);
      if (text === "") continue;
      p.values++;
      if (raw instanceof Date || looksLikeDate(raw)) p.dates++;
      if (moneyLike(raw)) {
        p.money++;
        p.example ??= text;
      }
      if (/^\d{8,14}$/.test(text)) p.barcodes++;
      if (typeof raw === "string" && !looksLikeDate(raw) && resolvePart({ sku: text })) p.parts++;
      if (typeof raw === "number" || /^[-+]?[\d.,\s]*\d$/.test(text)) p.numbers++;
      if (typeof raw === "string" && /^[a-z]{2,6}\.?$/i.test(text) && unitKind(text) !== null) {
        p.unitCodes++;
        const u = normalizeUnit(text);
        if (p.units.length < 6 && !p.units.includes(u)) p.units.push(u);
      }
    }
  }
  return out;
}

export interface Refined extends SuggestedMapping {
  /** What the values changed, said in the answer ("…read as the part column"). */
  notes: string[];
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
const label = (headers: readonly string[], c: number) => (headers[c] ? `“${headers[c]}”` : `column ${c + 1}`);

/** The header suggestion, corrected by what the sampled values show. */
export function refineMapping(suggested: SuggestedMapping, headers: readonly string[], profiles: readonly ColumnProfile[]): Refined {
  const mapping: Mapping = { ...suggested.mapping };
  const confidence: Record<number, number> = { ...suggested.confidence };
  const notes: string[] = [];
  const colOf = (f: Field) => Object.keys(mapping).map(Number).find((c) => mapping[c] === f);
  const free = (c: number) => !mapping[c] || !KEEP.includes(mapping[c]!);

  // Amounts are never quantities.
  for (const [k, f] of Object.entries(mapping)) {
    const c = Number(k);
    const p = profiles[c];
    if (!f || !QUANTITY_FIELDS.includes(f) || !p || p.values === 0) continue;
    if (share(p.money, p.values) >= 0.3) {
      mapping[c] = null;
      delete confidence[c];
      notes.push(`${label(headers, c)} holds amounts (e.g. ${p.example}), not units: it is not read as a quantity`);
    }
  }

  // The part column: where the values are our SKUs, UPCs or known cross-references.
  let best = -1;
  for (let c = 0; c < profiles.length; c++) {
    const p = profiles[c];
    if (p.values === 0 || share(p.parts, p.values) < 0.5 || p.parts < Math.min(2, p.values)) continue;
    if (best < 0 || share(p.parts, p.values) > share(profiles[best].parts, profiles[best].values)) best = c;
  }
  if (best >= 0) {
    const p = profiles[best];
    const ratio = share(p.parts, p.values);
    const sure = ratio >= 0.8 ? 0.9 : 0.75;
    const ids = ID_FIELDS.map(colOf).filter((c): c is number => c !== undefined);
    const idRatio = Math.max(0, ...ids.map((c) => share(profiles[c]?.parts ?? 0, profiles[c]?.values ?? 0)));
    const found = `${label(headers, best)} holds our part numbers (${p.parts} of ${p.values} sampled rows)`;
    if (ids.includes(best)) {
      if ((confidence[best] ?? 0) < CONFIDENT) {
        confidence[best] = sure;
        notes.push(`${found}: read as the part column`);
      }
    } else if (free(best) && (ids.length === 0 || idRatio + 0.3 <= ratio)) {
      const field: Field = p.barcodes === p.values ? "upc" : "sku";
      for (const c of ids) if (idRatio + 0.3 <= ratio && share(profiles[c]?.parts ?? 0, profiles[c]?.values ?? 0) < 0.2) {
        notes.push(`${label(headers, c)} is named like a part column but its values are not our part numbers: not used`);
        mapping[c] = null;
        delete confidence[c];
      }
      const existing = colOf(field);
      if (existing !== undefined) {
        mapping[existing] = null;
        delete confidence[existing];
      }
      mapping[best] = field;
      confidence[best] = sure;
      notes.push(`${found}: read as the part column`);
    }
  }

  // The date column: a column of dates.
  const dateCol = colOf("date");
  const isDates = (c: number) => profiles[c] && profiles[c].values > 0 && share(profiles[c].dates, profiles[c].values) >= 0.8;
  if (dateCol !== undefined && (confidence[dateCol] ?? 0) < CONFIDENT && isDates(dateCol)) {
    confidence[dateCol] = 0.85;
  } else if (dateCol === undefined) {
    const c = profiles.findIndex((_, i) => isDates(i) && free(i));
    if (c >= 0) {
      mapping[c] = "date";
      confidence[c] = 0.8;
      notes.push(`${label(headers, c)} holds dates: read as the date column`);
    }
  }

  // The unit-of-measure column: named so (its values must be codes, not numbers), or found by its values.
  const unitCol = colOf("unit");
  const isUnits = (c: number) => profiles[c] && profiles[c].values > 0 && share(profiles[c].unitCodes, profiles[c].values) >= 0.9;
  // Codes we do not know ("BAG") stay: their rows are rejected by name, never counted as units.
  const p = unitCol === undefined ? undefined : profiles[unitCol];
  if (unitCol !== undefined && p && p.values > 0 && p.unitCodes === 0 && share(p.numbers, p.values) >= 0.8) {
    mapping[unitCol] = null;
    delete confidence[unitCol];
    notes.push(`${label(headers, unitCol)} holds numbers, not units of measure (EA, CA, BX…): not read as the unit column`);
  } else if (unitCol === undefined) {
    // At least two distinct codes (EA and CA) in a column mapped to nothing: "CA" alone may as well be a state.
    const c = profiles.findIndex((q, i) => isUnits(i) && !mapping[i] && q.values >= 2 && q.units.length >= 2);
    if (c >= 0) {
      mapping[c] = "unit";
      confidence[c] = 0.8;
      notes.push(`${label(headers, c)} holds units of measure (${profiles[c].units.join(", ")}): read as the unit column`);
    }
  }
  return { mapping, confidence, notes };
}
