/**
 * The REST contract of /api/v1/submissions and /api/v1/tokens, through the route handlers themselves
 * (the viewer and the database are injected; everything else is the real code).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { databaseLabel, suiteDatabase } from "@/lib/testing/suite-db";
import { routeState as state } from "@/lib/testing/route-mocks";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { loadViewerByToken } from "../auth/load-viewer";

vi.mock("@/lib/auth/current-viewer", async () => (await import("@/lib/testing/route-mocks")).sessionViewerModule);
vi.mock("@/db/client", async () => (await import("@/lib/testing/route-mocks")).dbClientModule);

const submissionRoute = await import("@/app/api/v1/submissions/[period]/route");
const revisionsRoute = await import("@/app/api/v1/submissions/[period]/revisions/route");
const tokensRoute = await import("@/app/api/v1/tokens/route");
const tokenRoute = await import("@/app/api/v1/tokens/[id]/route");

const tdb = suiteDatabase();
beforeAll(async () => {
  state.db = tdb.db;
});

const base = "http://localhost/api/v1";
function call<P>(handler: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>, params: P, url: string, init: RequestInit = {}) {
  return handler(new NextRequest(base + url, init as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve(params) });
}
const post = (period: string, body: unknown, key?: string) =>
  call(submissionRoute.POST, { period }, `/submissions/${period}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe(`REST /api/v1/submissions and /api/v1/tokens (${databaseLabel})`, () => {
  it("behaves as the contract says", async () => {
    const d = await makeDistributor(tdb.db);
    const other = await makeDistributor(tdb.db);
    const p = await makeProduct(tdb.db);
    state.viewer = await makeViewer(tdb.db, "distributor", d);
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 700, returned: 0, onHand: 240 }] };

    // dryRun=1: no Idempotency-Key needed, the check's answer, nothing stored.
    const dry = await call(submissionRoute.POST, { period: "2026-10" }, `/submissions/2026-10?dryRun=1`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    });
    expect(dry.status).toBe(200);
    const checked = await dry.json();
    expect(Object.keys(checked).sort()).toEqual(["flags", "quality"]);
    expect(checked.flags.map((f: { sku: string; kind: string }) => [f.sku, f.kind])).toEqual([[p.sku, "impossible"], [p.sku, "out_of_tolerance"]]);
    expect(checked.flags[0].message).toBe("Sold 700 but only 0 were available (opening 0)");
    // 2026-10 was due on 10 November: submitted weeks late today, freshness is 0.
    expect(checked.quality).toEqual({ score: 25, parts: { completeness: 100, plausibility: 0, agreement: 0, freshness: 0 } });
    const bogus = await call(submissionRoute.POST, { period: "2026-10" }, `/submissions/2026-10?dryRun=yes`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    });
    expect(bogus.status).toBe(400);
    expect((await submissionRoute.GET(new NextRequest(base + "/submissions/2026-10"), { params: Promise.resolve({ period: "2026-10" }) }).then((r) => r.json())).revision).toBeNull();

    let res = await post("2026-10", body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("idempotency_key_missing");

    res = await post("2026-10", { baseRevision: null, lines: [{ sku: p.sku, sold: -1, returned: 0.5, onHand: 0 }] }, "k1");
    expect(res.status).toBe(400);
    const bad = await res.json();
    expect(bad.error.code).toBe("validation_failed");
    expect(bad.error.issues).toEqual([
      { path: "lines.0.sold", message: `${p.sku}: Sold cannot be negative` },
      { path: "lines.0.returned", message: `${p.sku}: Returned must be a whole number of units` },
    ]);
    expect((await post("2026-10", "{not json", "k1")).status).toBe(400);

    res = await post("2026-10", body, "k1");
    expect(res.status).toBe(201);
    const stored = await res.clone().json();
    expect({ flags: stored.flags, quality: stored.quality }).toEqual(checked);
    const created = await res.json();
    expect(Object.keys(created).sort()).toEqual(["daysLate", "exceptionsOpened", "flags", "quality", "revision", "submissionId", "submittedAt", "timeliness"]);
    expect(created).toMatchObject({ revision: 1, exceptionsOpened: 1 }); // nothing shipped, 940 off: opened under the distributor's row-level security
    expect(created.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    res = await post("2026-10", body, "k1");
    expect([res.status, await res.json()]).toEqual([201, created]);
    res = await post("2026-10", { ...body, lines: [{ ...body.lines[0], sold: 701 }] }, "k1");
    expect([res.status, (await res.json()).error.code]).toEqual([422, "idempotency_mismatch"]);

    res = await post("2026-10", body, "k2");
    expect(res.status).toBe(409);
    const stale = await res.json();
    expect(stale.error).toMatchObject({ code: "conflict", details: { latestRevision: 1, submittedAt: created.submittedAt, submittedBy: "distributor" } });

    res = await post("2026-10", { ...body, baseRevision: 1 }, "k3");
    expect((await res.json()).revision).toBe(2);

    res = await call(submissionRoute.GET, { period: "2026-10" }, "/submissions/2026-10");
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view).toMatchObject({ period: "2026-10", revision: 2, status: created.timeliness, dueAt: "2026-11-10T23:59:59.000Z" });
    expect(view.lines).toEqual([
      {
        sku: p.sku, description: p.description, opening: 0, received: 0, sold: 700, returned: 0, onHand: 240, expected: -700, note: null,
        flags: checked.flags.map(({ kind, message }: { kind: string; message: string }) => ({ kind, message })), confirm: null,
      },
    ]);
    expect(view.quality).toEqual(checked.quality);

    res = await call(revisionsRoute.GET, { period: "2026-10" }, "/submissions/2026-10/revisions");
    expect((await res.json()).map((r: { revision: number; source: string }) => [r.revision, r.source])).toEqual([[2, "api"], [1, "api"]]);

    for (const url of [`/submissions/2026-10?distributor=${other.code}`, `/submissions/2026-10/revisions?distributor=${other.code}`]) {
      const h = url.includes("revisions") ? revisionsRoute.GET : submissionRoute.GET;
      res = await call(h, { period: "2026-10" }, url);
      expect([url, res.status, (await res.json()).error.code]).toEqual([url, 404, "not_found"]);
    }
    expect((await call(submissionRoute.GET, { period: "2026-1" }, "/submissions/2026-1")).status).toBe(400);
    expect((await call(submissionRoute.GET, { period: "2099-01" }, "/submissions/2099-01")).status).toBe(404);

    state.viewer = await makeViewer(tdb.db, "channel_manager");
    expect((await call(submissionRoute.GET, { period: "2026-10" }, `/submissions/2026-10?distributor=${d.code}`)).status).toBe(200);
    res = await post("2026-10", { ...body, baseRevision: 2 }, "k4");
    expect([res.status, (await res.json()).error.code]).toEqual([403, "forbidden"]);
    state.viewer = null;
    expect((await call(submissionRoute.GET, { period: "2026-10" }, "/submissions/2026-10")).status).toBe(401);
  });

  it("lets a signed-in user manage tokens, and a token none", async () => {
    const d = await makeDistributor(tdb.db);
    const owner = await makeViewer(tdb.db, "distributor", d);
    state.viewer = owner;
    let res = await call(tokensRoute.POST, {}, "/tokens", { method: "POST", body: JSON.stringify({ name: "ERP" }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(201);
    const token = await res.json();
    expect(Object.keys(token).sort()).toEqual(["createdAt", "id", "name", "prefix", "secret"]);
    expect(res.headers.get("cache-control")).toBe("no-store");
    res = await call(tokensRoute.GET, {}, "/tokens");
    expect((await res.json()).map((t: { id: string }) => t.id)).toEqual([token.id]);

    state.viewer = await loadViewerByToken(tdb.db, token.secret);
    res = await call(tokensRoute.POST, {}, "/tokens", { method: "POST", body: JSON.stringify({ name: "more" }), headers: { "content-type": "application/json" } });
    expect([res.status, (await res.json()).error.code]).toEqual([403, "forbidden"]);

    state.viewer = await makeViewer(tdb.db, "distributor", await makeDistributor(tdb.db));
    res = await call(tokenRoute.DELETE, { id: token.id }, `/tokens/${token.id}`, { method: "DELETE" });
    expect(res.status).toBe(404);

    state.viewer = owner;
    res = await call(tokenRoute.DELETE, { id: token.id }, `/tokens/${token.id}`, { method: "DELETE" });
    expect([res.status, (await res.json()).active]).toEqual([200, false]);
    expect(await loadViewerByToken(tdb.db, token.secret)).toBeNull();
  });
});
