/**
 * The REST contract of ship & debit (/api/v1/authorizations, /api/v1/claims, overrides, sell-in with
 * unit_cost), through the route handlers themselves: the viewer and the database are injected,
 * everything else is the real code.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { suiteDatabase } from "@/lib/testing/suite-db";
import { routeState as state } from "@/lib/testing/route-mocks";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { addPosSales } from "@/lib/testing/pos-sales";
import type { Viewer } from "@/lib/auth/viewer";
import { asRows } from "@/db/sql-rows";

vi.mock("@/lib/auth/current-viewer", async () => (await import("@/lib/testing/route-mocks")).tokenViewerModule);
vi.mock("@/db/client", async () => (await import("@/lib/testing/route-mocks")).dbClientModule);

const authorizationsRoute = await import("@/app/api/v1/authorizations/route");
const claimsRoute = await import("@/app/api/v1/claims/route");
const claimRoute = await import("@/app/api/v1/claims/[id]/route");
const responseRoute = await import("@/app/api/v1/claims/[id]/response/route");
const overrideRoute = await import("@/app/api/v1/claims/[id]/lines/[line]/override/route");
const approveRoute = await import("@/app/api/v1/claim-overrides/[id]/approve/route");
const rejectRoute = await import("@/app/api/v1/claim-overrides/[id]/reject/route");
const sellInRoute = await import("@/app/api/v1/sell-in/route");

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;
function call<P>(handler: Handler<P>, url: string, init: RequestInit = {}, params = {} as P) {
  return handler(new NextRequest("http://localhost/api/v1" + url, init as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve(params) });
}
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const as = (v: Viewer) => (state.viewer = v);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const SHIP = day(-12);
const PERIOD = SHIP.slice(0, 7);

const tdb = suiteDatabase();
let d: { id: number; code: string; name: string };
let e: { id: number; code: string; name: string };
let p: { id: number; sku: string };
let dv: Viewer, ev: Viewer, analyst: Viewer, analyst2: Viewer, manager: Viewer;
const countClaims = async (distributorId: number) =>
  asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from claims where distributor_id = ${distributorId}`))[0]!.n;

beforeAll(async () => {
  state.db = tdb.db;
  d = await makeDistributor(tdb.db);
  e = await makeDistributor(tdb.db);
  p = await makeProduct(tdb.db, undefined, "10.00");
  await tdb.db.execute(sql`update distributors set edi_isa_id = ${`ZZ:${d.code}EDI`} where id = ${d.id}`);
  dv = await makeViewer(tdb.db, "distributor", d);
  ev = await makeViewer(tdb.db, "distributor", e);
  analyst = await makeViewer(tdb.db, "rebate_analyst");
  analyst2 = await makeViewer(tdb.db, "rebate_analyst");
  manager = await makeViewer(tdb.db, "channel_manager");
  await addPosSales(tdb.db, {
    distributorId: d.id, userId: dv.userId, period: PERIOD,
    sales: [
      { productId: p.id, quantity: 100, invoice: "INV-1", invoiceLine: "1", unitPrice: 7, endCustomer: "ACME ROBOTICS" },
      { productId: p.id, quantity: 500, invoice: "INV-2", invoiceLine: "1", unitPrice: 7, endCustomer: "ACME ROBOTICS" },
    ],
  });
});

const line = (n: number, o: Record<string, unknown> = {}) => ({
  line: n, authorization: `SD-${d.code}`, invoice: "INV-1", invoiceLine: "1", shipDate: SHIP, endCustomer: "Acme Robotics",
  sku: p.sku, quantity: 10, bookCost: 8, authorizedCost: 5, claimedAmount: 30, ...o,
});

describe(`REST ship & debit (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("sell-in takes an optional unit_cost: stored, filled in on a reload, and the authorisations' debit uses it", async () => {
    as(manager);
    const header = "distributor_code,sku,ship_date,quantity,document,line";
    const first = await call(sellInRoute.POST, "/sell-in", { method: "POST", headers: { "content-type": "text/csv" }, body: `${header}\n${d.code},${p.sku},${day(-60)},500,SO-${d.code},1\n` });
    expect(await first.json()).toMatchObject({ loaded: 1, duplicates: 0, errors: [], costsFilled: 0 });
    const csv = `${header},unit_cost\n${d.code},${p.sku},${day(-60)},500,SO-${d.code},1,8.00\n${d.code},${p.sku},${day(-59)},5,SO-${d.code},2,-1\n`;
    const again = await (await call(sellInRoute.POST, "/sell-in", { method: "POST", headers: { "content-type": "text/csv" }, body: csv })).json();
    expect(again).toMatchObject({ loaded: 0, duplicates: 1, costsFilled: 1 });
    expect(again.errors).toEqual([{ line: 3, message: expect.stringContaining("unit_cost must be a cost per unit") }]);
    const [m] = asRows<{ unit_cost: string }>(await tdb.db.execute(sql`select unit_cost::text from movements where document = ${`SO-${d.code}`} and document_line = '1'`));
    expect(Number(m!.unit_cost)).toBe(8);
  });

  it("authorisations: CSV import by line, JSON, each distributor its own, staff only", async () => {
    as(analyst);
    const csv = [
      "number,distributor,end_customer_id,end_customer_name,sku,authorized_cost,min_resale,quantity_limit,valid_from,valid_to,currency",
      `SD-${d.code},${d.code},AC-1,"Acme Robotics, Inc.",${p.sku},5.00,,105,${day(-90)},${day(60)},USD`,
      `SD-${e.code},${e.code},,Globex,${p.sku},5.00,,50,${day(-90)},${day(60)},USD`,
      `BAD-${d.code},NOPE,,Globex,${p.sku},5.00,,50,${day(-90)},${day(60)},USD`,
      `BAD2-${d.code},${d.code},,Globex,${p.sku},abc,,50,${day(-90)},${day(60)},USD`,
    ].join("\n");
    let res = await call(authorizationsRoute.POST, "/authorizations", { method: "POST", headers: { "content-type": "text/csv; charset=utf-8" }, body: csv });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const imported = await res.json();
    expect(imported).toMatchObject({ created: 2, updated: 0 });
    expect(imported.errors.map((x: { line: number }) => x.line)).toEqual([4, 5]);
    expect(imported.errors[0].message).toContain("No distributor NOPE");

    res = await call(authorizationsRoute.POST, "/authorizations", json({ number: `SD-${d.code}`, distributor: d.code, endCustomer: { id: "AC-1", name: "Acme Robotics, Inc." }, sku: p.sku, authorizedCost: 5, quantityLimit: 100, validFrom: day(-90), validTo: day(60), currency: "USD" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 0, updated: 1, errors: [] });
    res = await call(authorizationsRoute.POST, "/authorizations", json({ authorizations: [{ number: "X", distributor: d.code }] }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "validation_failed", issues: [{ path: "line 1" }] });

    const staffView = await (await call(authorizationsRoute.GET, `/authorizations?distributor=${d.code}`)).json();
    expect(staffView.authorizations).toEqual([expect.objectContaining({ number: `SD-${d.code}`, quantityLimit: 100, remainingQuantity: 100, debitPerUnit: "3.00", openLiability: "300.00" })]);
    as(ev);
    const own = await (await call(authorizationsRoute.GET, "/authorizations")).json();
    expect(own.authorizations.map((a: { number: string }) => a.number)).toEqual([`SD-${e.code}`]);
    expect((await call(authorizationsRoute.GET, `/authorizations?distributor=${d.code}`)).status).toBe(404);
    expect((await call(authorizationsRoute.POST, "/authorizations", { method: "POST", headers: { "content-type": "text/csv" }, body: csv })).status).toBe(403);
  });

  let claimId = "";
  it("a JSON claim needs an Idempotency-Key; a replay answers the first answer and stores one claim", async () => {
    as(dv);
    const body = { period: PERIOD, reference: "CLM-1", lines: [line(1), line(2, { invoice: "INV-404" }), line(3, { invoice: "INV-2", quantity: 200, claimedAmount: 600 })] };
    let res = await call(claimsRoute.POST, "/claims", json(body));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("idempotency_key_missing");
    expect(await countClaims(d.id)).toBe(0);

    res = await call(claimsRoute.POST, "/claims", json(body, { "idempotency-key": "claim-1" }));
    expect(res.status).toBe(201);
    const text = await res.text();
    const first = JSON.parse(text);
    claimId = first.id;
    expect(first).toMatchObject({ period: PERIOD, reference: "CLM-1", status: "validated", revision: 1, source: "api" });
    expect(first.lines.map((l: { line: number; outcome: string; reasonCode: string | null; approvedQuantity: number; approvedAmount: string }) => [l.line, l.outcome, l.reasonCode, l.approvedQuantity, l.approvedAmount])).toEqual([
      [1, "approved", null, 10, "30.00"],
      [2, "rejected", "NO_POS_SALE", 0, "0.00"],
      [3, "adjusted", "OVER_LIMIT", 90, "270.00"],
    ]);
    expect(first.lines[1].message).toContain("INV-404");
    expect(first.totals).toMatchObject({ lines: 3, payable: "300.00" });

    const replay = await call(claimsRoute.POST, "/claims", json(body, { "idempotency-key": "claim-1" }));
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(text);
    expect(await countClaims(d.id)).toBe(1);

    res = await call(claimsRoute.POST, "/claims", json({ ...body, reference: "CLM-2" }, { "idempotency-key": "claim-1" }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("idempotency_mismatch");
    res = await call(claimsRoute.POST, "/claims", json({ period: PERIOD, lines: [line(1, { quantity: 2.5 })] }, { "idempotency-key": "claim-bad" }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0]).toMatchObject({ path: "lines.0.quantity" });
    expect(await countClaims(d.id)).toBe(1);
  });

  it("reads: its own claims; another distributor's claim is 404 by id, list and answer file", async () => {
    as(dv);
    const list = await (await call(claimsRoute.GET, `/claims?period=${PERIOD}`)).json();
    expect(list.claims.map((c: { id: string }) => c.id)).toEqual([claimId]);
    const one = await call(claimRoute.GET, `/claims/${claimId}?outcome=rejected`, {}, { id: claimId });
    expect((await one.json()).lines.map((l: { line: number }) => l.line)).toEqual([2]);
    expect((await call(claimRoute.GET, `/claims/${claimId}?revision=2`, {}, { id: claimId })).status).toBe(404);

    as(ev);
    for (const res of [
      await call(claimRoute.GET, `/claims/${claimId}`, {}, { id: claimId }),
      await call(responseRoute.GET, `/claims/${claimId}/response`, { headers: { accept: "text/csv" } }, { id: claimId }),
      await call(claimsRoute.GET, `/claims?distributor=${d.code}`),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(d.code);
    }
    expect((await (await call(claimsRoute.GET, "/claims")).json()).claims).toEqual([]);
    expect((await call(claimRoute.GET, "/claims/not-a-uuid", {}, { id: "not-a-uuid" })).status).toBe(404);
  });

  it("answers as an X12 849 or the payables CSV, by Accept; anything else is 406", async () => {
    as(dv);
    const x12 = await call(responseRoute.GET, `/claims/${claimId}/response`, { headers: { accept: "application/edi-x12" } }, { id: claimId });
    expect(x12.status).toBe(200);
    expect(x12.headers.get("content-type")).toBe("application/edi-x12");
    expect(x12.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="claim-${d.code}-${PERIOD}-CLM-1-r1\\.849\\.edi"$`));
    const edi = await x12.text();
    expect(edi).toMatch(new RegExp(`^ISA\\*00\\*.{10}\\*00\\*.{10}\\*ZZ\\*SELLTHRU {7}\\*ZZ\\*${d.code}EDI`));
    expect(edi).toContain("ST*849*");
    expect(edi).toContain("BRC*00*");
    expect(edi).toMatch(/AAA\*N\*ZZ\*S1~/);

    const csv = await call(responseRoute.GET, `/claims/${claimId}/response`, { headers: { accept: "text/csv" } }, { id: claimId });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows[0]).toBe("claim,revision,line,authorization,invoice,invoice_line,sku,quantity,claimed_amount,outcome,approved_quantity,approved_amount,reason_code,message");
    expect(rows[3]).toMatch(new RegExp(`^CLM-1,1,3,SD-${d.code},INV-2,1,${p.sku},200,600.00,adjusted,90,270.00,OVER_LIMIT,`));

    const html = await call(responseRoute.GET, `/claims/${claimId}/response`, { headers: { accept: "text/html,*/*" } }, { id: claimId });
    expect(html.status).toBe(406);
    expect((await html.json()).error.code).toBe("not_acceptable");
    const link = await call(responseRoute.GET, `/claims/${claimId}/response?format=csv`, { headers: { accept: "text/html" } }, { id: claimId });
    expect(link.status).toBe(200);
  });

  it("overrides: applied under the limit, four eyes above it, proposer may withdraw", async () => {
    as(dv);
    expect((await call(overrideRoute.POST, `/claims/${claimId}/lines/2/override`, json({ outcome: "approved", approvedQuantity: 10, approvedAmount: 30, note: "POS came late" }), { id: claimId, line: "2" })).status).toBe(403);
    as(analyst);
    let res = await call(overrideRoute.POST, `/claims/${claimId}/lines/2/override`, json({ outcome: "approved", approvedQuantity: 10, approvedAmount: 30, note: "POS came late" }), { id: claimId, line: "2" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: "applied", needsSecondApprover: false });
    await tdb.db.execute(sql`update settings set claim_override_limit = 100`);
    res = await call(overrideRoute.POST, `/claims/${claimId}/lines/3/override`, json({ outcome: "approved", approvedQuantity: 200, approvedAmount: 600, note: "Limit raised" }), { id: claimId, line: "3" });
    const proposed = await res.json();
    expect(proposed).toMatchObject({ status: "proposed", needsSecondApprover: true, limit: "100.00" });
    expect((await (await call(claimsRoute.GET, "/claims?awaiting=1")).json()).claims.map((c: { id: string }) => c.id)).toEqual([claimId]);
    const staffView = await (await call(claimRoute.GET, `/claims/${claimId}`, {}, { id: claimId })).json();
    expect(staffView.lines[2].pendingOverride).toMatchObject({ id: proposed.id, approvedAmount: "600.00" });
    as(dv);
    const partnerView = await (await call(claimRoute.GET, `/claims/${claimId}`, {}, { id: claimId })).json();
    expect(partnerView).toMatchObject({ status: "awaiting_approval", pendingOverrides: 1 });
    expect(partnerView.lines[2].pendingOverride).toBeNull();

    as(analyst);
    res = await call(approveRoute.POST, `/claim-overrides/${proposed.id}/approve`, { method: "POST" }, { id: proposed.id });
    expect(res.status).toBe(403);
    as(analyst2);
    res = await call(approveRoute.POST, `/claim-overrides/${proposed.id}/approve`, json({ note: "ok" }), { id: proposed.id });
    expect(await res.json()).toEqual({ id: proposed.id, status: "applied" });
    const after = await (await call(claimRoute.GET, `/claims/${claimId}`, {}, { id: claimId })).json();
    expect(after.lines.map((l: { outcome: string; reasonCode: string | null }) => `${l.outcome}:${l.reasonCode}`)).toEqual(["approved:null", "approved:OVERRIDE", "approved:OVERRIDE"]);
    expect(after.totals.payable).toBe("660.00");

    res = await call(overrideRoute.POST, `/claims/${claimId}/lines/1/override`, json({ outcome: "rejected", approvedQuantity: 0, approvedAmount: 0, note: "Wrong customer after all" }), { id: claimId, line: "1" });
    expect((await res.json()).status).toBe("applied"); // paying nothing never waits
    res = await call(overrideRoute.POST, `/claims/${claimId}/lines/1/override`, json({ outcome: "approved", approvedQuantity: 10, approvedAmount: 300, note: "Back again" }), { id: claimId, line: "1" });
    expect(res.status).toBe(400); // more than claimed
    res = await call(overrideRoute.POST, `/claims/${claimId}/lines/3/override`, json({ outcome: "adjusted", approvedQuantity: 150, approvedAmount: 450, note: "Second thoughts" }), { id: claimId, line: "3" });
    const waiting = await res.json();
    as(analyst);
    res = await call(rejectRoute.POST, `/claim-overrides/${waiting.id}/reject`, json({ note: "no" }), { id: waiting.id });
    expect(await res.json()).toEqual({ id: waiting.id, status: "rejected" });
    as(analyst2);
    res = await call(overrideRoute.POST, `/claims/${claimId}/lines/3/override`, json({ outcome: "adjusted", approvedQuantity: 150, approvedAmount: 450, note: "Third thoughts" }), { id: claimId, line: "3" });
    const mine = await res.json();
    res = await call(rejectRoute.POST, `/claim-overrides/${mine.id}/reject`, { method: "POST" }, { id: mine.id });
    expect(await res.json()).toEqual({ id: mine.id, status: "withdrawn" });
    expect((await call(overrideRoute.POST, `/claims/${claimId}/lines/99/override`, json({ outcome: "rejected", approvedQuantity: 0, approvedAmount: 0, note: "none" }), { id: claimId, line: "99" })).status).toBe(404);
    await tdb.db.execute(sql`update settings set claim_override_limit = 1000`);
  });
});
