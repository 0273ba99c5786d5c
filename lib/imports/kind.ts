/**
 * Line-level POS or per-SKU summary, decided from what the columns are (overridable by the user).
 */
import { columnsOf } from "./headers";
import type { Field, Kind, Mapping } from "./types";

export interface KindDecision {
  kind: Kind;
  /** For POS: the column holding the line quantity (a "Sold" column serves when there is no "Qty"). */
  quantityColumn?: number;
  /** For summaries: a lone "Qty" column next to a part number is read as sold. */
  soldColumn?: number;
  reason: string;
}

const IDENTIFIERS: Field[] = ["sku", "distributorPart", "upc"];

export function hasIdentifier(mapping: Mapping): boolean {
  const cols = columnsOf(mapping);
  return IDENTIFIERS.some((f) => cols[f] !== undefined);
}

/** True when some column carries a figure we can use (quantity, sold, returned or on hand). */
export function hasFigure(mapping: Mapping): boolean {
  const cols = columnsOf(mapping);
  return (["quantity", "sold", "returned", "onHand"] as Field[]).some((f) => cols[f] !== undefined);
}

/**
 * POS lines need a quantity and something that makes a row a document line (a date or an invoice);
 * a summary has sold / returned / on-hand columns per part. `forced` is the user's choice.
 */
export function decideKind(mapping: Mapping, forced?: Kind): KindDecision {
  const c = columnsOf(mapping);
  const lineKeys = c.date !== undefined || c.invoice !== undefined;
  const qty = c.quantity ?? undefined;
  if (forced === "pos_lines" || (!forced && qty !== undefined && lineKeys && c.onHand === undefined)) {
    const quantityColumn = qty ?? c.sold;
    return { kind: "pos_lines", quantityColumn, reason: forced ? "chosen by the user" : "quantity with a date or invoice per row" };
  }
  if (!forced && c.sold !== undefined && c.invoice !== undefined && c.onHand === undefined && c.returned === undefined) {
    return { kind: "pos_lines", quantityColumn: c.sold, reason: "sold quantity per invoice line" };
  }
  const soldColumn = c.sold ?? (c.onHand === undefined && c.returned === undefined ? qty : undefined);
  return {
    kind: "summary",
    soldColumn,
    reason: forced ? "chosen by the user" : lineKeys ? "per-part figures (on hand / returned) despite dates" : "per-part figures without invoice lines",
  };
}
