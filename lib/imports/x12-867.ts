/**
 * X12 867 Product Transfer and Resale Report → POS lines.
 *
 * Heading: BPT, DTM*090/091 (report period). Detail: PTD loops, PTD01 the transfer type; inside a
 * PTD before its items: DTM (003 invoice, 011 shipped, 035 delivered, 050 received), REF (IV or DI
 * invoice, else CM/RA/PO…), the N1 loop (N1*BY / N1*ST / N1*EN end customer, N3, N4
 * city/state/country). Items: the QTY loop (QTY, LIN or — in 005010 — SII, UIT, PO4, DTM, REF…);
 * some senders put LIN first, so whichever of QTY/LIN/SII opens a PTD's first item opens every
 * item of that PTD. QTY03 is the unit (cases are converted by the aggregator or asked about).
 * Summary: CTT (checked, warned).
 *
 * Dates: a line without its own date takes its PTD's, else its invoice's (another line of the same
 * invoice in the transaction set); an 867 without DTM*090/091 takes its period from the line dates
 * and says so. Every transfer type met is named in `codes` with what was done with it.
 */
import { el, x12Date, type Segment } from "./x12-segments";
import { linIdentifiers, x12Decimal, x12Quantity, type X12Out } from "./x12-items";
import { INVOICE_REFS, ptdMeaning } from "./x12-codes";
import type { Movement, PosLine } from "./types";

const SALES = new Set(["SS", "SD", "DS", "SH", "CS"]);
const RETURNS_TO_VENDOR = new Set(["RV"]);
const ADJUSTMENTS = new Set(["IA", "IB", "SA", "SC", "BR", "CR", "RU", "RC", "TD", "PA", "BQ"]);
const DATE_QUALIFIERS = ["003", "011", "035", "050"];
const CUSTOMER_PARTIES = ["BY", "ST", "EN"];

export function movementOf(transferType: string): Movement | null {
  if (SALES.has(transferType)) return "sell_through";
  if (RETURNS_TO_VENDOR.has(transferType)) return "return_to_vendor";
  if (ADJUSTMENTS.has(transferType)) return "adjustment";
  return null;
}

function countedAs(transferType: string): string {
  const m = movementOf(transferType);
  if (m === "sell_through") return "sold (negative lines are credits)";
  if (m === "return_to_vendor") return "returned to the manufacturer";
  if (m === "adjustment") return "not counted (adjustments are approved by the manufacturer)";
  return transferType === "BB" ? "not used (no goods moved)" : "not used";
}

interface Party {
  name?: string;
  city?: string;
  state?: string;
  country?: string;
}

interface Item {
  position: number;
  qty?: { qualifier: string; raw: string; unit: string; position: number };
  lin?: Segment;
  price?: number;
  dates: Map<string, string>;
  refs: Map<string, string>;
}

export class Reader867 {
  private ptd: { type: string; position: number; dates: Map<string, string>; refs: Map<string, string>; parties: Map<string, Party>; party?: string } | null = null;
  private starter: string | null = null;
  private item: Item | null = null;
  private items = 0;
  private hash = 0;
  private readonly header = new Map<string, string>();
  private readonly types = new Map<string, number>();
  /** Invoice → the first date a line of it carries (for its undated lines). */
  private readonly invoiceDates = new Map<string, string>();
  private undated: PosLine[] = [];
  private first?: string;
  private last?: string;

  constructor(private readonly emit: (o: X12Out) => void) {}

  /** Items met so far in this transaction set (the open one included). */
  get itemCount(): number {
    return this.items + (this.item ? 1 : 0);
  }

  segment(s: Segment): void {
    const id = s.id;
    if (id === "PTD") return this.openPtd(s);
    if (id === "CTT") return this.ctt(s);
    if (id === "SE") {
      this.closeItem();
      this.endSet();
      return;
    }
    if (!this.ptd) {
      if (id === "DTM") this.header.set(el(s, 1), el(s, 2));
      return;
    }
    if ((id === "QTY" || id === "LIN" || id === "SII") && (this.starter ??= id) === id) {
      this.closeItem();
      this.item = { position: s.position, dates: new Map(), refs: new Map() };
    }
    const it = this.item;
    if (!it) return this.ptdSegment(s);
    if (id === "QTY") {
      if (!it.qty || el(s, 1) === "39") it.qty = { qualifier: el(s, 1), raw: el(s, 2), unit: el(s, 3).toUpperCase(), position: s.position };
    } else if (id === "LIN" || (id === "SII" && !it.lin)) it.lin = s;
    else if (id === "UIT") it.price = x12Decimal(el(s, 2));
    else if (id === "DTM") it.dates.set(el(s, 1), el(s, 2));
    else if (id === "REF") it.refs.set(el(s, 1), el(s, 2));
  }

  private endSet(): void {
    for (const p of this.undated) {
      const d = p.invoice ? this.invoiceDates.get(p.invoice) : undefined;
      if (d) p.date = d;
      else this.emit({ t: "warn", line: p.line, code: "no_date", message: "This line has no date (no DTM on the line, its PTD or another line of its invoice): counted in the period uploaded" });
      this.emit({ t: "pos", record: p });
    }
    this.undated = [];
    for (const [type, n] of this.types) this.emit({ t: "note", note: { code: `PTD*${type || "(blank)"}`, meaning: ptdMeaning(type), use: countedAs(type), count: n } });
    this.types.clear();
    const start = x12Date(this.header.get("090") ?? "");
    const end = x12Date(this.header.get("091") ?? "");
    if (start || end) this.emit({ t: "period", start, end });
    else if (this.first && this.last) {
      this.emit({ t: "period", start: this.first, end: this.last });
      this.emit({ t: "warn", code: "no_period", message: `The 867 declares no reporting period (DTM*090/091): its line dates run from ${this.first} to ${this.last}` });
    }
    if (this.items === 0) this.emit({ t: "warn", code: "segment_ignored", message: "The 867 transaction set has no items" });
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
      this.emit({ t: "warn", line: s.position, code: "control_totals", message: `CTT01 says ${declared} line items; the file has ${this.items}` });
    }
    if (el(s, 2) && Number(el(s, 2)) !== this.hash) {
      this.emit({ t: "warn", line: s.position, code: "control_totals", message: `CTT02 hash total ${el(s, 2)} differs from the sum of quantities ${this.hash}` });
    }
  }

  private closeItem(): void {
    const it = this.item;
    this.item = null;
    if (!it || !this.ptd) return;
    this.items++;
    const p = this.ptd;
    this.types.set(p.type, (this.types.get(p.type) ?? 0) + 1);
    const line = it.position;
    if (!it.lin) return this.emit({ t: "error", line, column: "LIN", message: "Item without a LIN (or SII) product identification" });
    const { ids } = linIdentifiers(it.lin);
    if (!ids.sku && !ids.distributorPart && !ids.upc) {
      return this.emit({ t: "error", line, column: it.lin.id === "SII" ? "SII" : "LIN03", message: `${it.lin.id} carries no product identifier` });
    }
    if (!it.qty) return this.emit({ t: "error", line, column: "QTY", message: "Item without a QTY quantity" });
    const q = x12Quantity(it.qty.raw);
    if (!q.ok) return this.emit({ t: "error", line, column: "QTY02", message: q.message });
    this.hash += q.value;
    const movement = movementOf(p.type);
    if (!movement) {
      const why = p.type === "BB" ? "demand information only" : `${ptdMeaning(p.type)} (not a transfer Sellthru counts)`;
      return this.emit({ t: "skip", line, reason: `PTD*${p.type || "(blank)"} (segment ${p.position}) is ${why}; not counted` });
    }
    const record: PosLine = { line, movement, transferType: p.type, identifiers: ids, quantity: q.value };
    if (it.qty.unit) record.unit = it.qty.unit;
    const dateRaw = [it.dates, p.dates].flatMap((m) => DATE_QUALIFIERS.map((k) => m.get(k))).find((d) => d);
    if (dateRaw) {
      const d = x12Date(dateRaw);
      if (!d) return this.emit({ t: "error", line, column: "DTM02", message: `"${dateRaw}" is not a CCYYMMDD date` });
      record.date = d;
      if (!this.first || d < this.first) this.first = d;
      if (!this.last || d > this.last) this.last = d;
    }
    const invoice = INVOICE_REFS.flatMap((k) => [it.refs.get(k), p.refs.get(k)]).find((v) => v);
    if (invoice) record.invoice = invoice;
    if (invoice && record.date && !this.invoiceDates.has(invoice)) this.invoiceDates.set(invoice, record.date);
    const lineNo = it.lin.id === "LIN" ? el(it.lin, 1) : it.refs.get("LI") ?? "";
    if (lineNo) record.invoiceLine = lineNo;
    if (it.price !== undefined) record.unitPrice = it.price;
    const named = CUSTOMER_PARTIES.map((k) => p.parties.get(k)).filter((x): x is Party => !!x);
    const customer = named.find((x) => x.name)?.name;
    const place = p.parties.get("ST") ?? named.find((x) => x.city || x.country);
    if (customer) record.endCustomer = customer;
    if (place?.city) record.shipToCity = place.city;
    if (place?.state) record.shipToState = place.state;
    if (place?.country) record.shipToCountry = place.country;
    if (!record.date) {
      const known = invoice ? this.invoiceDates.get(invoice) : undefined;
      if (known) record.date = known;
      // Held until SE only when a later line of its invoice may still give the date.
      else if (invoice) return void this.undated.push(record);
      else this.emit({ t: "warn", line, code: "no_date", message: "This line has no date (no DTM on the line, its PTD or another line of its invoice): counted in the period uploaded" });
    }
    this.emit({ t: "pos", record });
  }
}
