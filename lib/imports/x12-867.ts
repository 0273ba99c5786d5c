/**
 * X12 867 Product Transfer and Resale Report → POS lines.
 *
 * Heading: BPT, DTM*090/091 (report period). Detail: PTD loops, PTD01 the transfer type; inside a
 * PTD before its items: DTM (003 invoice, 011 shipped, 035 delivered, 050 received), REF (IV invoice,
 * else CM/RA/PO…), the N1 loop (N1*BY / N1*ST / N1*EN end customer, N3, N4 city/state/country).
 * Items: the QTY loop (QTY, LIN, UIT, PO4, DTM, REF…) — some senders put LIN first, so whichever
 * of QTY/LIN opens a PTD's first item opens every item of that PTD. Summary: CTT (checked, warned).
 */
import { el, x12Date, type Segment } from "./x12-segments";
import { linIdentifiers, x12Decimal, x12Quantity, type X12Out } from "./x12-items";
import type { Movement, PosLine } from "./types";

const SALES = new Set(["SS", "SD", "DS", "SH", "CS"]);
const RETURNS_TO_VENDOR = new Set(["RV"]);
const ADJUSTMENTS = new Set(["IA", "IB", "SA", "SC", "BR", "CR", "RU", "RC", "TD", "PA", "BQ"]);
const DATE_QUALIFIERS = ["003", "011", "035", "050"];
const REF_QUALIFIERS = ["IV", "CM", "RA", "PO"];
const CUSTOMER_PARTIES = ["BY", "ST", "EN"];

export function movementOf(transferType: string): Movement | null {
  if (SALES.has(transferType)) return "sell_through";
  if (RETURNS_TO_VENDOR.has(transferType)) return "return_to_vendor";
  if (ADJUSTMENTS.has(transferType)) return "adjustment";
  return null;
}

interface Party {
  name?: string;
  city?: string;
  state?: string;
  country?: string;
}

interface Item {
  position: number;
  qty?: { qualifier: string; raw: string; position: number };
  lin?: Segment;
  price?: number;
  dates: Map<string, string>;
  refs: Map<string, string>;
}

export class Reader867 {
  private ptd: { type: string; position: number; dates: Map<string, string>; refs: Map<string, string>; parties: Map<string, Party>; party?: string } | null = null;
  private starter: "QTY" | "LIN" | null = null;
  private item: Item | null = null;
  private items = 0;
  private hash = 0;
  private readonly header = new Map<string, string>();

  constructor(private readonly emit: (o: X12Out) => void) {}

  segment(s: Segment): void {
    const id = s.id;
    if (id === "PTD") return this.openPtd(s);
    if (id === "CTT") return this.ctt(s);
    if (id === "SE") {
      this.closeItem();
      this.emitPeriod();
      return;
    }
    if (!this.ptd) {
      if (id === "DTM") this.header.set(el(s, 1), el(s, 2));
      return;
    }
    if ((id === "QTY" || id === "LIN") && (this.starter ??= id) === id) {
      this.closeItem();
      this.item = { position: s.position, dates: new Map(), refs: new Map() };
    }
    const it = this.item;
    if (!it) return this.ptdSegment(s);
    if (id === "QTY") {
      if (!it.qty || el(s, 1) === "39") it.qty = { qualifier: el(s, 1), raw: el(s, 2), position: s.position };
    } else if (id === "LIN") it.lin = s;
    else if (id === "UIT") it.price = x12Decimal(el(s, 2));
    else if (id === "DTM") it.dates.set(el(s, 1), el(s, 2));
    else if (id === "REF") it.refs.set(el(s, 1), el(s, 2));
  }

  private emitPeriod(): void {
    const start = x12Date(this.header.get("090") ?? "");
    const end = x12Date(this.header.get("091") ?? "");
    if (start || end) this.emit({ t: "period", start, end });
    if (this.items === 0) this.emit({ t: "warn", message: "The 867 transaction set has no items" });
  }

  private openPtd(s: Segment): void {
    this.closeItem();
    this.ptd = { type: el(s, 1).toUpperCase(), position: s.position, dates: new Map(), refs: new Map(), parties: new Map() };
    this.starter = null;
  }

  /** PTD-level DTM, REF and the N1 loop. */
  private ptdSegment(s: Segment): void {
    const p = this.ptd!;
    if (s.id === "DTM") p.dates.set(el(s, 1), el(s, 2));
    else if (s.id === "REF" && !p.refs.has(el(s, 1))) p.refs.set(el(s, 1), el(s, 2));
    else if (s.id === "N1") {
      p.party = el(s, 1).toUpperCase();
      p.parties.set(p.party, { name: el(s, 2) || undefined });
    } else if (s.id === "N4" && p.party) {
      const party = p.parties.get(p.party)!;
      party.city = el(s, 1) || undefined;
      party.state = el(s, 2) || undefined;
      party.country = el(s, 4) || undefined;
    }
  }

  private ctt(s: Segment): void {
    this.closeItem();
    const declared = Number(el(s, 1));
    if (el(s, 1) && declared !== this.items) {
      this.emit({ t: "warn", line: s.position, message: `CTT01 says ${declared} line items; the file has ${this.items}` });
    }
    if (el(s, 2) && Number(el(s, 2)) !== this.hash) {
      this.emit({ t: "warn", line: s.position, message: `CTT02 hash total ${el(s, 2)} differs from the sum of quantities ${this.hash}` });
    }
  }

  private closeItem(): void {
    const it = this.item;
    this.item = null;
    if (!it || !this.ptd) return;
    this.items++;
    const p = this.ptd;
    const line = it.position;
    if (!it.lin) return this.emit({ t: "error", line, column: "LIN", message: "Item without a LIN product identification" });
    const { ids } = linIdentifiers(it.lin);
    if (!ids.sku && !ids.distributorPart && !ids.upc) {
      return this.emit({ t: "error", line, column: "LIN03", message: "LIN carries no product identifier" });
    }
    if (!it.qty) return this.emit({ t: "error", line, column: "QTY", message: "Item without a QTY quantity" });
    const q = x12Quantity(it.qty.raw);
    if (!q.ok) return this.emit({ t: "error", line, column: "QTY02", message: q.message });
    this.hash += q.value;
    const movement = movementOf(p.type);
    if (!movement) {
      const why = p.type === "BB" ? "demand information only" : "a transfer type Sellthru does not know";
      return this.emit({ t: "skip", line, reason: `PTD*${p.type || "(blank)"} (segment ${p.position}) is ${why}; not counted` });
    }
    const record: PosLine = { line, movement, transferType: p.type, identifiers: ids, quantity: q.value };
    const dateRaw = [it.dates, p.dates].flatMap((m) => DATE_QUALIFIERS.map((k) => m.get(k))).find((d) => d);
    if (dateRaw) {
      const d = x12Date(dateRaw);
      if (!d) return this.emit({ t: "error", line, column: "DTM02", message: `"${dateRaw}" is not a CCYYMMDD date` });
      record.date = d;
    }
    const invoice = REF_QUALIFIERS.flatMap((k) => [it.refs.get(k), p.refs.get(k)]).find((v) => v);
    if (invoice) record.invoice = invoice;
    const lineNo = el(it.lin, 1);
    if (lineNo) record.invoiceLine = lineNo;
    if (it.price !== undefined) record.unitPrice = it.price;
    const named = CUSTOMER_PARTIES.map((k) => p.parties.get(k)).filter((x): x is Party => !!x);
    const customer = named.find((x) => x.name)?.name;
    const place = p.parties.get("ST") ?? named.find((x) => x.city || x.country);
    if (customer) record.endCustomer = customer;
    if (place?.city) record.shipToCity = place.city;
    if (place?.state) record.shipToState = place.state;
    if (place?.country) record.shipToCountry = place.country;
    this.emit({ t: "pos", record });
  }
}
