/**
 * Issue 4 through the data layer: every shared fixture imports to the per-SKU totals in
 * expected.json, mappings and part cross-references are remembered, a submission with the uploadId
 * keeps the POS lines (readable by the owner, 404 for another tenant), and a crash half-way leaves
 * nothing behind. Runs on PGlite and (TEST_DATABASE_URL) Postgres, where POS lines go in by COPY.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { vi } from "vitest";
import { sql } from "drizzle-orm";
import { databaseLabel, suiteDatabase } from "@/lib/testing/suite-db";
import { routeState as state } from "@/lib/testing/route-mocks";
import { makeDistributor, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import * as t from "@/db/schema";
import { asRows } from "@/db/sql-rows";
import { submitPeriod } from "../submissions/submit-period";
import { mapParts } from "../xrefs/map-parts";
import { ingestUpload, type UploadAnswer } from "./ingest-upload";
import { findKeptPosLines, listPosLines } from "./list-pos-lines";
import { needsIndex } from "@/lib/imports/needs";
import { decodePosBlock } from "@/lib/imports/split";
import { rejectedRowsCsv } from "./get-upload";

vi.mock("@/lib/auth/current-viewer", async () => (await import("@/lib/testing/route-mocks")).sessionViewerModule);
vi.mock("@/db/client", async () => (await import("@/lib/testing/route-mocks")).dbClientModule);
const uploadRoute = await import("@/app/api/v1/uploads/route");
const posLinesRoute = await import("@/app/api/v1/submissions/[period]/pos-lines/route");

const FIX = path.resolve(__dirname, "../../imports/__fixtures__");
const expected = JSON.parse(fs.readFileSync(path.join(FIX, "expected.json"), "utf8")) as Record<
  string,
  { format?: string; kind: string; sold?: Record<string, number>; returned?: Record<string, number>; onHand?: Record<string, number> }
>;
const read = (f: string) => fs.readFileSync(path.join(FIX, f));
const csvRows = (f: string) =>
  read(f).toString("utf8").trim().split(/\r?\n/).slice(1).map((l) => {
    // catalogue.csv quotes descriptions with commas: split on commas outside quotes.
    const out: string[] = [];
    let cur = "";
    let q = false;
    for (const ch of l) {
      if (ch === '"') q = !q;
      else if (ch === "," && !q) {
        out.push(cur);
        cur = "";
      } else cur += ch;
    }
    out.push(cur);
    return out;
  });

const tdb = suiteDatabase();
let nwc: { id: number; code: string; name: string };
let nwcViewer: Viewer;
const ON_TIME = new Date("2026-11-05T12:00:00Z");

beforeAll(async () => {
  state.db = tdb.db;
  for (const [sku, description, family, listPrice, upc] of csvRows("catalogue.csv")) {
    await tdb.db.insert(t.products).values({ sku: sku!, description: description!, family: family!, listPrice: listPrice!, upc: upc || null });
  }
  nwc = await makeDistributor(tdb.db);
  nwcViewer = await makeViewer(tdb.db, "distributor", nwc);
  const ids = new Map((await tdb.db.select({ id: t.products.id, sku: t.products.sku }).from(t.products)).map((p) => [p.sku, p.id]));
  await tdb.db.insert(t.partXrefs).values(csvRows("northwind-crossref.csv").map(([part, sku]) => ({ distributorId: nwc.id, distributorPart: part!, productId: ids.get(sku!)! })));
});

function totalsOf(a: UploadAnswer, f: "sold" | "returned" | "onHand") {
  const out: Record<string, number> = {};
  for (const l of a.lines) if (l[f] !== null && l[f] !== undefined) out[l.sku] = l[f]!;
  return out;
}

async function countRows(uploadId?: string) {
  const [r] = asRows<{ u: number; p: number }>(
    await tdb.db.execute(
      uploadId
        ? sql`select (select count(*)::int from uploads where id = ${uploadId}::uuid) as u, (select coalesce(sum(line_count), 0)::int from pos_line_blocks where upload_id = ${uploadId}::uuid) as p`
        : sql`select (select count(*)::int from uploads) as u, (select coalesce(sum(line_count), 0)::int from pos_line_blocks) as p`,
    ),
  );
  return { uploads: Number(r!.u), posLines: Number(r!.p) };
}

describe(`uploads through the data layer (${databaseLabel})`, () => {
  for (const file of Object.keys(expected)) {
    it(`imports ${file} to the expected per-SKU totals`, async () => {
      const exp = expected[file]!;
      const a = await ingestUpload(tdb.db, nwcViewer, { options: { period: "2026-10" }, source: read(file), fileName: file });
      expect(a.kind).toBe(exp.kind);
      if (exp.format) expect(a.format).toBe(exp.format);
      for (const f of ["sold", "returned", "onHand"] as const) {
        if (!exp[f]) continue;
        // expected.json lists the returns a file has; the reader reports 0 for the other SKUs of a POS file.
        const got = Object.fromEntries(Object.entries(totalsOf(a, f)).filter(([sku, n]) => n !== 0 || sku in exp[f]!));
        expect(got).toEqual(exp[f]);
      }
      expect(a.uploadId).toMatch(/^[0-9a-f-]{36}$/);
      const c = await countRows(a.uploadId);
      expect(c.uploads).toBe(1);
      expect(c.posLines).toBe(a.kind === "pos_lines" ? a.rowsAccepted : 0);
      expect(a.counts.posLines).toBe(c.posLines);
      if (file === "northwind-pos-2026-10.csv") {
        expect(a.rowsAccepted).toBe(61);
        expect(a.unknownParts).toEqual([{ part: "XYZ-9999", rows: 1 }]);
        expect(a.outOfPeriod).toHaveLength(1);
        expect(a.credits).toBe(1);
        expect(a.mappingSource).toBe("suggested");
        expect(a.products.find((p) => p.sku === "MCU-1000")?.family).toBe("MCU");
        expect(rejectedRowsCsv(a)).toContain("XYZ-9999");
      }
    });
  }

  it("answers the same through POST /api/v1/uploads (raw body and multipart), and refuses staff and corrupt files", async () => {
    state.viewer = nwcViewer;
    const base = "http://localhost/api/v1/uploads";
    let res = await uploadRoute.POST(
      new NextRequest(`${base}?period=2026-10&fileName=x.edi`, { method: "POST", headers: { "content-type": "application/edi-x12" }, body: read("northwind-852-2026-10.edi") }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    let body = await res.json();
    expect(body).toMatchObject({ format: "x12-852", kind: "summary", fileName: "x.edi" });
    expect(Object.fromEntries(body.lines.map((l: { sku: string; onHand: number }) => [l.sku, l.onHand]))).toEqual(expected["northwind-852-2026-10.edi"]!.onHand);

    const form = new FormData();
    form.set("period", "2026-10");
    form.set("file", new Blob([read("northwind-pos-2026-10.xlsx")]), "pos.xlsx");
    const mp = new Request(base, { method: "POST", body: form });
    // A form body on the session cookie is taken from the app's own pages only (lib/http/same-origin.ts): as the browser says it.
    mp.headers.set("sec-fetch-site", "same-origin");
    res = await uploadRoute.POST(new NextRequest(base, { method: "POST", headers: mp.headers, body: Buffer.from(await mp.arrayBuffer()) }), { params: Promise.resolve({}) });
    body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ format: "xlsx", kind: "pos_lines", fileName: "pos.xlsx" });
    expect(Object.fromEntries(body.lines.map((l: { sku: string; sold: number }) => [l.sku, l.sold]))).toEqual(expected["northwind-pos-2026-10.xlsx"]!.sold);

    res = await uploadRoute.POST(
      new NextRequest(`${base}?period=2026-10`, { method: "POST", headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, body: Buffer.from("PK\u0003\u0004garbage-not-a-zip") }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("validation_failed");

    state.viewer = await makeViewer(tdb.db, "channel_manager");
    res = await uploadRoute.POST(new NextRequest(`${base}?period=2026-10`, { method: "POST", headers: { "content-type": "text/csv" }, body: "a,b\n1,2\n" }), { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
  });

  it("refuses a file above the limit with 413 and stores nothing", async () => {
    const before = await countRows();
    const err = await ingestUpload(tdb.db, nwcViewer, { options: { period: "2026-10" }, source: read("northwind-pos-2026-10.csv"), maxBytes: 1000 }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(413);
    expect(await countRows()).toEqual(before);
  });

  it("asks for a mapping once, remembers the confirmed one by header signature, and applies it with zero clicks", async () => {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const file = Buffer.from("Ref;Figure;When;Who\nMCU-1000;5;2026-10-03;Acme\nLDO-330;7;2026-10-04;Acme\nMCU-1000;1;2026-10-05;Beta\n");
    const first = await ingestUpload(tdb.db, v, { options: { period: "2026-10" }, source: file });
    expect(needsIndex(first.needs)?.mapping).toBe(true);
    // The mapping step shows the header and the first rows.
    expect(first.layout).toMatchObject({ headers: ["Ref", "Figure", "When", "Who"], preview: [["MCU-1000", "5", "2026-10-03", "Acme"], ["LDO-330", "7", "2026-10-04", "Acme"], ["MCU-1000", "1", "2026-10-05", "Beta"]] });
    const mapping = { 0: "sku", 1: "quantity", 2: "date", 3: "endCustomer" };
    const confirmed = await ingestUpload(tdb.db, v, { options: { period: "2026-10", mapping: JSON.stringify(mapping), kind: "pos_lines", replaces: first.uploadId }, source: file });
    expect(needsIndex(confirmed.needs)?.mapping).toBeUndefined();
    expect(confirmed.remembered).toBe(true);
    expect(totalsOf(confirmed, "sold")).toEqual({ "LDO-330": 7, "MCU-1000": 6 });
    expect((await countRows(first.uploadId)).uploads).toBe(0); // replaced
    // Next month's file from the same system: other rows, same header → remembered, no question.
    const next = await ingestUpload(tdb.db, v, { options: { period: "2026-10" }, source: Buffer.from("Ref;Figure;When;Who\nLDO-330;2;2026-10-09;Gamma\n") });
    expect(next.mappingSource).toBe("remembered");
    expect(needsIndex(next.needs)?.mapping).toBeUndefined();
    expect(totalsOf(next, "sold")).toEqual({ "LDO-330": 2 });
    // Another distributor with the same layout is asked again (mappings are per distributor).
    const other = await makeDistributor(tdb.db);
    const again = await ingestUpload(tdb.db, await makeViewer(tdb.db, "distributor", other), { options: { period: "2026-10" }, source: file });
    expect(needsIndex(again.needs)?.mapping).toBe(true);
  });

  it("maps an unknown part on the spot and remembers it for later uploads", async () => {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const first = await ingestUpload(tdb.db, v, { options: { period: "2026-10" }, source: read("northwind-pos-2026-10.csv") });
    expect(first.unknownParts).toEqual([{ part: "XYZ-9999", rows: 1 }]);
    await expect(mapParts(tdb.db, v, { mappings: [{ part: "XYZ-9999", sku: "NOPE-1" }] })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await mapParts(tdb.db, v, { mappings: [{ part: "xyz-9999", sku: "mcu-1000" }] })).toEqual({ mapped: [{ part: "xyz-9999", sku: "MCU-1000" }] });
    const second = await ingestUpload(tdb.db, v, { options: { period: "2026-10", replaces: first.uploadId }, source: read("northwind-pos-2026-10.csv") });
    expect(second.unknownParts).toEqual([]);
    expect(second.rowsAccepted).toBe(62);
    const extra = totalsOf(second, "sold")["MCU-1000"]! - totalsOf(first, "sold")["MCU-1000"]!;
    expect(extra).toBeGreaterThan(0);
    // Remembered for this distributor only.
    const other = await makeDistributor(tdb.db);
    const third = await ingestUpload(tdb.db, await makeViewer(tdb.db, "distributor", other), { options: { period: "2026-10" }, source: read("northwind-pos-2026-10.csv") });
    expect(third.unknownParts).toEqual([{ part: "XYZ-9999", rows: 1 }]);
  });

  it("keeps the POS lines with the revision that names the upload; another tenant cannot read them", async () => {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const a = await ingestUpload(tdb.db, v, { options: { period: "2026-10" }, source: read("northwind-867-2026-10.edi") });
    const lines = a.lines.map((l) => ({ sku: l.sku, sold: Math.max(0, l.sold ?? 0), returned: l.returned ?? 0, onHand: 0 }));
    const r = await submitPeriod(tdb.db, v, { period: "2026-10", body: { baseRevision: null, uploadId: a.uploadId, lines }, source: "portal", now: ON_TIME });
    const [rev] = await tdb.db.select().from(t.submissionRevisions).where(sql`${t.submissionRevisions.submissionId} = ${r.submissionId}::uuid`);
    expect(rev).toMatchObject({ uploadId: a.uploadId, source: "upload" });

    const kept = await listPosLines(tdb.db, v, { period: "2026-10" });
    expect(kept.revision).toBe(1);
    expect(kept.lines).toHaveLength(a.rowsAccepted);
    const rv = kept.lines.filter((l) => l.transferType === "RV");
    expect(rv.reduce((s, l) => s + l.quantity, 0)).toBe(70);
    const sold: Record<string, number> = {};
    for (const l of kept.lines) if (l.transferType !== "RV") sold[l.sku] = (sold[l.sku] ?? 0) + l.quantity;
    expect(sold).toEqual(expected["northwind-867-2026-10.edi"]!.sold);
    expect(kept.lines[0]).toMatchObject({ endCustomer: expect.any(String), invoice: expect.any(String) });

    // Through the route: JSON and formula-safe CSV.
    state.viewer = v;
    let res = await posLinesRoute.GET(new NextRequest("http://localhost/api/v1/submissions/2026-10/pos-lines"), { params: Promise.resolve({ period: "2026-10" }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(kept.lines);
    res = await posLinesRoute.GET(new NextRequest("http://localhost/api/v1/submissions/2026-10/pos-lines", { headers: { accept: "text/csv" } }), { params: Promise.resolve({ period: "2026-10" }) });
    const csv = await res.text();
    expect(csv.split("\r\n")[0]).toBe("sku,quantity,invoiceDate,invoice,invoiceLine,unitPrice,endCustomer,shipToCity,shipToState,shipToCountry,transferType,distributorPart,sourceLine");
    expect(csv.trim().split("\r\n")).toHaveLength(a.rowsAccepted + 1);

    // Another distributor: 404 by code; its own period has nothing.
    const other = await makeDistributor(tdb.db);
    const ov = await makeViewer(tdb.db, "distributor", other);
    await expect(listPosLines(tdb.db, ov, { period: "2026-10", distributorCode: d.code })).rejects.toMatchObject({ code: "not_found" });
    expect((await listPosLines(tdb.db, ov, { period: "2026-10" })).lines).toEqual([]);
    state.viewer = ov;
    res = await posLinesRoute.GET(new NextRequest(`http://localhost/api/v1/submissions/2026-10/pos-lines?distributor=${d.code}`), { params: Promise.resolve({ period: "2026-10" }) });
    expect(res.status).toBe(404);
    // Another tenant cannot submit with this upload either.
    await expect(
      submitPeriod(tdb.db, ov, { period: "2026-10", body: { baseRevision: null, uploadId: a.uploadId, lines: lines.slice(0, 1) }, source: "portal", now: ON_TIME }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    // Staff read with ?distributor=CODE.
    const staff = await makeViewer(tdb.db, "channel_manager");
    expect((await findKeptPosLines(tdb.db, staff, { period: "2026-10", distributorCode: d.code })).uploadId).toBe(a.uploadId);
  });

  it("exports end customers formula-safe", async () => {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const file = Buffer.from('Invoice Date,Invoice No,Line,Mfr Part #,Qty Shipped,End Customer\n2026-10-03,INV1,1,MCU-1000,5,"=cmd()"\n2026-10-03,INV1,2,LDO-330,3,"Tab\tCo"\n');
    const a = await ingestUpload(tdb.db, v, { options: { period: "2026-10" }, source: file });
    expect(a.rowsAccepted).toBe(2);
    await submitPeriod(tdb.db, v, { period: "2026-10", body: { baseRevision: null, uploadId: a.uploadId, lines: [{ sku: "MCU-1000", sold: 5, returned: 0, onHand: 0 }] }, source: "portal", now: ON_TIME });
    state.viewer = v;
    const res = await posLinesRoute.GET(new NextRequest("http://localhost/api/v1/submissions/2026-10/pos-lines?format=csv"), { params: Promise.resolve({ period: "2026-10" }) });
    const csv = await res.text();
    expect(csv).toContain(",'=cmd(),");
    const json = (await listPosLines(tdb.db, v, { period: "2026-10" })).lines;
    expect(json.map((l) => l.endCustomer)).toEqual(["=cmd()", "Tab\tCo"]);
  });

  it("stores text with backslashes, tabs and line breaks exactly (block escaping)", async () => {
    const csv = [
      "Invoice Date,Invoice No,Line,Mfr Part #,Qty Shipped,End Customer,Ship-To City",
      '10/05/2026,ESC-1,1,MCU-1000,3,"Back\\slash\tTab","Two\nLines"',
      "10/06/2026,ESC-1,2,MCU-1000,4,Plain,\\N",
    ].join("\r\n");
    const a = await ingestUpload(tdb.db, nwcViewer, { options: { period: "2026-10" }, source: Buffer.from(csv), fileName: "escapes.csv" });
    expect(a.counts.posLines).toBe(2);
    const [block] = asRows<{ lines: string }>(await tdb.db.execute(sql`select lines from pos_line_blocks where upload_id = ${a.uploadId}::uuid`));
    const rows = decodePosBlock(block!.lines, () => "MCU-1000").map((l) => ({ c: l.endCustomer, city: l.shipToCity }));
    expect(rows).toEqual([
      { c: "Back\\slash\tTab", city: "Two\nLines" },
      { c: "Plain", city: "\\N" },
    ]);
  });

  it("a crash half-way leaves no upload and no POS line", async () => {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const rows = ["Invoice Date,Invoice No,Line,Mfr Part #,Qty Shipped"];
    for (let i = 0; i < 5000; i++) rows.push(`2026-10-0${1 + (i % 9)},INV${i},1,MCU-1000,1`);
    const before = await countRows();
    let batches = 0;
    const err = await ingestUpload(tdb.db, v, {
      options: { period: "2026-10" },
      source: Buffer.from(rows.join("\n")),
      onPosLines: () => {
        if (++batches === 3) throw new Error("crash after two batches");
      },
    }).catch((e) => e);
    expect(String(err)).toContain("crash after two batches");
    expect(batches).toBe(3);
    expect(await countRows()).toEqual(before);
    const [u] = asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from uploads where distributor_id = ${d.id}`));
    expect(Number(u!.n)).toBe(0);
    // The database is still usable afterwards.
    const ok = await ingestUpload(tdb.db, v, { options: { period: "2026-10" }, source: Buffer.from(rows.slice(0, 11).join("\n")) });
    expect(ok.rowsAccepted).toBe(10);
  });
});
