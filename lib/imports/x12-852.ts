/**
 * X12 852 Product Activity Data → per-item summary rows.
 *
 * XQ (XQ01 reporting code, XQ02/XQ03 period start/end), N1 reporting location (informational),
 * then per item: LIN (identifiers), ZA activity (ZA01 code, ZA02 quantity, ZA03 unit) and SDQ
 * location splits (SDQ03/04, 05/06 … location/quantity pairs belonging to the preceding ZA; summed
 * when ZA02 is empty, checked against it otherwise). Codes: QS/Q1 sold; QA, OH, QE on hand (in that
 * order of preference); QR received. Other codes are reported once as warnings and ignored.
 */
import { el, x12Date, type Segment } from "./x12-segments";
import { linIdentifiers, x12Quantity, type X12Out } from "./x12-items";
import type { SummaryRow } from "./types";

const SOLD = ["QS", "Q1"];
const ON_HAND = ["QA", "OH", "QE"];
const RECEIVED = ["QR"];
const KNOWN = new Set([...SOLD, ...ON_HAND, ...RECEIVED]);

interface Activity {
  code: string;
  position: number;
  za02: string;
  splits: number[];
  splitError?: string;
}

export class Reader852 {
  private item: { lin: Segment; activities: Activity[] } | null = null;
  private items = 0;
  private readonly ignored = new Map<string, number>();

  constructor(private readonly emit: (o: X12Out) => void) {}

  segment(s: Segment): void {
    switch (s.id) {
      case "XQ": {
        const start = x12Date(el(s, 2));
        const end = x12Date(el(s, 3)) ?? start;
        if (!start) this.emit({ t: "warn", line: s.position, message: `XQ02 "${el(s, 2)}" is not a CCYYMMDD date` });
        else this.emit({ t: "period", start, end });
        return;
      }
      case "LIN":
        this.closeItem();
        this.item = { lin: s, activities: [] };
        return;
      case "ZA":
        if (!this.item) return this.emit({ t: "warn", line: s.position, message: "ZA before any LIN is ignored" });
        this.item.activities.push({ code: el(s, 1).toUpperCase(), position: s.position, za02: el(s, 2), splits: [] });
        return;
      case "SDQ":
        return this.sdq(s);
      case "CTT": {
        this.closeItem();
        if (el(s, 1) && Number(el(s, 1)) !== this.items) {
          this.emit({ t: "warn", line: s.position, message: `CTT01 says ${el(s, 1)} line items; the file has ${this.items}` });
        }
        return;
      }
      case "SE":
        this.closeItem();
        for (const [code, n] of this.ignored) {
          this.emit({ t: "warn", message: `ZA*${code} (${n} time${n === 1 ? "" : "s"}) is an activity Sellthru does not use; ignored` });
        }
        this.ignored.clear();
        return;
    }
  }

  private sdq(s: Segment): void {
    const za = this.item?.activities.at(-1);
    if (!za) return this.emit({ t: "warn", line: s.position, message: "SDQ without a preceding ZA is ignored" });
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
    const totals = new Map<string, number>();
    for (const a of it.activities) {
      if (!KNOWN.has(a.code)) {
        this.ignored.set(a.code, (this.ignored.get(a.code) ?? 0) + 1);
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
          this.emit({ t: "warn", line: a.position, message: `ZA*${a.code} says ${value} but its SDQ locations add up to ${split}; ZA02 is used` });
        }
      }
      totals.set(a.code, (totals.get(a.code) ?? 0) + value);
    }
    const pick = (codes: string[]) => codes.map((c) => totals.get(c)).find((v) => v !== undefined);
    const sold = pick(SOLD);
    const onHand = pick(ON_HAND);
    const received = pick(RECEIVED);
    if (sold === undefined && onHand === undefined) {
      return this.emit({ t: "error", line, column: "ZA01", message: "No ZA with quantity sold (QS) or on hand (QA/OH) for this item" });
    }
    if (onHand !== undefined && onHand < 0) return this.emit({ t: "error", line, column: "ZA02", message: `On hand ${onHand} cannot be negative` });
    const record: SummaryRow = { line, identifiers: ids, sold: sold ?? null, onHand: onHand ?? null };
    if (received !== undefined) record.received = received;
    this.emit({ t: "summary", record });
  }
}
