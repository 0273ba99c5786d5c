import { describe, expect, it } from "vitest";
import { authorizationSchema, claimBodySchema } from "@/lib/validation/claims";
import { CLAIMANTS } from "./claims-cast";
import { planClaims } from "./claims-plan";

const skus = Array.from({ length: 40 }, (_, i) => ({ sku: `SKU-${i}`, sold: 20 + i * 37 }));
const plan = (code: string) =>
  planClaims({
    def: CLAIMANTS.find((c) => c.code === code)!, period: "2026-11", sold: skus,
    listPrice: (sku) => 1 + Number(sku.slice(4)) / 10, firstCostDate: () => "2025-06-02", foreignAuthorization: "SPA-26-0040",
  });

describe("the demo's ship & debit plan", () => {
  it("reports every unit sold as POS lines on invoices to named end customers", () => {
    const p = plan("NWC");
    const sold = new Map<string, number>();
    for (const s of p.sales) sold.set(s.sku, (sold.get(s.sku) ?? 0) + s.quantity);
    expect(Object.fromEntries(sold)).toEqual(Object.fromEntries(skus.map((s) => [s.sku, s.sold])));
    expect(p.sales.every((s) => s.invoice.startsWith("INV2611") && s.endCustomer && s.invoiceDate.startsWith("2026-11-"))).toBe(true);
  });

  it("writes lines for every outcome, each valid for the shared schemas", () => {
    const p = plan("CES");
    for (const a of p.authorizations) expect(authorizationSchema.safeParse(a).success, a.number).toBe(true);
    for (const c of p.claims) for (const r of c.revisions) expect(claimBodySchema.safeParse({ period: "2026-11", lines: r.lines }).success).toBe(true);
    const expected = p.claims.flatMap((c) => c.revisions.flatMap((r) => r.expect));
    expect(expected).toEqual(expect.arrayContaining([null, "OVER_SOLD", "BOOK_COST", "AMOUNT", "NO_POS_SALE", "DUPLICATE", "OVER_LIMIT", "AUTHORIZED_COST", "POS_CUSTOMER_MISMATCH", "AUTH_EXPIRED", "AUTH_NOT_YOURS"]));
  });

  it("gives Northwind a claim corrected in a second revision; is the same on every run", () => {
    const p = plan("NWC");
    const corrected = p.claims.find((c) => c.revisions.length === 2)!;
    expect(corrected.revisions.map((r) => r.expect)).toEqual([["CUSTOMER_MISMATCH", null], [null, null]]);
    expect(plan("NWC")).toEqual(p);
  });
});
