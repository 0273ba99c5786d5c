/**
 * Issue 17: ship & debit claims validated against the POS already held — every rule and reason code
 * on a real database (both Postgres and PGlite), overrides with four eyes, liability, history.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { addPosSales } from "@/lib/testing/pos-sales";
import type { Viewer } from "@/lib/auth/viewer";
import { normCustomer } from "@/lib/domain/claims/customer";
import type { ClaimLineInput } from "@/lib/domain/claims/types";
import { asRows } from "@/db/sql-rows";
import { listAuthorizations, importAuthorizationsCsv, saveAuthorizations } from "./authorizations";
import { submitClaim } from "./submit-claim";
import { getClaim, listClaims } from "./read-claims";
import { decideOverride, proposeOverride, withdrawOverride } from "./overrides";

let tdb: TestDatabase;
let d: { id: number; code: string; name: string };
let e: { id: number; code: string; name: string };
let p: { id: number; sku: string };
let p2: { id: number; sku: string };
let dv: Viewer;
let ev: Viewer;
let analyst: Viewer;
let analyst2: Viewer;
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  tdb = await createTestDatabase();
  const db = tdb.db;
  d = await makeDistributor(db);
  e = await makeDistributor(db);
  p = await makeProduct(db, undefined, "10.00");
  p2 = await makeProduct(db, undefined, "10.00");
  dv = await makeViewer(db, "distributor", d);
  ev = await makeViewer(db, "distributor", e);
  analyst = await makeViewer(db, "rebate_analyst");
  analyst2 = await makeViewer(db, "rebate_analyst");
  await db.execute(sql`insert into movements (distributor_id, product_id, period, type, quantity, occurred_on, document, document_line, unit_cost)
    values (${d.id}, ${p.id}, '2026-05-01', 'sell_in', 500, '2026-05-10', ${`SO-${d.code}`}, '1', 8.00)`);
  const auth = (number: string, distributor: string, o: Partial<{ sku: string; cost: number; limit: number; from: string; to: string; min: number }> = {}) => ({
    number, distributor, endCustomer: { id: "AC-1", name: "Acme Robotics, Inc." }, sku: o.sku ?? p.sku, authorizedCost: o.cost ?? 5,
    minResale: o.min ?? null, quantityLimit: o.limit ?? 105, validFrom: o.from ?? "2026-06-01", validTo: o.to ?? "2026-12-31", currency: "USD",
  });
  const saved = await saveAuthorizations(db, analyst, [
    auth(`SD1-${d.code}`, d.code, { min: 6, limit: 95 }),
    auth(`SDE-${d.code}`, e.code),
    auth(`OLD-${d.code}`, d.code, { from: "2026-01-01", to: "2026-03-31" }),
    auth(`SD2-${d.code}`, d.code, { cost: 9 }),
    auth(`SD3-${d.code}`, d.code, { limit: 1000 }),
  ]);
  expect(saved).toEqual({ created: 5, updated: 0, errors: [] });
  const acme = "ACME ROBOTICS";
  await addPosSales(db, {
    distributorId: d.id, userId: dv.userId, period: "2026-10",
    sales: [
      { productId: p.id, quantity: 60, invoice: `INV-1`, invoiceLine: "1", unitPrice: 7, endCustomer: acme },
      { productId: p.id, quantity: 50, invoice: `INV-2`, unitPrice: 7, endCustomer: "Other Co" },
      { productId: p.id, quantity: 30, invoice: `INV-3`, unitPrice: 5.5, endCustomer: acme },
      { productId: p.id, quantity: 80, invoice: `INV-4`, unitPrice: 7, endCustomer: "Acme Robotics Inc." },
      { productId: p.id, quantity: 30, invoice: `INV-5`, unitPrice: 7, endCustomer: "AC-1", transferType: "SD" },
      { productId: p.id, quantity: 10, invoice: `INV-6`, unitPrice: 7, endCustomer: acme },
      { productId: p.id, quantity: 99, invoice: `INV-7`, unitPrice: 7, endCustomer: acme, transferType: "RV" },
    ],
  });
});
afterAll(async () => {
  await tdb?.close();
});

const L = (line: number, o: Partial<ClaimLineInput> & { auth?: string }): ClaimLineInput => ({
  line, authorization: o.auth ?? `SD1-${d.code}`, invoice: o.invoice ?? "INV-1", invoiceLine: o.invoiceLine ?? null, shipDate: o.shipDate ?? "2026-10-05",
  endCustomer: o.endCustomer ?? "Acme Robotics", sku: o.sku ?? p.sku, quantity: o.quantity ?? 10, bookCost: o.bookCost ?? 8,
  authorizedCost: o.authorizedCost ?? 5, claimedAmount: o.claimedAmount ?? (o.quantity ?? 10) * 3,
});

describe(`ship & debit claims (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  let claimId = "";
  it("judges every line by the three-way match, in order, with a reason for each", async () => {
    const lines = [
      L(1, { invoiceLine: "1", quantity: 40 }),
      L(2, { auth: "NOPE-9" }),
      L(3, { auth: `SDE-${d.code}` }),
      L(4, { sku: p2.sku }),
      L(5, { endCustomer: "Globex" }),
      L(6, { auth: `OLD-${d.code}` }),
      L(7, { shipDate: "2026-07-01" }),
      L(8, { invoiceLine: "1", quantity: 40 }),
      L(9, { invoice: "INV-404", quantity: 30 }),
      L(10, { invoice: "INV-2" }),
      L(11, { invoice: "INV-3" }),
      L(12, { auth: `SD2-${d.code}`, invoice: "INV-5", authorizedCost: 9, claimedAmount: 0 }),
      L(13, { invoiceLine: "2", quantity: 30 }),
      L(14, { invoice: "INV-4", invoiceLine: "1", bookCost: 9, claimedAmount: 40 }),
      L(15, { invoice: "INV-4", invoiceLine: "2", authorizedCost: 4, claimedAmount: 40 }),
      L(16, { invoice: "INV-4", invoiceLine: "3", claimedAmount: 35 }),
      L(17, { invoice: "INV-4", invoiceLine: "4" }),
      L(18, { invoice: "INV-4", invoiceLine: "5", quantity: 5 }),
      L(19, { auth: `SD3-${d.code}`, invoice: "INV-6", invoiceLine: "1", endCustomer: "AC-1" }),
      L(20, { auth: `SD3-${d.code}`, invoice: "INV-6", invoiceLine: "2", quantity: 5 }),
      L(21, { invoice: "INV-7" }),
      L(22, { auth: `SD3-${d.code}`, invoice: "INV-5", invoiceLine: "2", claimedAmount: 30.01 }),
    ];
    const c = await submitClaim(tdb.db, dv, { period: "2026-10", reference: "CLM-1", lines }, { source: "api", now: NOW });
    claimId = c.id;
    const got = await getClaim(tdb.db, dv, c.id);
    const by = Object.fromEntries(got.lines.map((l) => [l.line, l]));
    const expectLine = (n: number, outcome: string, code: string | null, qty?: number, amount?: string) => {
      const l = by[n]!;
      expect([n, l.outcome, l.reasonCode], l.message).toEqual([n, outcome, code]);
      if (qty !== undefined) expect(l.approvedQuantity).toBe(qty);
      if (amount !== undefined) expect(l.approvedAmount).toBe(amount);
    };
    expectLine(1, "approved", null, 40, "120.00");
    expectLine(2, "rejected", "AUTH_UNKNOWN", 0, "0.00");
    expectLine(3, "rejected", "AUTH_NOT_YOURS");
    expectLine(4, "rejected", "SKU_MISMATCH");
    expectLine(5, "rejected", "CUSTOMER_MISMATCH");
    expectLine(6, "rejected", "AUTH_EXPIRED");
    expect(by[6]!.message).toContain("valid 2026-01-01 to 2026-03-31");
    expectLine(7, "rejected", "WINDOW_CLOSED");
    expect(by[7]!.message).toContain("90-day");
    expectLine(8, "rejected", "DUPLICATE");
    expectLine(9, "rejected", "NO_POS_SALE");
    expectLine(10, "rejected", "POS_CUSTOMER_MISMATCH");
    expectLine(11, "rejected", "BELOW_MIN_RESALE");
    expectLine(12, "rejected", "NOTHING_TO_PAY");
    expectLine(13, "adjusted", "OVER_SOLD", 20, "60.00");
    expect(by[13]!.message).toContain("reports 20 not yet claimed");
    expectLine(14, "adjusted", "BOOK_COST", 10, "30.00");
    expectLine(15, "adjusted", "AUTHORIZED_COST", 10, "30.00");
    expectLine(16, "adjusted", "AMOUNT", 10, "30.00");
    // 40 + 20 (line 13 as far as the POS carried it) + 10 + 10 + 10 = 90 of 95.
    expectLine(17, "adjusted", "OVER_LIMIT", 5, "15.00");
    expectLine(18, "rejected", "LIMIT_USED");
    expectLine(19, "approved", null, 10, "30.00");
    expectLine(20, "rejected", "SOLD_USED");
    expectLine(21, "rejected", "NO_POS_SALE");
    // Within a cent of quantity × (book − authorised): paid as claimed; the 867 SD line sold to the customer's ID supports it.
    expectLine(22, "approved", null, 10, "30.01");
    expect(got.totals).toMatchObject({ lines: 22, approved: { lines: 3, amount: "180.01" }, adjusted: { lines: 5, amount: "165.00" }, rejected: { lines: 14 }, payable: "345.01" });
    expect(got.status).toBe("validated");
  });

  it("refuses the same invoice line in another claim, but not in the claim's own next revision", async () => {
    const other = await submitClaim(tdb.db, dv, { period: "2026-11", lines: [L(1, { invoiceLine: "1", quantity: 5 })] }, { source: "api", now: NOW });
    expect((await getClaim(tdb.db, dv, other.id)).lines[0]).toMatchObject({ outcome: "rejected", reasonCode: "DUPLICATE" });
    const before = await getClaim(tdb.db, dv, claimId);
    const again = before.lines.map((l) => L(l.line, {
      auth: l.authorization, invoice: l.line === 9 ? "INV-6" : l.invoice, invoiceLine: l.invoiceLine, shipDate: l.shipDate, endCustomer: l.endCustomer,
      sku: l.sku, quantity: l.quantity, bookCost: Number(l.bookCost), authorizedCost: Number(l.authorizedCost), claimedAmount: Number(l.claimedAmount),
    }));
    const r2 = await submitClaim(tdb.db, dv, { period: "2026-10", claim: claimId, lines: again }, { source: "screen", now: NOW });
    expect(r2.revision).toBe(2);
    const got = await getClaim(tdb.db, dv, claimId);
    expect(got.revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(got.lines.find((l) => l.line === 1)).toMatchObject({ outcome: "approved", approvedQuantity: 40 });
    // Line 9 now names INV-6 (10 sold): it comes first and takes them; line 19 finds nothing left.
    expect(got.lines.find((l) => l.line === 9)).toMatchObject({ outcome: "adjusted", reasonCode: "OVER_SOLD", approvedQuantity: 10 });
    expect(got.lines.find((l) => l.line === 19)).toMatchObject({ outcome: "rejected", reasonCode: "SOLD_USED" });
    const r1 = await getClaim(tdb.db, dv, claimId, { revision: 1 });
    expect(r1.lines.find((l) => l.line === 9)?.reasonCode).toBe("NO_POS_SALE");
  });

  it("keeps another distributor's claims and authorisations out of sight", async () => {
    await expect(getClaim(tdb.db, ev, claimId)).rejects.toMatchObject({ code: "not_found" });
    expect(await listClaims(tdb.db, ev)).toEqual([]);
    expect((await listAuthorizations(tdb.db, ev)).map((a) => a.number)).toEqual([`SDE-${d.code}`]);
    await expect(submitClaim(tdb.db, ev, { period: "2026-10", claim: claimId, lines: [L(1, { auth: `SDE-${d.code}` })] }, { source: "api", now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });

  it("applies a small override at once and sends a large one to a second person", async () => {
    const small = await proposeOverride(tdb.db, analyst, claimId, 2, { outcome: "approved", approvedQuantity: 10, approvedAmount: 30, note: "Authorisation issued by phone" });
    expect(small).toMatchObject({ status: "applied", needsSecondApprover: false });
    let got = await getClaim(tdb.db, analyst, claimId);
    expect(got.lines.find((l) => l.line === 2)).toMatchObject({ outcome: "approved", reasonCode: "OVERRIDE", ruleOutcome: "rejected", ruleReasonCode: "AUTH_UNKNOWN" });
    await tdb.db.execute(sql`update settings set claim_override_limit = 20`);
    const big = await proposeOverride(tdb.db, analyst, claimId, 3, { outcome: "approved", approvedQuantity: 10, approvedAmount: 30, note: "Transferred authorisation" });
    expect(big).toMatchObject({ status: "proposed", needsSecondApprover: true, limit: "20.00" });
    got = await getClaim(tdb.db, analyst, claimId);
    expect(got.status).toBe("awaiting_approval");
    expect(got.lines.find((l) => l.line === 3)).toMatchObject({ outcome: "rejected", pendingOverride: { approvedAmount: "30.00" } });
    await expect(decideOverride(tdb.db, analyst, big.id, { approve: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(proposeOverride(tdb.db, analyst2, claimId, 3, { outcome: "rejected", approvedQuantity: 0, approvedAmount: 0, note: "Second try" })).rejects.toMatchObject({ code: "conflict" });
    const payableBefore = Number(got.totals.payable);
    await decideOverride(tdb.db, analyst2, big.id, { approve: true, note: "Checked the letter" });
    got = await getClaim(tdb.db, analyst, claimId);
    expect(got.lines.find((l) => l.line === 3)).toMatchObject({ outcome: "approved", approvedAmount: "30.00" });
    expect(Number(got.totals.payable)).toBeCloseTo(payableBefore + 30, 2);
    expect((await listClaims(tdb.db, analyst, { awaiting: true })).map((c) => c.id)).not.toContain(claimId);
    const w = await proposeOverride(tdb.db, analyst, claimId, 4, { outcome: "approved", approvedQuantity: 10, approvedAmount: 30, note: "Maybe" });
    await expect(withdrawOverride(tdb.db, analyst2, w.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await withdrawOverride(tdb.db, analyst, w.id)).toMatchObject({ status: "withdrawn" });
    await expect(proposeOverride(tdb.db, dv, claimId, 4, { outcome: "approved", approvedQuantity: 1, approvedAmount: 1, note: "Mine" })).rejects.toMatchObject({ code: "forbidden" });
    await tdb.db.execute(sql`update settings set claim_override_limit = 1000`);
  });

  it("shows the open liability: remaining quantity × (book on record − authorised)", async () => {
    const [a] = await listAuthorizations(tdb.db, analyst, { number: `SD1-${d.code}`, today: "2026-11-20" });
    expect(a).toMatchObject({ quantityLimit: 95, claimedQuantity: 95, remainingQuantity: 0, openLiability: "0.00" });
    // SD3: only line 22 (10 units) approved in the latest revision; the debit is book on record 8.00 − 5.00.
    const [b] = await listAuthorizations(tdb.db, analyst, { number: `SD3-${d.code}`, today: "2026-11-20" });
    expect(b).toMatchObject({ quantityLimit: 1000, claimedQuantity: 10, remainingQuantity: 990, debitPerUnit: "3.00", openLiability: "2970.00" });
    const [old] = await listAuthorizations(tdb.db, analyst, { number: `OLD-${d.code}`, today: "2026-11-20" });
    expect(old).toMatchObject({ active: false, openLiability: "0.00" });
  });

  it("imports authorisations from CSV, naming bad rows by line, and updates by number", async () => {
    const csv = `number,distributor,end_customer_id,end_customer_name,sku,authorized_cost,min_resale,quantity_limit,valid_from,valid_to,currency\n` +
      `SD1-${d.code},${d.code},AC-1,Acme Robotics,${p.sku},5.00,,120,2026-06-01,2026-12-31,USD\n` +
      `NEW-${d.code},${d.code},,Initech,${p.sku},4.50,,10,2026-06-01,2026-12-31,USD\n` +
      `BAD-${d.code},NOBODY,,Initech,${p.sku},4.50,,10,2026-06-01,2026-12-31,USD\n` +
      `SDE-${d.code},${d.code},,Initech,${p.sku},4.50,,10,2026-06-01,2026-12-31,USD\n` +
      `X-${d.code},${d.code},,Initech,${p.sku},4.50,,0,2026-06-01,2026-12-31,USD\n`;
    const r = await importAuthorizationsCsv(tdb.db, analyst, csv);
    expect(r.created).toBe(1);
    expect(r.updated).toBe(1);
    expect(r.errors.map((x) => x.line)).toEqual([4, 5, 6]);
    expect(r.errors[0]!.message).toContain("No distributor NOBODY");
    expect(r.errors[1]!.message).toContain("belongs to another distributor");
    await expect(importAuthorizationsCsv(tdb.db, dv, csv)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("normalises end-customer names in SQL exactly as in TypeScript", async () => {
    const names = ["Acme Robotics, Inc.", "ACME ROBOTICS INC", "acme-robotics co ltd", "Inc Acme", "Müller GmbH & Co. KG", "  ", "A.B.C. Corp", "Co Co Co"];
    for (const n of names) {
      const [r] = asRows<{ v: string }>(await tdb.db.execute(sql`select sellthru_norm_customer(${n}) as v`));
      expect([n, r!.v]).toEqual([n, normCustomer(n)]);
    }
  });

  it("stores nothing of a claim whose lines cannot be read, and names them", async () => {
    const before = (await listClaims(tdb.db, dv)).length;
    const bad = { period: "2026-10", lines: [L(1, {}), { ...L(2, {}), quantity: -3 }, { ...L(3, {}), shipDate: "2026-02-30" }] };
    const err = await submitClaim(tdb.db, dv, bad, { source: "api", now: NOW }).catch((x: unknown) => x as { code: string; issues: { path: string }[] });
    expect(err).toMatchObject({ code: "validation_failed" });
    expect((err as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["lines.1.quantity", "lines.2.shipDate"]);
    expect((await listClaims(tdb.db, dv)).length).toBe(before);
  });
});
