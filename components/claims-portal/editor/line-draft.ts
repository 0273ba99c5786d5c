/**
 * A claim line as typed on the screen: text in every cell (the user's locale: "1.234,50" in German),
 * turned into the claim body's numbers only when it is checked against the shared schema.
 */
import { debitAmount } from "@/lib/domain/claims/arithmetic";
import type { ClaimBody } from "@/lib/validation/claims";
// One rule for typed decimals on every claims screen.
import { parseDecimal } from "@/components/claims/decimal-text";

export { decimalSeparator, parseDecimal } from "@/components/claims/decimal-text";

export const LINE_COLUMNS = [
  "authorization", "invoice", "invoiceLine", "shipDate", "endCustomer", "sku", "quantity", "bookCost", "authorizedCost", "claimedAmount",
] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];

export const COLUMN_LABELS: Record<LineColumn, string> = {
  authorization: "Authorisation", invoice: "Invoice", invoiceLine: "Invoice line", shipDate: "Ship date", endCustomer: "End customer",
  sku: "SKU", quantity: "Quantity", bookCost: "Book cost", authorizedCost: "Authorised cost", claimedAmount: "Claimed amount",
};

export type LineDraft = Record<LineColumn, string> & {
  /** The line's number in the claim (kept when a claim is corrected); new lines are numbered after the last. */
  line?: number;
  /** The amount was typed (or pasted) by hand: the figures no longer fill it in. */
  amountByHand?: boolean;
};

export interface ClaimFormValues {
  period: string;
  reference: string;
  lines: LineDraft[];
}

export const EMPTY_LINE: LineDraft = {
  authorization: "", invoice: "", invoiceLine: "", shipDate: "", endCustomer: "", sku: "", quantity: "", bookCost: "", authorizedCost: "", claimedAmount: "",
};

/** A number as the user would type it: no grouping, the locale's decimal separator, up to `digits` decimals. */
export function numberText(n: number, decimal: string, digits = 4): string {
  const fixed = n.toFixed(digits).replace(/\.?0+$/, "");
  return decimal === "," ? fixed.replace(".", ",") : fixed;
}

/** The amount text with exactly 2 decimals ("123,40"). */
export const amountText = (n: number, decimal: string) => (decimal === "," ? n.toFixed(2).replace(".", ",") : n.toFixed(2));

/** quantity × (book − authorised) of a drafted line, or null while a figure is missing. */
export function draftAmount(l: Pick<LineDraft, "quantity" | "bookCost" | "authorizedCost">, decimal: string): number | null {
  const q = parseDecimal(l.quantity, decimal);
  const b = parseDecimal(l.bookCost, decimal);
  const a = parseDecimal(l.authorizedCost, decimal);
  if (![q, b, a].every(Number.isFinite) || !Number.isInteger(q) || q <= 0) return null;
  return debitAmount(q, b, a);
}

/**
 * A drafted line completed from its authorisation (end customer, SKU, authorised cost, and the book
 * cost on record when none is given) and its amount from its figures — only cells left empty or
 * filled in before by the screen, never what the person typed.
 */
export function completeDraft(d: LineDraft, auth: { endCustomer: string; sku: string; authorizedCost: string; bookCost: string } | undefined, decimal: string): LineDraft {
  const out = { ...d };
  if (auth) {
    out.endCustomer ||= auth.endCustomer;
    out.sku ||= auth.sku;
    out.authorizedCost ||= numberText(Number(auth.authorizedCost), decimal);
    out.bookCost ||= numberText(Number(auth.bookCost), decimal);
  }
  if (!out.amountByHand) {
    const amount = draftAmount(out, decimal);
    if (amount !== null) out.claimedAmount = amountText(amount, decimal);
  }
  return out;
}

/** Dates as pasted from a spreadsheet: ISO, or D.M.YYYY, or slashes in the locale's order (M/D in en-US). */
export function parseDateText(text: string, locale: string): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(t);
  if (!m) return t;
  const monthFirst = m[2] === "/" && /^en-(US|PH)|^en$/.test(locale);
  const [d, mo] = monthFirst ? [m[3]!, m[1]!] : [m[1]!, m[3]!];
  return `${m[4]}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/**
 * The claim body of the drafted lines (checked by the shared schema): the drafts first, in their
 * order (so an error's `lines.<i>` is the i-th row), then `carried` lines; a line without a number
 * is numbered after the highest one.
 */
export function toClaimBody(values: ClaimFormValues, decimal: string, extra: { claim?: string | null; carried?: ClaimBody["lines"] } = {}): ClaimBody {
  const carried = extra.carried ?? [];
  let next = Math.max(0, ...carried.map((l) => l.line ?? 0), ...values.lines.map((l) => l.line ?? 0));
  const lines = values.lines.map((l) => ({
    line: l.line ?? ++next,
    authorization: l.authorization, invoice: l.invoice, invoiceLine: l.invoiceLine || null, shipDate: l.shipDate, endCustomer: l.endCustomer, sku: l.sku,
    quantity: parseDecimal(l.quantity, decimal), bookCost: parseDecimal(l.bookCost, decimal),
    authorizedCost: parseDecimal(l.authorizedCost, decimal), claimedAmount: parseDecimal(l.claimedAmount, decimal),
  }));
  return { period: values.period, reference: values.reference.trim() || null, claim: extra.claim ?? null, lines: [...lines, ...carried] };
}

/** The schema's field names in its messages ("bookCost cannot be negative") as the screen names them ("Book cost cannot be negative"). */
export function screenMessage(message: string): string {
  return message.replace(/^(authorization|invoiceLine|invoice|shipDate|endCustomer|quantity|bookCost|authorizedCost|claimedAmount)\b/, (k) => COLUMN_LABELS[k as LineColumn]);
}
