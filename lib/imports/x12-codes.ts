/**
 * The X12 code lists the readers name in their answers: 852 ZA01 activity codes (element 859),
 * 867 PTD01 product transfer types (element 521) and what Sellthru does with each. A code a file
 * uses is always named in the answer's `codes` with its meaning — counted or "not used" — never
 * dropped unmentioned. Meanings follow the X12 code lists (4010/5010); codes outside them are
 * named as such.
 */

/** 859 Activity Code → meaning. */
export const ZA_MEANING: Record<string, string> = {
  BS: "bailment sales quantity",
  BT: "transportation sales quantity",
  DG: "quantity damaged",
  HL: "quantity on hold",
  LS: "lost sales",
  MS: "military sales quantity",
  OF: "off premise quantity",
  OH: "gross quantity on hand",
  OP: "on premise sales quantity",
  OQ: "planned order quantity",
  PA: "production quantity adjustment",
  PO: "calculated reorder point",
  Q1: "quantity sold (net)",
  Q2: "quantity returned",
  Q3: "quantity returned (defective/damaged)",
  QA: "current inventory quantity available for shipment or sale",
  QB: "beginning balance quantity",
  QC: "quantity committed",
  QD: "additional demand quantity",
  QE: "ending balance quantity",
  QF: "quantity in-bond",
  QH: "quantity damaged or on hold",
  QI: "quantity in transit",
  QK: "quantity not listed",
  QL: "minimum inventory quantity",
  QM: "maximum inventory quantity",
  QN: "planned inventory quantity",
  QO: "quantity out of stock",
  QP: "quantity on order, not yet received",
  QR: "quantity received",
  QS: "quantity sold",
  QT: "adjustment to inventory quantity",
  QU: "quantity returned by consumer",
  QW: "quantity withdrawn from warehouse inventory",
  QX: "quantity requested",
  QZ: "quantity transferred",
  RE: "retail sales quantity",
  TS: "total sales quantity",
  WQ: "wholesale sales quantity",
};

/** What an 852 figure becomes, in order of preference within each figure. */
export const ZA_SOLD = ["QS", "TS"];
export const ZA_NET_SOLD = ["Q1"];
export const ZA_CUSTOMER_RETURNS = ["QU", "Q2", "Q3"];
export const ZA_ON_HAND = ["QA", "OH", "QE"];
export const ZA_RECEIVED = ["QR"];

/** Why a code is not used, where there is more to say than "not used". */
const ZA_UNUSED: Record<string, string> = {
  QT: "not counted (adjustments are approved by the manufacturer)",
  QP: "not used (Sellthru does not track open orders)",
  QO: "not used",
};

export function zaMeaning(code: string): string {
  return ZA_MEANING[code] ?? "not an X12 activity code";
}

export function zaUnusedUse(code: string): string {
  return ZA_UNUSED[code] ?? "not used";
}

/** 521 Product Transfer Type Code → meaning. */
export const PTD_MEANING: Record<string, string> = {
  BB: "demand information only",
  BP: "broken price",
  BQ: "other issue from inventory",
  BR: "exchange",
  CC: "transfer for charitable contribution",
  CO: "replacement due to complaint",
  CS: "customer sale (not an X12 4010 code; read as a sale)",
  DS: "drop ship sale",
  IA: "inventory adjustment",
  IB: "interbranch transfer",
  PA: "price adjustment",
  RA: "reapplication of order",
  RB: "return of broken price",
  RC: "received from vendor",
  RP: "return of list price",
  RU: "return to usable inventory",
  RV: "return to vendor",
  SA: "stocking adjustment",
  SC: "scrap",
  SD: "ship and debit sale",
  SH: "ship and debit",
  SM: "sample",
  SS: "stock sale",
  SU: "summary",
  TD: "transfer for disposal",
};

export function ptdMeaning(code: string): string {
  return PTD_MEANING[code] ?? (code ? "not an X12 transfer type" : "no transfer type");
}

/** REF qualifiers read as the invoice number, in order of preference (IV seller's invoice, DI distributor's invoice). */
export const INVOICE_REFS = ["IV", "DI", "CM", "RA", "PO"];
