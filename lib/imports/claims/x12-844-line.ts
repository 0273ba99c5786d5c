/**
 * One PAD loop of an 844 (with what its CON loop shares) → one claim line, or errors naming the
 * segment at fault. Which qualifier means what is in `x12-844-codes.ts`; the line is checked by the
 * same schema as the API's claim lines, so a file and a JSON body are held to one rule.
 */
import { debitAmount } from "@/lib/domain/claims/arithmetic";
import type { ClaimLineInput } from "@/lib/domain/claims/types";
import { claimLineSchema } from "@/lib/validation/claims";
import { linIdentifiers, x12Decimal, x12Quantity } from "../x12-items";
import { el, x12Date, type Segment, type Separators } from "../x12-segments";
import {
  AUTHORIZATION_REFS, CTP_AUTHORIZED, CTP_BOOK, INVOICE_DATE, INVOICE_LINE_REFS, INVOICE_REFS, QUANTITY_QUALIFIERS, SHIP_DATE, UIT_AUTHORIZED, UIT_BOOK,
  UIT_UNUSED, UNIT_CODES,
} from "./x12-844-codes";

export interface Ref {
  value: string;
  position: number;
}
export interface Price extends Ref {
  /** The segment and code it came from, e.g. "UIT*DI" or "CTP*CON". */
  segment: string;
  unit: string;
}
export interface Amount extends Ref {
  segment: string;
  /** CDD04 is an N2 element: two implied decimals ("12345" = 123.45). */
  impliedDecimals: boolean;
}

export interface PadState {
  position: number;
  /** PAD01 as a positive integer, else 0 (the lines are then numbered in file order). */
  lineNo: number;
  lin?: Segment;
  qty?: Segment;
  book?: Price;
  authorized?: Price;
  amount?: Amount;
  refs: Map<string, Ref>;
  dates: Map<string, Ref>;
}

export interface ConState {
  position: number;
  authorization: string;
  refs: Map<string, Ref>;
  dates: Map<string, Ref>;
  customer?: Ref & { party: string };
}

export interface LineSink {
  error(line: number, segment: string, message: string): void;
  warn(line: number, code: string, message: string): void;
}

/** Where each field comes from, for the errors the schema raises. */
const SEGMENT_OF: Record<string, string> = {
  authorization: "CON02", invoice: "REF*IV", invoiceLine: "REF*LI", shipDate: "DTM*011", endCustomer: "N1*EN", sku: "LIN",
  quantity: "QTY02", bookCost: "UIT*DI", authorizedCost: "UIT*CT", claimedAmount: "AMT*S",
};

const first = (maps: Map<string, Ref>[], qualifiers: string[]) => {
  for (const m of maps) for (const q of qualifiers) {
    const r = m.get(q);
    if (r?.value) return { ...r, q };
  }
  return undefined;
};

/**
 * An item segment of a PAD loop (LIN, QTY, UIT, CTP, CDD) into the line's draft; `note` names what is
 * not read (or read only as a tolerance) in the answer's warnings.
 */
export function takeItem(p: PadState, s: Segment, seps: Separators | undefined, note: (why: string, code?: string) => void): void {
  const q = el(s, s.id === "CTP" ? 2 : s.id === "UIT" ? 3 : 1).toUpperCase();
  if (s.id === "LIN") return void (p.lin ? note("a second LIN in one PAD loop") : (p.lin = s));
  if (s.id === "QTY") {
    const order = Object.keys(QUANTITY_QUALIFIERS);
    if (!order.includes(q)) return note(`QTY*${q} is not a claimed quantity (QTY*${order.join(", QTY*")})`);
    if (!p.qty || order.indexOf(q) < order.indexOf(el(p.qty, 1))) p.qty = s;
    return;
  }
  if (s.id === "CDD") {
    note("CDD is not an 844 segment; CDD04 is read as the claimed amount when the line has no AMT*S", "segment_tolerated");
    if (!p.amount && el(s, 4)) p.amount = { value: el(s, 4), position: s.position, segment: "CDD04", impliedDecimals: true };
    return;
  }
  const uit = s.id === "UIT";
  if (!uit) note("CTP is not an 844 segment; its price is read by CTP02", "segment_tolerated");
  const [book, auth] = uit ? [UIT_BOOK, UIT_AUTHORIZED] : [CTP_BOOK, CTP_AUTHORIZED];
  const unit = uit ? (seps ? el(s, 1).split(seps.component)[0] : el(s, 1)).trim().toUpperCase() : "";
  const price: Price = { value: el(s, uit ? 2 : 3), position: s.position, segment: `${s.id}*${q}`, unit };
  if (book[q]) return void (p.book ? note("a second book cost in one PAD loop") : (p.book = price));
  if (auth[q]) return void (p.authorized ? note("a second authorised cost in one PAD loop") : (p.authorized = price));
  const unused = uit ? UIT_UNUSED[q] : undefined;
  note(unused ? `${s.id}*${q} (${unused}) is not used by a claim` : `${s.id} basis "${q}" is not a cost Sellthru reads (book: ${Object.keys(book).join("/")}; authorised: ${Object.keys(auth).join("/")})`);
}

function amountOf(a: Amount): number | undefined {
  if (!a.impliedDecimals) return x12Decimal(a.value);
  return /^-?\d+$/.test(a.value) ? Number(a.value) / 100 : undefined;
}

export function buildLine(p: PadState, c: ConState, sink: LineSink): ClaimLineInput | null {
  let ok = true;
  const fail = (line: number, segment: string, message: string) => {
    ok = false;
    sink.error(line, segment, message);
  };
  const pad = `the line (PAD at segment ${p.position})`;

  let authorization = c.authorization;
  const own = first([p.refs], Object.keys(AUTHORIZATION_REFS));
  if (own) {
    if (authorization && own.value !== authorization) {
      sink.warn(own.position, "authorization_ref", `REF*${own.q} ${own.value} of this line is used instead of the CON02 authorisation ${authorization} (segment ${c.position})`);
    }
    authorization = own.value;
  }
  if (!authorization) fail(p.position, "CON02", `No authorisation number: neither CON02 (segment ${c.position}) nor a REF*CT/AH/PR on ${pad}`);

  const invoice = first([p.refs, c.refs], Object.keys(INVOICE_REFS));
  if (!invoice) fail(p.position, "REF*IV", `No invoice number: ${pad} and its CON loop carry no REF*IV or REF*DI`);
  const invoiceLine = first([p.refs], Object.keys(INVOICE_LINE_REFS));

  const shipped = first([p.dates, c.dates], [SHIP_DATE]);
  const dated = shipped ?? first([p.dates, c.dates], [INVOICE_DATE]);
  const shipDate = dated ? x12Date(dated.value) : undefined;
  if (!dated) fail(p.position, "DTM*011", `No ship date: no DTM*011 (shipped) or DTM*003 (invoice) on ${pad} or its CON loop`);
  else if (!shipDate) fail(dated.position, `DTM*${dated.q}`, `"${dated.value}" is not a CCYYMMDD date`);
  else if (!shipped) sink.warn(dated.position, "ship_date_from_invoice", `No DTM*011 ship date: the invoice date ${shipDate} (DTM*003) is used as the ship date`);

  if (!c.customer) fail(p.position, "N1*EN", `No end customer: the CON loop at segment ${c.position} has no N1*EN or N1*BY with a name or id`);

  let sku: string | undefined;
  if (!p.lin) fail(p.position, "LIN", `No LIN product identification on ${pad}`);
  else {
    const { ids, unknownQualifiers } = linIdentifiers(p.lin);
    sku = ids.sku ?? ids.distributorPart ?? ids.upc;
    if (unknownQualifiers.length > 0) sink.warn(p.lin.position, "segment_not_read", `LIN qualifier(s) ${unknownQualifiers.join(", ")} are not product identifiers Sellthru knows; not read`);
    if (!sku) fail(p.lin.position, "LIN03", "LIN carries no product identifier (VP, MG, BP or UP)");
    else if (!ids.sku) {
      const what = ids.distributorPart ? "the buyer's part number (BP)" : "the UPC";
      sink.warn(p.lin.position, "sku_not_manufacturer_part", `LIN gives no manufacturer part number (VP/MG): ${what} ${sku} is used as the SKU`);
    }
  }

  let quantity: number | undefined;
  if (!p.qty) fail(p.position, "QTY", `No QTY quantity on ${pad}`);
  else {
    const q = x12Quantity(el(p.qty, 2));
    if (!q.ok) fail(p.qty.position, "QTY02", q.message);
    else quantity = q.value;
    const unit = el(p.qty, 3).toUpperCase();
    if (!UNIT_CODES.has(unit)) fail(p.qty.position, "QTY03", `The quantity is in ${unit}: claims count single units (EA); send the quantity and costs per unit`);
  }

  const cost = (r: Price | undefined, segment: string, what: string): number | undefined => {
    if (!r) return void fail(p.position, segment, `No ${what} on ${pad}`);
    if (!UNIT_CODES.has(r.unit)) return void fail(r.position, r.segment, `The ${what} is per ${r.unit}: claims are priced per unit (EA)`);
    const v = x12Decimal(r.value);
    if (v === undefined) fail(r.position, r.segment, `"${r.value}" is not a ${what}`);
    return v;
  };
  const bookCost = cost(p.book, "UIT*DI", "book cost (UIT03 DI)");
  const authorizedCost = cost(p.authorized, "UIT*CT", "authorised cost (UIT03 CT, TE, QT, QE or PR)");

  let claimedAmount = p.amount ? amountOf(p.amount) : undefined;
  if (p.amount && claimedAmount === undefined) fail(p.amount.position, p.amount.segment, `"${p.amount.value}" is not an amount`);
  else if (!p.amount && quantity !== undefined && bookCost !== undefined && authorizedCost !== undefined) {
    claimedAmount = debitAmount(quantity, bookCost, authorizedCost);
    sink.warn(p.position, "amount_computed", `No claimed amount (AMT*S) on ${pad}: quantity × (book − authorised) = ${claimedAmount.toFixed(2)} is claimed`);
  }
  if (!ok) return null;

  const candidate = {
    authorization, invoice: invoice!.value, invoiceLine: invoiceLine?.value ?? null, shipDate: shipDate!, endCustomer: c.customer!.value,
    sku: sku!, quantity: quantity!, bookCost: bookCost!, authorizedCost: authorizedCost!, claimedAmount: claimedAmount!,
  };
  const checked = claimLineSchema.safeParse(candidate);
  if (!checked.success) {
    for (const i of checked.error.issues) fail(p.position, SEGMENT_OF[String(i.path[0])] ?? "PAD", i.message);
    return null;
  }
  return { line: p.lineNo, ...candidate };
}
