/**
 * One spreadsheet row of a claim → a claim line, or the errors naming the row's fields. Numbers and
 * dates are read as the POS upload reads them (`numbers.ts`: currency signs, either decimal mark,
 * thousands groupings, "(25)" negatives; `dates.ts`: the column's day/month order, Excel serials);
 * the line is then held to the API's claim-line schema. A totals or repeated header row is skipped
 * and said in a warning; only a blank row passes unmentioned.
 */
import { debitAmount } from "@/lib/domain/claims/arithmetic";
import type { ClaimLineInput } from "@/lib/domain/claims/types";
import { claimLineSchema } from "@/lib/validation/claims";
import { parseDate } from "../dates";
import { parsePrice, parseQuantity, type NumberStyle } from "../numbers";
import { cellText } from "../records";
import type { Cell, DateOrder, RawRow } from "../types";
import { CLAIM_FIELDS, FIELD_LABELS, type ClaimField, type ClaimMapping } from "./claim-columns";

export interface RowPlan {
  mapping: ClaimMapping;
  headers: string[];
  /** Decimal mark per numeric field. */
  styles: Partial<Record<ClaimField, NumberStyle>>;
  dateOrder: DateOrder;
}

export type RowOutcome =
  | { t: "blank" }
  | { t: "skip"; reason: string }
  | { t: "line"; line: ClaimLineInput; warnings: string[] }
  | { t: "error"; errors: { field: ClaimField; message: string }[] };

const TOTALS = /^(?:grand\s*|sub\s*)?totals?\b|^summe\b|^gesamt|^totaal|^totale?\b|^sum$/i;
const TEXT_FIELDS = ["authorization", "invoice", "endCustomer", "sku"] as const;

export function convertClaimRow(row: RawRow, plan: RowPlan): RowOutcome {
  const texts = row.cells.map(cellText);
  if (texts.every((t) => t === "")) return { t: "blank" };
  const col = (f: ClaimField) => plan.mapping[f];
  const cell = (f: ClaimField): Cell => (col(f) === null ? null : (row.cells[col(f)!] ?? null));
  const text = (f: ClaimField) => (col(f) === null ? "" : (texts[col(f)!] ?? ""));
  const mapped = CLAIM_FIELDS.filter((f) => col(f) !== null);
  if (mapped.every((f) => text(f).toLowerCase() === (plan.headers[col(f)!] ?? "").toLowerCase())) return { t: "skip", reason: "a repeated header row" };
  const firstText = texts.find((t) => t !== "") ?? "";
  if (TOTALS.test(firstText) && !text("authorization") && !text("invoice")) return { t: "skip", reason: `a totals row ("${firstText}")` };

  const errors: { field: ClaimField; message: string }[] = [];
  const warnings: string[] = [];
  const named = (f: ClaimField) => `“${plan.headers[col(f)!] || `column ${col(f)! + 1}`}”`;
  const fail = (f: ClaimField, message: string) => errors.push({ field: f, message: col(f) === null ? message : `${named(f)}: ${message}` });

  const values: Partial<Record<ClaimField, string | number>> = {};
  for (const f of TEXT_FIELDS) {
    if (text(f)) values[f] = text(f);
    else fail(f, `the ${FIELD_LABELS[f]} is missing`);
  }
  const number = (f: "quantity" | "bookCost" | "authorizedCost" | "claimedAmount"): number | null => {
    const style = plan.styles[f] ?? { decimal: "." };
    const r = f === "quantity" ? parseQuantity(cell(f), style) : parsePrice(cell(f), style);
    if (r.ok) return r.value;
    fail(f, r.message);
    return null;
  };
  const quantity = number("quantity");
  const bookCost = number("bookCost");
  const authorizedCost = number("authorizedCost");
  for (const [f, v] of [["quantity", quantity], ["bookCost", bookCost], ["authorizedCost", authorizedCost]] as const) {
    if (v === null && !errors.some((e) => e.field === f)) fail(f, `the ${FIELD_LABELS[f]} is missing`);
  }
  let claimedAmount = col("claimedAmount") === null ? null : number("claimedAmount");
  if (claimedAmount === null && !errors.some((e) => e.field === "claimedAmount") && quantity !== null && bookCost !== null && authorizedCost !== null) {
    claimedAmount = debitAmount(quantity, bookCost, authorizedCost);
    if (col("claimedAmount") !== null) warnings.push(`${named("claimedAmount")} is blank: quantity × (book − authorised) = ${claimedAmount.toFixed(2)} is claimed`);
  }

  const date = parseDate(cell("shipDate"), plan.dateOrder);
  if (!date.ok) fail("shipDate", date.message);
  else if (!date.value) fail("shipDate", `the ${FIELD_LABELS.shipDate} is missing`);

  const lineNo = col("line") === null ? null : parseQuantity(cell("line"), { decimal: "." });
  if (errors.length > 0) return { t: "error", errors };

  const candidate = {
    authorization: String(values.authorization), invoice: String(values.invoice), invoiceLine: text("invoiceLine") || null,
    shipDate: (date as { value: string }).value, endCustomer: String(values.endCustomer), sku: String(values.sku),
    quantity: quantity!, bookCost: bookCost!, authorizedCost: authorizedCost!, claimedAmount: claimedAmount!,
  };
  const checked = claimLineSchema.safeParse(candidate);
  if (!checked.success) {
    for (const i of checked.error.issues) {
      const f = String(i.path[0]) as ClaimField;
      fail(CLAIM_FIELDS.includes(f) ? f : "line", i.message);
    }
    return { t: "error", errors };
  }
  const n = lineNo?.ok && lineNo.value !== null && lineNo.value > 0 ? lineNo.value : 0;
  return { t: "line", line: { line: n, ...candidate }, warnings };
}
