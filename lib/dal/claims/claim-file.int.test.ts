/**
 * Claim files through `POST /api/v1/claims` (route handler, real data layer): CSV in the partner's own
 * layout, a layout that needs its columns confirmed (then remembered), lines that cannot be read (422,
 * nothing stored), X12 844 as a raw body, multipart, staff sending for a distributor, idempotency.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { suiteDatabase } from "@/lib/testing/suite-db";
import { routeState as state } from "@/lib/testing/route-mocks";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { asRows } from "@/db/sql-rows";
import { saveAuthorizations } from "./authorizations";
import { claimBodyFromFile } from "./claim-file";

vi.mock("@/lib/auth/current-viewer", async () => (await import("@/lib/testing/route-mocks")).tokenViewerModule);
vi.mock("@/db/client", async () => (await import("@/lib/testing/route-mocks")).dbClientModule);
const claimsRoute = await import("@/app/api/v1/claims/route");

const tdb = suiteDatabase();
let d: { id: number; code: string; name: string };
let p: { id: number; sku: string };
let dv: Viewer;
let analyst: Viewer;
let keyNo = 0;
const key = () => `file-${++keyNo}`;

function post(url: string, body: BodyInit, type: string, k: string | null = key()) {
  const headers: Record<string, string> = { "content-type": type, ...(k ? { "idempotency-key": k } : {}) };
  return claimsRoute.POST(new NextRequest(`http://localhost/api/v1${url}`, { method: "POST", headers, body }), { params: Promise.resolve({}) });
}
const claimCount = async () => asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from claims where distributor_id = ${d.id}`))[0]!.n;

beforeAll(async () => {
  state.db = tdb.db;
  d = await makeDistributor(tdb.db);
  p = await makeProduct(tdb.db, undefined, "10.00");
  dv = await makeViewer(tdb.db, "distributor", d);
  analyst = await makeViewer(tdb.db, "rebate_analyst");
  await saveAuthorizations(tdb.db, analyst, [{
    number: `SPA-${d.code}`, distributor: d.code, endCustomer: { name: "Solace Medical Inc" }, sku: p.sku, authorizedCost: 3.95,
    quantityLimit: 5000, validFrom: "2026-01-01", validTo: "2027-12-31", currency: "USD",
  }]);
});

const NORTHWIND_CSV = () => [
  "Northwind Components - Ship & Debit claim",
  "Claim no.,NWSD-2610-02",
  ",",
  "Debit #,Inv No,Inv Line,Date Shipped,End User,Mfr Part #,Qty Shipped,DBC,SPA Price,Ext Debit",
  `SPA-${d.code},INV-1,2,10/15/2026,Solace Medical Inc,${p.sku},"1,000",$4.84,$3.95,$890.00`,
  `SPA-${d.code},INV-2,1,10/20/2026,Solace Medical Inc,${p.sku},25,$4.84,$3.95,`,
  ',,,,,,,,Total,"$912.25"',
].join("\r\n");

describe(`claim files over the API (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("a CSV in the partner's layout becomes a claim; the period comes from ?period or the ship dates", async () => {
    state.viewer = dv;
    let res = await post("/claims", NORTHWIND_CSV(), "text/csv", null);
    expect(res.status).toBe(400);
    const k = key();
    res = await post("/claims?reference=NWSD-2610-02", NORTHWIND_CSV(), "text/csv", k);
    expect(res.status).toBe(201);
    const text = await res.text();
    const c = JSON.parse(text);
    expect(c).toMatchObject({ period: "2026-10", reference: "NWSD-2610-02", source: "csv", fileName: "claim.csv", lineCount: 2 });
    expect(c.file).toMatchObject({ format: "csv", periodSource: "ship_dates", mappingSaved: false });
    expect(c.file.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(["amount_computed", "row_skipped", "period_from_ship_dates"]));
    expect(c.lines.map((l: { line: number; quantity: number; claimedAmount: string }) => [l.line, l.quantity, l.claimedAmount])).toEqual([[1, 1000, "890.00"], [2, 25, "22.25"]]);
    // No POS was reported: rejected, with the reason.
    expect(c.lines[0]).toMatchObject({ outcome: "rejected", reasonCode: "NO_POS_SALE" });

    const replay = await post("/claims?reference=NWSD-2610-02", NORTHWIND_CSV(), "text/csv", k);
    expect(await replay.text()).toBe(text);
    const other = await post("/claims?reference=NWSD-2610-02", NORTHWIND_CSV().replace("$890.00", "$891.00"), "text/csv", k);
    expect((await other.json()).error.code).toBe("idempotency_mismatch");
    expect(await claimCount()).toBe(1);

    res = await post("/claims?period=2026-11", NORTHWIND_CSV(), "text/csv");
    expect(await res.json()).toMatchObject({ period: "2026-11", file: { periodSource: "given" } });
  });

  it("lines that cannot be read are 422 with line and field, and nothing is stored", async () => {
    state.viewer = dv;
    const before = await claimCount();
    const fixture = fs.readFileSync(path.join(__dirname, "../../imports/__fixtures__/claims/northwind-claim-2610.csv"));
    const res = await post("/claims?period=2026-10", fixture, "text/csv");
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("file_has_errors");
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 8, field: "shipDate" }), expect.objectContaining({ line: 8, field: "quantity" })]));
    expect(body.error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "line 8.shipDate" })]));
    const long = await post("/claims", NORTHWIND_CSV().replace(`SPA-${d.code},INV-1`, `${"A".repeat(70)},INV-1`), "text/csv");
    expect(long.status).toBe(422);
    expect((await long.json()).errors).toEqual([{ line: 5, field: "authorization", message: expect.stringContaining("at most 64 characters") }]);
    expect(await claimCount()).toBe(before);
  });

  it("an unsure layout asks (422 needs); the confirmed mapping is remembered for the next file", async () => {
    state.viewer = dv;
    const odd = `Ref,Doc,When,Who,Item,Units,Cost,Net\nSPA-${d.code},INV-9,2026-10-03,Solace Medical Inc,${p.sku},10,4.84,3.95\n`;
    let res = await post("/claims?period=2026-10", odd, "text/csv");
    expect(res.status).toBe(422);
    const asked = await res.json();
    expect(asked.error.code).toBe("file_needs_answer");
    expect(asked.needs[0]).toMatchObject({ kind: "mapping", headers: ["Ref", "Doc", "When", "Who", "Item", "Units", "Cost", "Net"] });
    const mapping = JSON.stringify({ 0: "authorization", 1: "invoice", 2: "shipDate", 3: "endCustomer", 4: "sku", 5: "quantity", 6: "bookCost", 7: "authorizedCost" });
    res = await post(`/claims?period=2026-10&mapping=${encodeURIComponent(mapping)}`, odd, "text/csv");
    expect(res.status).toBe(201);
    expect((await res.json()).file).toMatchObject({ mappingSaved: true });
    res = await post("/claims?period=2026-10", odd.replace("INV-9", "INV-10"), "text/csv");
    expect(res.status).toBe(201);
    expect((await res.json()).lines[0]).toMatchObject({ invoice: "INV-10", claimedAmount: "8.90" });
    res = await post("/claims?period=2026-10&mapping=%7B%220%22%3A%22price%22%7D", odd, "text/csv");
    expect((await res.json()).error).toMatchObject({ code: "validation_failed", issues: [{ path: "mapping" }] });
  });

  it("an X12 844 as a raw body or a multipart file; staff send for a distributor; odd content types are refused", async () => {
    state.viewer = dv;
    const envelope = "ISA*00*          *00*          *ZZ*NORTHWIND      *ZZ*HALCYONSEMI    *261105*1015*U*00401*000002001*0*P*>~GS*CF*NORTHWIND*HALCYONSEMI*20261105*1015*2001*X*004010~";
    const body = ["ST*844*0001", "BAA*00*SD*20261105*ZZ*NW-844-1", `CON*CT*SPA-${d.code}*AP`, "N1*EN*SOLACE MEDICAL INC*92*C9226", "PAD*1*SD", `LIN**VP*${p.sku}`,
      "QTY*39*100*EA", "UIT*EA*4.8400*DI", "UIT*EA*3.9500*CT", "AMT*S*89.00", "REF*IV*INV-844", "DTM*011*20261015"];
    const edi = `${envelope}${[...body, `SE*${body.length + 1}*0001`].join("~")}~GE*1*2001~IEA*1*000002001~`;
    let res = await post("/claims", edi, "application/edi-x12");
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c).toMatchObject({ period: "2026-10", reference: "NW-844-1", source: "x12", file: { format: "x12", claimDate: "2026-11-05", periodSource: "ship_dates" } });
    expect(c.lines[0]).toMatchObject({ authorization: `SPA-${d.code}`, invoice: "INV-844", quantity: 100, claimedAmount: "89.00" });

    const form = new FormData();
    form.set("file", new Blob([edi.replace("INV-844", "INV-845")]), "nw-oct.edi");
    form.set("period", "2026-10");
    res = await claimsRoute.POST(new NextRequest("http://localhost/api/v1/claims", { method: "POST", headers: { "idempotency-key": key() }, body: form }), { params: Promise.resolve({}) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ fileName: "nw-oct.edi", file: { periodSource: "given" } });

    state.viewer = analyst;
    res = await post(`/claims?distributor=${d.code}`, edi.replace("INV-844", "INV-846"), "application/edi-x12");
    expect(res.status).toBe(201);
    expect((await res.json()).distributor.code).toBe(d.code);
    res = await post("/claims", edi, "application/edi-x12");
    expect(res.status).toBe(404);

    state.viewer = dv;
    res = await post("/claims", "authorization=1", "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe("content-type");
  });

  it("claimBodyFromFile answers the screens the same way, without storing a claim", async () => {
    const r = await claimBodyFromFile(tdb.db, dv, { bytes: new TextEncoder().encode(NORTHWIND_CSV()), fileName: "nw.csv", period: "2026-10" });
    expect(r.kind).toBe("claim");
    if (r.kind === "claim") expect(r.body.lines).toHaveLength(2);
    await expect(claimBodyFromFile(tdb.db, dv, { bytes: new Uint8Array(0), fileName: "empty.csv" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(claimBodyFromFile(tdb.db, dv, { bytes: new TextEncoder().encode(NORTHWIND_CSV()), fileName: "nw.csv", period: "2026-13" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
