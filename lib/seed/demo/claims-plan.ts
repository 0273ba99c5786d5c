/**
 * The demo's ship & debit story for one distributor, pure (no database): its reported sales as
 * line-level POS (every unit it reported sold in the period, on invoices to named end customers),
 * the authorisations the manufacturer issued against some of those sales, and the claims the
 * distributor sends — written so that validation gives every outcome: approved lines, lines adjusted
 * for each reason (over the sold quantity, over the limit, book cost, authorised cost, amount) and
 * rejected ones (a duplicate, no supporting sale, another end customer on the invoice, an expired
 * authorisation, another distributor's authorisation, a misspelt customer later corrected).
 * `expect` records the reason each line is written to get; lib/seed/seed-claims.int.test.ts checks it.
 */
import { debitAmount } from "@/lib/domain/claims/arithmetic";
import type { ReasonCode } from "@/lib/domain/claims/reasons";
import type { ClaimLineInput } from "@/lib/domain/claims/types";
import type { AuthorizationBody } from "@/lib/validation/claims";
import { demoBookCost, type ClaimantDef } from "./claims-cast";
import { addMonths, weekdays, dateIn } from "./periods";
import { createRng, type Rng } from "./prng";

export interface DemoSale {
  sku: string;
  quantity: number;
  invoice: string;
  invoiceLine: string;
  invoiceDate: string;
  unitPrice: number;
  endCustomer: string;
}

export type PlannedLine = Omit<ClaimLineInput, "line">;

export interface PlannedRevision {
  /** Days after the POS was reported (clamped to before "today" by the seed). */
  afterDays: number;
  lines: PlannedLine[];
  /** The reason each line is written to get (null: approved as claimed). */
  expect: (ReasonCode | null)[];
}

export interface PlannedClaim {
  reference: string;
  fileName: string | null;
  revisions: PlannedRevision[];
}

export interface ClaimsPlan {
  sales: DemoSale[];
  authorizations: AuthorizationBody[];
  claims: PlannedClaim[];
}

export interface ClaimsPlanInput {
  def: ClaimantDef;
  /** The period whose POS backs the claims ("YYYY-MM"). */
  period: string;
  /** Units reported sold per SKU in that period (the latest revision). */
  sold: { sku: string; sold: number }[];
  listPrice: (sku: string) => number;
  /** The first day a sell-in with a unit cost is on record for the SKU, or null (then the book cost on record is the list price). */
  firstCostDate: (sku: string) => string | null;
  /** Another distributor's authorisation number, for a line claiming it. */
  foreignAuthorization?: string | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Splits q into `parts` positive integers that sum to q. */
function split(q: number, parts: number, rng: Rng): number[] {
  const out: number[] = [];
  let left = q;
  for (let i = parts; i > 1; i--) {
    const piece = Math.max(1, Math.min(left - (i - 1), Math.round((left / i) * (0.5 + rng.next()))));
    out.push(piece);
    left -= piece;
  }
  out.push(left);
  return out;
}

/** Every unit sold in the period on invoices of one to three lines (distinct SKUs), each to one end customer. */
export function planSales(input: Pick<ClaimsPlanInput, "def" | "period" | "sold" | "listPrice">): DemoSale[] {
  const { def, period } = input;
  const rng = createRng(`${def.code}|${period}|pos`);
  const pieces: { sku: string; quantity: number }[] = [];
  for (const { sku, sold } of [...input.sold].sort((a, b) => a.sku.localeCompare(b.sku))) {
    if (sold <= 0) continue;
    const parts = sold < 8 ? 1 : rng.int(1, 4);
    for (const q of split(sold, parts, rng)) pieces.push({ sku, quantity: q });
  }
  const days = weekdays(period);
  const sales: DemoSale[] = [];
  let n = 0;
  let open: { invoice: string; customer: string; date: string; skus: Set<string>; size: number } | null = null;
  for (const p of rng.shuffle(pieces)) {
    if (!open || open.skus.size >= open.size || open.skus.has(p.sku)) {
      n += 1;
      open = { invoice: def.invoice(period, n), customer: rng.pick(def.customers), date: dateIn(period, rng.pick(days)), skus: new Set(), size: rng.int(1, 3) };
    }
    open.skus.add(p.sku);
    const price = input.listPrice(p.sku) * (1.12 + 0.1 * rng.next());
    sales.push({
      sku: p.sku, quantity: p.quantity, invoice: open.invoice, invoiceLine: String(open.skus.size),
      invoiceDate: open.date, unitPrice: round4(price), endCustomer: open.customer,
    });
  }
  return sales;
}

/** A customer other than `name` (for a sale to another end customer than the authorised one). */
const otherCustomer = (def: ClaimantDef, name: string) => def.customers.find((c) => c !== name)!;

/** "Lakeshore Instruments" → "Lakeshor Instruments": a letter lost in typing, no longer the authorised customer. */
const misspelt = (name: string) => name.replace(/^(\S*)\S/, "$1");

export function planClaims(input: ClaimsPlanInput): ClaimsPlan {
  const { def, period } = input;
  const sales = planSales(input);
  const book = (sku: string, date: string) => {
    const since = input.firstCostDate(sku);
    return since !== null && since <= date ? Number(demoBookCost(input.listPrice(sku))) : input.listPrice(sku);
  };
  // The sales worth claiming: sizeable lines of distinct SKUs and invoices whose cost is on record.
  const seenSku = new Set<string>();
  const seenInvoice = new Set<string>();
  const candidates = [...sales]
    .filter((s) => s.quantity >= 12 && input.firstCostDate(s.sku) !== null && input.firstCostDate(s.sku)! <= s.invoiceDate)
    .sort((a, b) => b.quantity * input.listPrice(b.sku) - a.quantity * input.listPrice(a.sku) || a.invoice.localeCompare(b.invoice))
    .filter((s) => {
      if (seenSku.has(s.sku) || seenInvoice.has(s.invoice)) return false;
      seenSku.add(s.sku);
      seenInvoice.add(s.invoice);
      return true;
    });

  const yy = period.slice(2, 4);
  let seq = def.firstAuthorization;
  const authorizations: AuthorizationBody[] = [];
  const validFrom = dateIn(addMonths(period, -3), 1);
  const validTo = dateIn(addMonths(period, 5), 1);
  /** An authorisation for (customer, SKU) at ~72 % of book. */
  const authorize = (s: DemoSale, o: { customer?: string; limit?: number; expiredBefore?: string } = {}) => {
    const number = `SPA-${yy}-${String(seq++).padStart(4, "0")}`;
    const cost = round4(book(s.sku, s.invoiceDate) * 0.72);
    const expiredTo = o.expiredBefore ? new Date(Date.parse(`${o.expiredBefore}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : null;
    authorizations.push({
      number, distributor: def.code, endCustomer: { name: o.customer ?? s.endCustomer }, sku: s.sku, authorizedCost: cost,
      quantityLimit: o.limit ?? Math.ceil((s.quantity * 1.6) / 10) * 10 + 50,
      validFrom: expiredTo ? dateIn(addMonths(period, -6), 1) : validFrom, validTo: expiredTo ?? validTo, currency: "USD", claimWindowDays: 90,
    });
    return { number, cost, customer: o.customer ?? s.endCustomer };
  };
  /** A line as an honest claimant writes it: the sale's figures, book on record, amount = quantity × (book − authorised). */
  const line = (s: DemoSale, a: { number: string; cost: number; customer: string }, o: Partial<PlannedLine> = {}): PlannedLine => {
    const quantity = o.quantity ?? s.quantity;
    const bookCost = o.bookCost ?? book(s.sku, s.invoiceDate);
    const authorizedCost = o.authorizedCost ?? a.cost;
    return {
      authorization: a.number, invoice: s.invoice, invoiceLine: s.invoiceLine, shipDate: s.invoiceDate, endCustomer: a.customer, sku: s.sku,
      quantity, bookCost, authorizedCost, claimedAmount: debitAmount(quantity, bookCost, authorizedCost), ...o,
    };
  };

  const c = candidates;
  const claims: PlannedClaim[] = [];
  if (c.length >= 5) {
    const auths = c.slice(0, 5).map((s) => authorize(s));
    const over = c[2]!.quantity + Math.max(6, Math.round(c[2]!.quantity * 0.2));
    authorizations[2]!.quantityLimit = Math.ceil((over * 1.6) / 10) * 10;
    const l4 = line(c[4]!, auths[4]!);
    claims.push({
      reference: def.reference(period, 1), fileName: def.fileName?.(period, 1) ?? null,
      revisions: [{
        afterDays: 1,
        lines: [
          line(c[0]!, auths[0]!),
          line(c[1]!, auths[1]!),
          line(c[2]!, auths[2]!, { quantity: over }),
          line(c[3]!, auths[3]!, { bookCost: input.listPrice(c[3]!.sku) }),
          { ...l4, claimedAmount: round2(l4.claimedAmount * 1.08 + 1) },
          line({ ...c[0]!, invoice: def.invoice(period, 9_901), invoiceLine: "1", quantity: 25 }, auths[0]!),
        ],
        expect: [null, null, "OVER_SOLD", "BOOK_COST", "AMOUNT", "NO_POS_SALE"],
      }],
    });
    const second: PlannedLine[] = [line(c[0]!, auths[0]!)];
    const expect: (ReasonCode | null)[] = ["DUPLICATE"];
    if (c[5]) {
      second.push(line(c[5], authorize(c[5], { limit: Math.max(1, Math.floor(c[5].quantity * 0.6)) })));
      expect.push("OVER_LIMIT");
    }
    if (c[6]) {
      const a = authorize(c[6]);
      second.push(line(c[6], a, { authorizedCost: round4(a.cost - book(c[6].sku, c[6].invoiceDate) * 0.1) }));
      expect.push("AUTHORIZED_COST");
    }
    if (c[7]) {
      second.push(line(c[7], authorize(c[7], { customer: otherCustomer(def, c[7].endCustomer) })));
      expect.push("POS_CUSTOMER_MISMATCH");
    }
    if (c[8]) {
      second.push(line(c[8], authorize(c[8], { expiredBefore: c[8].invoiceDate })));
      expect.push("AUTH_EXPIRED");
    }
    if (def.claimsForeign && input.foreignAuthorization && c[9]) {
      second.push(line(c[9], { number: input.foreignAuthorization, cost: round4(book(c[9].sku, c[9].invoiceDate) * 0.72), customer: c[9].endCustomer }));
      expect.push("AUTH_NOT_YOURS");
    }
    claims.push({ reference: def.reference(period, 2), fileName: def.fileName?.(period, 2) ?? null, revisions: [{ afterDays: 3, lines: second, expect }] });
  }
  if (def.resubmits && c[10] && c[11]) {
    const a = authorize(c[10]);
    const b = authorize(c[11]);
    const typo = line(c[10], a, { endCustomer: misspelt(a.customer) });
    claims.push({
      reference: def.reference(period, 3), fileName: def.fileName?.(period, 3) ?? null,
      revisions: [
        { afterDays: 4, lines: [typo, line(c[11], b)], expect: ["CUSTOMER_MISMATCH", null] },
        { afterDays: 6, lines: [line(c[10], a), line(c[11], b)], expect: [null, null] },
      ],
    });
  }
  // Issued, not claimed yet: open liability on the staff side.
  for (const s of c.slice(12, 14)) authorize(s);
  return { sales, authorizations, claims };
}
