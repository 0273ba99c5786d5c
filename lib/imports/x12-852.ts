/**
 * X12 852 Product Activity Data → per-item summary rows.
 *
 * XQ (XQ01 reporting code, XQ02/XQ03 period start/end), N1 reporting location (informational),
 * then per item: LIN (identifiers), ZA activity (ZA01 code, ZA02 quantity, ZA03 unit) and SDQ
 * location splits (SDQ03/04, 05/06 … location/quantity pairs belonging to the preceding ZA; summed
 * when ZA02 is empty, checked against it otherwise). Codes (x12-codes.ts): QS, else TS, sold;
 * Q1 net sold; QU/Q2/Q3 returned by customers, subtracted from sold when the file gives both;
 * QA, else OH, else QE on hand; QR received. Every other code is named in the answer's `codes`
 * with its meaning and "not used". Units (ZA03) travel with each figure: the aggregator converts
 * cases to units with the product's pack size, or asks.
 */
import { el, x12Date, type Segment } from "./x12-segments";
import { linIdentifiers, x12Quantity, type X12Out } from "./x12-items";
import { ZA_CUSTOMER_RETURNS, ZA_NET_SOLD, ZA_ON_HAND, ZA_RECEIVED, ZA_SOLD, zaMeaning, zaUnusedUse } from "./x12-codes";
import type { SummaryRow } from "./types";

const USED = new Set([...ZA_SOLD, ...ZA_NET_SOLD, ...ZA_CUSTOMER_RETURNS, ...ZA_ON_HAND, ...ZA_RECEIVED]);

interface Activity {
  code: string;
  position: number;
  za02: string;
  unit: string;
  splits: number[];
  splitError?: string;
}

interface Figure {
  value: number;
  unit: string;
  code: string;
}

export class Reader852 {
  private item: { lin: Segment; activities: Activity[] } | null = null;
  private items = 0;
  private readonly codes = new Map<string, { use: string; count: number }>();

  constructor(private readonly emit: (o: X12Out) => void) {}

  /** Items met so far in this transaction set (the open one included). */
  get itemCount(): number {
    return this.items + (this.item ? 1 : 0);
  }

  segment(s: Segment): void {
    switch (s.id) {
      case "XQ": {
        const start = x12Date(el(s, 2));
        const end = x12Date(el(s, 3)) ?? start;
        if (!start) this.emit({ t: "warn", line: s.position, code: "no_period", message: `XQ02 "${el(s, 2)}" is not a CCYYMMDD date` });
        else this.emit({ t: "period", start, end });
        return;
      }
      case "LIN":
        this.closeItem();
        this.item = { lin: s, activities: [] };
        return;
      case "ZA":
        if (!this.item) return this.emit({ t: "warn", line: s.position, code: "segment_ignored", message: "ZA before any LIN is ignored" });
        this.item.activities.push({ code: el(s, 1).toUpperCase(), position: s.position, za02: el(s, 2), unit: el(s, 3).toUpperCase(), splits: [] });
        return;
      case "SDQ":
        return this.sdq(s);
      case "CTT": {
        this.closeItem();
        if (el(s, 1) && Number(el(s, 1)) !== this.items) {
          this.emit({ t: "warn", line: s.position, code: "control_totals", message: `CTT01 says ${el(s, 1)} line items; the file has ${this.items}` });
        }
        return;
      }
      case "SE":
        this.closeItem();
        for (const [key, n] of this.codes) {
          const code = key.slice(0, key.indexOf("\u0000"));
          this.emit({ t: "note", note: { code: `ZA*${code}`, meaning: zaMeaning(code), use: n.use, count: n.count } });
        }
        this.codes.clear();
        return;
    }
  }

  private named(code: string, use: string): void {
    const key = `${code}\u0000${use}`;
    const had = this.codes.get(key);
    if (had) had.count++;
    else this.codes.set(key, { use, count: 1 });
  }

  private sdq(s: Segment): void {
    const za = this.item?.activities.at(-1);
    if (!za) return this.emit({ t: "warn", line: s.position, code: "segment_ignored", message: "SDQ without a preceding ZA is ignored" });
    if (!za.unit && el(s, 1)) za.unit = el(s, 1).toUpperCase();
    for (let i = 3; i + 1 < s.elements.length; i += 2) {
      if (!el(s, i) && !el(s, i + 1)) continue;
      const q = x12Quantity(el(s, i + 1));
      if (q.ok) za.splits.push(q.value);
      else za.splitError ??= `SDQ${String(i + 1).padStart(2, "0")} at segment ${s.position}: ${q.message}`;
    }
  }

  private closeItem(): void {
    const it = this.item;
    this.item = null;
    if (!it) return;
    this.items++;
    const line = it.lin.position;
    const { ids } = linIdentifiers(it.lin);
    if (!ids.sku && !ids.distributorPart && !ids.upc) {
      return this.emit({ t: "error", line, column: "LIN03", message: "LIN carries no product identifier" });
    }
    const totals = new Map<string, Figure>();
    for (const a of it.activities) {
      if (!USED.has(a.code)) {
        this.named(a.code, zaUnusedUse(a.code));
        continue;
      }
      if (a.splitError) return this.emit({ t: "error", line, column: "SDQ", message: a.splitError });
      let value: number;
      if (a.za02 === "") {
        if (a.splits.length === 0) return this.emit({ t: "error", line, column: "ZA02", message: `ZA*${a.code} at segment ${a.position} has neither a quantity nor SDQ splits` });
        value = a.splits.reduce((x, y) => x + y, 0);
      } else {
        const q = x12Quantity(a.za02);
        if (!q.ok) return this.emit({ t: "error", line, column: "ZA02", message: `ZA*${a.code} at segment ${a.position}: ${q.message}` });
        value = q.value;
        const split = a.splits.reduce((x, y) => x + y, 0);
        if (a.splits.length > 0 && split !== value) {
          this.emit({ t: "warn", line: a.position, code: "location_split", message: `ZA*${a.code} says ${value} but its SDQ locations add up to ${split}; ZA02 is used` });
        }
      }
      const had = totals.get(a.code);
      if (had && had.unit !== a.unit) {
        return this.emit({ t: "error", line, column: "ZA03", message: `ZA*${a.code} is given in ${had.unit || "(no unit)"} and in ${a.unit || "(no unit)"} for this item; send one unit per code` });
      }
      totals.set(a.code, { value: (had?.value ?? 0) + value, unit: a.unit, code: a.code });
    }
    const pick = (codes: string[], use: string): Figure | undefined => {
      const present = codes.filter((c) => totals.has(c));
      present.slice(1).forEach((c) => this.named(c, `not used (${present[0]} is used for ${use})`));
      if (present[0]) this.named(present[0], use);
      return present[0] ? totals.get(present[0]) : undefined;
    };
    const gross = pick(ZA_SOLD, "sold");
    const net = pick(ZA_NET_SOLD, gross ? "not used (sold comes from the gross figure less customer returns)" : "sold (net of customer returns)");
    const returns = ZA_CUSTOMER_RETURNS.filter((c) => totals.has(c)).map((c) => totals.get(c)!);
    const onHand = pick(ZA_ON_HAND, "on hand");
    const received = pick(ZA_RECEIVED, "received (for information)");
    let sold: Figure | undefined;
    if (gross) {
      sold = { ...gross };
      for (const r of returns) {
        if (r.unit !== gross.unit) {
          return this.emit({ t: "error", line, column: "ZA03", message: `ZA*${gross.code} is in ${gross.unit || "(no unit)"} but ZA*${r.code} in ${r.unit || "(no unit)"}: net sold cannot be worked out` });
        }
        sold.value -= r.value;
        this.named(r.code, `returned by customers (subtracted from ZA*${gross.code})`);
      }
    } else {
      if (net) sold = net;
      for (const r of returns) this.named(r.code, net ? "not used (ZA*Q1 is already net of customer returns)" : "not used (no sales figure to subtract it from)");
      if (!net && returns.length > 0) this.emit({ t: "warn", line, code: "returns_without_sales", message: `Customer returns (ZA*${returns.map((r) => r.code).join("/")}) without a sales figure for this item: not counted` });
    }
    if (sold === undefined && onHand === undefined) {
      return this.emit({ t: "error", line, column: "ZA01", message: "No ZA with quantity sold (QS/TS/Q1) or on hand (QA/OH/QE) for this item" });
    }
    if (onHand !== undefined && onHand.value < 0) return this.emit({ t: "error", line, column: "ZA02", message: `On hand ${onHand.value} cannot be negative` });
    const record: SummaryRow = { line, identifiers: ids, sold: sold?.value ?? null, onHand: onHand?.value ?? null };
    if (received !== undefined) record.received = received.value;
    const units: NonNullable<SummaryRow["units"]> = {};
    if (sold?.unit) units.sold = sold.unit;
    if (onHand?.unit) units.onHand = onHand.unit;
    if (received?.unit) units.received = received.unit;
    if (Object.keys(units).length > 0) record.units = units;
    this.emit({ t: "summary", record });
  }
}
