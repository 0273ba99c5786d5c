import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { databaseLabel, suiteDatabase } from "@/lib/testing/suite-db";
import { rejection } from "@/lib/testing/rejection";
import { addMovement, makeProduct, makeTenant, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import * as t from "@/db/schema";
import { asRows } from "@/db/sql-rows";
import { submitPeriod, type SubmitPeriodInput } from "./submit-period";
import { getSubmissionView } from "./get-submission-view";
import { saveDraft } from "../drafts/save-draft";
import { getDraft } from "../drafts/get-draft";
import { refreshLedger } from "../ledger/refresh-ledger";

const tdb = suiteDatabase();

/** 2026-10 is due 2026-11-10 23:59:59 UTC (settings default: 10th, UTC). */
const ON_TIME = new Date("2026-11-05T12:00:00Z");
const THREE_DAYS_LATE = new Date("2026-11-13T12:00:00Z");

const tenant = () => makeTenant(tdb.db);

async function ledgerRow(distributorId: number, productId: number, period: string) {
  const [row] = asRows<Record<string, unknown>>(
    await tdb.db.execute(sql`select opening, sell_in, sell_through, returns, calculated, reported, gap, gap_pct::float8 as gap_pct
      from ledger_balances where distributor_id = ${distributorId} and product_id = ${productId} and period = ${period + "-01"}::date`),
  );
  return row;
}

async function counts(distributorId: number) {
  const [row] = asRows<{ subs: number; revs: number; lines: number }>(
    await tdb.db.execute(sql`select
      (select count(*)::int from submissions where distributor_id = ${distributorId}) as subs,
      (select count(*)::int from submission_revisions r join submissions s on s.id = r.submission_id where s.distributor_id = ${distributorId}) as revs,
      (select count(*)::int from submission_lines l join submission_revisions r on r.id = l.revision_id join submissions s on s.id = r.submission_id where s.distributor_id = ${distributorId}) as lines`),
  );
  return { subs: Number(row!.subs), revs: Number(row!.revs), lines: Number(row!.lines) };
}

/** Sell-in as the ERP loader books it: a movement, then the maintained ledger refreshed. */
async function sellIn(distributorId: number, productId: number, period: string, quantity: number) {
  await addMovement(tdb.db, { distributorId, productId, period, type: "sell_in", quantity });
  await refreshLedger(tdb.db, { distributorIds: [distributorId], productIds: [productId] }, "2026-10-01");
}

const submit = (v: Viewer, input: Partial<SubmitPeriodInput> & { body: unknown }) =>
  submitPeriod(tdb.db, v, { period: "2026-10", source: "api", now: ON_TIME, ...input });

describe(`submitting a period (${databaseLabel})`, () => {
  it("holds the worked example: sell-in 1000, sold 700, on hand 240 → calculated 300, gap 60", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    await sellIn(d.id, p.id, "2026-10", 600);
    await sellIn(d.id, p.id, "2026-10", 400);

    const before = await getSubmissionView(tdb.db, v, { period: "2026-10" }, ON_TIME);
    expect(before).toMatchObject({ revision: null, status: "pending" });
    expect(before.lines).toEqual([expect.objectContaining({ sku: p.sku, opening: 0, received: 1000, sold: 0, returned: 0, onHand: 0, expected: 1000 })]);

    const r = await submit(v, { body: { baseRevision: null, lines: [{ sku: p.sku, sold: 700, returned: 0, onHand: 240 }] } });
    expect(r).toMatchObject({ revision: 1, timeliness: "on_time", daysLate: 0, submittedAt: ON_TIME.toISOString(), replayed: false });
    expect(r.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ledgerRow(d.id, p.id, "2026-10")).toMatchObject({ opening: 0, sell_in: 1000, sell_through: 700, calculated: 300, reported: 240, gap: 60, gap_pct: 20 });

    const after = await getSubmissionView(tdb.db, v, { period: "2026-10" }, ON_TIME);
    expect(after).toMatchObject({ revision: 1, status: "on_time", timeliness: "on_time", submissionId: r.submissionId });
    expect(after.lines[0]).toMatchObject({ sold: 700, returned: 0, onHand: 240, expected: 300, inRevision: true });
  });

  it("prefills sold with last period's, returned with 0 and on hand with last period's REPORTED count", async () => {
    const { d, v } = await tenant();
    const a = await makeProduct(tdb.db);
    const b = await makeProduct(tdb.db);
    const quiet = await makeProduct(tdb.db);
    await sellIn(d.id, a.id, "2026-09", 500);
    await sellIn(d.id, b.id, "2026-09", 80);
    await sellIn(d.id, a.id, "2026-10", 100);
    // 13 months back: sold out then, nothing since → not carried any more.
    await sellIn(d.id, quiet.id, "2025-09", 10);
    await submitPeriod(tdb.db, v, {
      period: "2025-09", source: "portal", now: new Date("2025-10-02T00:00:00Z"),
      body: { baseRevision: null, lines: [{ sku: quiet.sku, sold: 10, returned: 0, onHand: 0 }] },
    });
    // 2026-09: a reported 250 while the ledger calculates 300 (gap 50); b was not reported.
    await submitPeriod(tdb.db, v, {
      period: "2026-09", source: "portal", now: new Date("2026-10-03T00:00:00Z"),
      body: { baseRevision: null, lines: [{ sku: a.sku, sold: 200, returned: 0, onHand: 250 }] },
    });
    expect(await ledgerRow(d.id, a.id, "2026-09")).toMatchObject({ calculated: 300, reported: 250, gap: 50 });

    const view = await getSubmissionView(tdb.db, v, { period: "2026-10" }, ON_TIME);
    expect(view).toMatchObject({ period: "2026-10", revision: null, status: "pending", dueAt: "2026-11-10T23:59:59.000Z", closed: false });
    expect(view.distributor).toEqual({ code: d.code, name: d.name });
    expect(view.lines.map((l) => l.sku)).toEqual([a.sku, b.sku].sort());
    const la = view.lines.find((l) => l.sku === a.sku)!;
    expect(la).toMatchObject({ opening: 300, received: 100, sold: 200, returned: 0, onHand: 250, expected: 200, note: null, family: "Test" });
    expect(la.last).toEqual({ sold: 200, returned: 0, onHand: 250 });
    const lb = view.lines.find((l) => l.sku === b.sku)!;
    expect(lb).toMatchObject({ opening: 80, received: 0, sold: 0, returned: 0, onHand: 0, expected: 80, last: null });

    // Past the deadline with nothing submitted: missing.
    expect((await getSubmissionView(tdb.db, v, { period: "2026-10" }, THREE_DAYS_LATE)).status).toBe("missing");
  });

  it("keeps the first submission's timeliness on resubmission", async () => {
    const { v } = await tenant();
    const p = await makeProduct(tdb.db);
    const first = await submit(v, { now: THREE_DAYS_LATE, body: { baseRevision: null, lines: [{ sku: p.sku, sold: 1, returned: 0, onHand: 1 }] } });
    expect(first).toMatchObject({ revision: 1, timeliness: "late", daysLate: 3 });
    const second = await submit(v, { now: new Date("2026-11-20T00:00:00Z"), body: { baseRevision: 1, lines: [{ sku: p.sku, sold: 2, returned: 0, onHand: 0, note: "recount" }] } });
    expect(second).toMatchObject({ submissionId: first.submissionId, revision: 2, timeliness: "late", daysLate: 3, submittedAt: "2026-11-20T00:00:00.000Z" });

    const other = await tenant();
    const early = await submit(other.v, { body: { baseRevision: null, lines: [{ sku: p.sku, sold: 1, returned: 0, onHand: 1 }] } });
    const later = await submit(other.v, { now: THREE_DAYS_LATE, body: { baseRevision: 1, lines: [{ sku: p.sku, sold: 1, returned: 0, onHand: 2 }] } });
    expect([early.timeliness, later.timeliness, later.daysLate]).toEqual(["on_time", "on_time", 0]);
    const view = await getSubmissionView(tdb.db, v, { period: "2026-10" }, new Date("2026-11-21T00:00:00Z"));
    expect(view).toMatchObject({ status: "late", daysLate: 3, revision: 2, firstSubmittedAt: THREE_DAYS_LATE.toISOString(), latestSubmittedAt: "2026-11-20T00:00:00.000Z" });
    expect(view.lines[0]).toMatchObject({ sold: 2, onHand: 0, note: "recount" });
  });

  it("refuses a stale baseRevision with 409 and who submitted the latest", async () => {
    const { d, v } = await tenant();
    const colleague = await makeViewer(tdb.db, "distributor", d);
    const p = await makeProduct(tdb.db);
    await submit(v, { body: { baseRevision: null, lines: [{ sku: p.sku, sold: 1, returned: 0, onHand: 1 }] } });
    await submit(colleague, { body: { baseRevision: 1, lines: [{ sku: p.sku, sold: 5, returned: 0, onHand: 1 }] } });
    const e = await rejection(submit(v, { body: { baseRevision: 1, lines: [{ sku: p.sku, sold: 9, returned: 0, onHand: 9 }] } }));
    expect(e.code).toBe("conflict");
    expect(e.status).toBe(409);
    expect(e.details).toEqual({ latestRevision: 2, submittedAt: ON_TIME.toISOString(), submittedBy: colleague.name });
    const none = await rejection(submit(v, { body: { baseRevision: null, lines: [{ sku: p.sku, sold: 9, returned: 0, onHand: 9 }] } }));
    expect(none.details).toMatchObject({ latestRevision: 2 });
    expect(await counts(d.id)).toEqual({ subs: 1, revs: 2, lines: 2 });
  });

  it("rejects bad lines with issues on the right paths and stores nothing", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    const q = await makeProduct(tdb.db);
    const good = { sku: p.sku, sold: 1, returned: 0, onHand: 1 };
    const cases: [unknown, { path: string; message: RegExp }[]][] = [
      [[good, { sku: q.sku, sold: -1, returned: 0, onHand: 0 }], [{ path: "lines.1.sold", message: new RegExp(`^${q.sku}: Sold cannot be negative`) }]],
      [[good, { sku: q.sku, sold: 1, returned: 2.5, onHand: 0 }], [{ path: "lines.1.returned", message: /Returned must be a whole number/ }]],
      [[good, { sku: q.sku, sold: 1, returned: 0, onHand: 1e12 }], [{ path: "lines.1.onHand", message: /On hand is implausibly large/ }]],
      [[good, { sku: q.sku, sold: "7", returned: 0, onHand: 0 }], [{ path: "lines.1.sold", message: /Sold must be a number/ }]],
      [[good, { sku: p.sku.toLowerCase(), sold: 1, returned: 0, onHand: 0 }], [{ path: "lines.1.sku", message: /appears more than once/ }]],
      [[good, { sku: q.sku, sold: 1, returned: 0, onHand: 0, note: "x".repeat(501) }], [{ path: "lines.1.note", message: /at most 500/ }]],
      [[good, { sku: "NOPE-1", sold: 1, returned: 0, onHand: 0 }, { sku: "NOPE-2", sold: 1, returned: 0, onHand: 0 }], [
        { path: "lines.1.sku", message: /Unknown SKU NOPE-1/ },
        { path: "lines.2.sku", message: /Unknown SKU NOPE-2/ },
      ]],
      [[], [{ path: "lines", message: /at least one line/ }]],
    ];
    for (const [lines, want] of cases) {
      const e = await rejection(submit(v, { body: { baseRevision: null, lines } }));
      expect(e.code, JSON.stringify(lines)).toBe("validation_failed");
      expect(e.status).toBe(400);
      expect(e.message).toMatch(/nothing was stored/);
      expect(e.issues.map((i) => i.path)).toEqual(want.map((w) => w.path));
      want.forEach((w, i) => expect(e.issues[i]!.message).toMatch(w.message));
    }
    const missing = await rejection(submit(v, { body: { lines: [good] } }));
    expect(missing.issues.map((i) => i.path)).toEqual(["baseRevision"]);
    const tooMany = await rejection(submit(v, { body: { baseRevision: null, lines: Array.from({ length: 20_001 }, (_, i) => ({ sku: `S${i}`, sold: 0, returned: 0, onHand: 0 })) } }));
    expect(tooMany.issues[0]).toMatchObject({ path: "lines" });
    expect(await counts(d.id)).toEqual({ subs: 0, revs: 0, lines: 0 });
  });

  it("replays an idempotent request, refuses the key with another body, and stores once", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 3, returned: 1, onHand: 4 }] };
    const first = await submit(v, { body, idempotencyKey: "key-1" });
    const again = await submit(v, { body: structuredClone(body), idempotencyKey: "key-1", now: THREE_DAYS_LATE });
    const { replayed: r1, ...firstBody } = first;
    const { replayed: r2, ...againBody } = again;
    expect([r1, r2]).toEqual([false, true]);
    expect(againBody).toEqual(firstBody);
    expect(await counts(d.id)).toEqual({ subs: 1, revs: 1, lines: 1 });

    const other = await rejection(submit(v, { body: { ...body, lines: [{ ...body.lines[0]!, sold: 4 }] }, idempotencyKey: "key-1" }));
    expect([other.code, other.status]).toEqual(["idempotency_mismatch", 422]);
    const otherPeriod = await rejection(submit(v, { period: "2026-09", body, idempotencyKey: "key-1" }));
    expect(otherPeriod.code).toBe("idempotency_mismatch");
    expect(await counts(d.id)).toEqual({ subs: 1, revs: 1, lines: 1 });

    // Keys are per user: a colleague's identical key is a different request (here: a stale base).
    const colleague = await makeViewer(tdb.db, "distributor", d);
    expect((await rejection(submit(colleague, { body, idempotencyKey: "key-1" }))).code).toBe("conflict");
  });

  it("stores exactly one revision when the same key is sent 5 times at once", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 3, returned: 0, onHand: 4 }] };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => submit(v, { body, idempotencyKey: "double-click" })));
    const ok = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ submissionId: string; revision: number }>).value);
    const failed = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as AppError);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => `${r.submissionId}/${r.revision}`)).size).toBe(1);
    for (const e of failed) expect(e.code).toBe("conflict"); // still in flight
    expect(await counts(d.id)).toEqual({ subs: 1, revs: 1, lines: 1 });
    console.log(`[${databaseLabel}] 5 parallel submissions, one key: ${ok.length} answered 201 with revision 1, ${failed.length} answered 409 in flight`);
  });

  it("with onInFlight \"wait\", answers every click of a double click with the one revision", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 3, returned: 0, onHand: 4 }] };
    const results = await Promise.all(Array.from({ length: 3 }, () =>
      submit(v, { source: "portal", body, idempotencyKey: "form-render-1", onInFlight: "wait" })));
    expect(new Set(results.map((r) => `${r.submissionId}/${r.revision}/${r.submittedAt}`)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await counts(d.id)).toEqual({ subs: 1, revs: 1, lines: 1 });
  });

  it("lets only one of two colleagues submitting at once win; the other gets 409", async () => {
    const { d, v } = await tenant();
    const colleague = await makeViewer(tdb.db, "distributor", d);
    const p = await makeProduct(tdb.db);
    const results = await Promise.allSettled([v, colleague].map((who, i) =>
      submit(who, { body: { baseRevision: null, lines: [{ sku: p.sku, sold: i, returned: 0, onHand: 1 }] }, idempotencyKey: `k-${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as AppError).code).toBe("conflict");
    expect((lost.reason as AppError).details).toMatchObject({ latestRevision: 1 });
    expect(await counts(d.id)).toEqual({ subs: 1, revs: 1, lines: 1 });
  });

  it("refuses closed and future periods with 409, untracked ones with 404, staff with 403", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 1, returned: 0, onHand: 1 }] };
    await tdb.db.insert(t.periods).values({ period: "2026-08-01", dueAt: new Date("2026-09-10T23:59:59Z"), closedAt: new Date("2026-10-01T00:00:00Z") })
      .onConflictDoUpdate({ target: t.periods.period, set: { closedAt: new Date("2026-10-01T00:00:00Z") } });
    const closed = await rejection(submit(v, { period: "2026-08", body }));
    expect([closed.code, closed.message]).toEqual(["conflict", "Period 2026-08 is closed; ask your channel manager for an adjustment"]);
    const future = await rejection(submit(v, { period: "2026-11", body }));
    expect(future.code).toBe("conflict");
    expect(future.message).toMatch(/2026-11 has not ended yet/);
    expect((await rejection(submit(v, { period: "2019-01", body }))).code).toBe("not_found");
    expect((await rejection(submit(v, { period: "2026-13", body }))).issues).toEqual([{ path: "period", message: expect.any(String) }]);
    for (const role of ["channel_manager", "admin"] as const) {
      expect((await rejection(submit(await makeViewer(tdb.db, role), { body }))).code).toBe("forbidden");
    }
    expect(await counts(d.id)).toEqual({ subs: 0, revs: 0, lines: 0 });
    const view = await getSubmissionView(tdb.db, v, { period: "2026-08" }, ON_TIME);
    expect(view).toMatchObject({ closed: true, state: "closed" });
    expect((await rejection(getSubmissionView(tdb.db, v, { period: "2026-11" }, ON_TIME))).code).toBe("not_found");
  });

  it("marks a submission that leaves out a SKU with stock incomplete, and deletes the draft", async () => {
    const { d, v } = await tenant();
    const a = await makeProduct(tdb.db);
    const b = await makeProduct(tdb.db);
    await sellIn(d.id, a.id, "2026-10", 10);
    await sellIn(d.id, b.id, "2026-10", 10);
    await saveDraft(tdb.db, v, { period: "2026-10", version: 0, cells: { [a.sku]: { sold: 4 } } }, ON_TIME);
    expect(await getDraft(tdb.db, v, { period: "2026-10" })).not.toBeNull();
    await submit(v, { body: { baseRevision: null, lines: [{ sku: a.sku, sold: 4, returned: 0, onHand: 6 }] } });
    expect(await getDraft(tdb.db, v, { period: "2026-10" })).toBeNull();
    const view = await getSubmissionView(tdb.db, v, { period: "2026-10" }, ON_TIME);
    expect(view).toMatchObject({ status: "incomplete", missingSkus: 1 });
    expect(view.lines.find((l) => l.sku === b.sku)).toMatchObject({ inRevision: false, required: true, sold: 0, onHand: 0 });
    await submit(v, { body: { baseRevision: 1, lines: [{ sku: a.sku, sold: 4, returned: 0, onHand: 6 }, { sku: b.sku, sold: 0, returned: 0, onHand: 10 }] } });
    expect(await getSubmissionView(tdb.db, v, { period: "2026-10" }, ON_TIME)).toMatchObject({ status: "on_time", missingSkus: 0, revision: 2 });
  });

  it("keeps an upload of the same distributor and period with the revision, and refuses anyone else's", async () => {
    const { d, v } = await tenant();
    const other = await tenant();
    const p = await makeProduct(tdb.db);
    const upload = async (distributorId: number, period: string, createdBy: string) =>
      (await tdb.db.insert(t.uploads).values({ distributorId, period, format: "csv", kind: "pos_lines", bytes: 10, rowsRead: 1, rowsAccepted: 1, result: {}, createdBy }).returning())[0]!;
    const mine = await upload(d.id, "2026-10-01", v.userId);
    const theirs = await upload(other.d.id, "2026-10-01", other.v.userId);
    const wrongPeriod = await upload(d.id, "2026-09-01", v.userId);
    const line = { sku: p.sku, sold: 1, returned: 0, onHand: 1 };
    for (const u of [theirs, wrongPeriod]) {
      const e = await rejection(submit(v, { body: { baseRevision: null, uploadId: u.id, lines: [line] } }));
      expect(e.issues).toEqual([{ path: "uploadId", message: expect.stringContaining("No upload") }]);
    }
    await submit(v, { source: "upload", body: { baseRevision: null, uploadId: mine.id, lines: [line] } });
    const [rev] = await tdb.db.select().from(t.submissionRevisions).where(sql`${t.submissionRevisions.uploadId} = ${mine.id}`);
    expect(rev).toMatchObject({ source: "upload", revision: 1 });
  });

  it("stores 2,000 lines in one revision quickly", async () => {
    const { d, v } = await tenant();
    const prods = await tdb.db
      .insert(t.products)
      .values(Array.from({ length: 2000 }, (_, i) => ({ sku: `BULK-${d.code}-${String(i).padStart(4, "0")}`, description: `Bulk ${i}`, family: "Bulk", listPrice: "1.00" })))
      .returning({ id: t.products.id, sku: t.products.sku });
    await tdb.db.insert(t.movements).values(prods.flatMap((p, i) => [
      { distributorId: d.id, productId: p.id, period: "2026-09-01", type: "sell_in" as const, quantity: 100 + i },
      { distributorId: d.id, productId: p.id, period: "2026-10-01", type: "sell_in" as const, quantity: 50 },
    ]));
    const lines = (sold: number) => prods.map((p, i) => ({ sku: p.sku, sold: sold + (i % 7), returned: i % 3, onHand: 40 + (i % 11) }));
    await submit(v, { period: "2026-09", now: new Date("2026-10-05T00:00:00Z"), body: { baseRevision: null, lines: lines(60) } });

    const t0 = performance.now();
    const first = await submit(v, { body: { baseRevision: null, lines: lines(70) }, idempotencyKey: "bulk-1" });
    const t1 = performance.now();
    const second = await submit(v, { body: { baseRevision: 1, lines: lines(71) }, idempotencyKey: "bulk-2" });
    const t2 = performance.now();
    const view = await getSubmissionView(tdb.db, v, { period: "2026-10" }, ON_TIME);
    const t3 = performance.now();
    console.log(
      `[${databaseLabel}] 2,000-line submission: first ${(t1 - t0).toFixed(0)} ms, resubmission ${(t2 - t1).toFixed(0)} ms; ` +
        `view of 2,000 lines ${(t3 - t2).toFixed(0)} ms`,
    );
    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect(view.lines).toHaveLength(2000);
    expect(await counts(d.id)).toMatchObject({ revs: 3, lines: 6000 });
    const row = await ledgerRow(d.id, prods[0]!.id, "2026-10");
    // 2026-09: 100 in, 60 sold → 40; 2026-10: +50 in, 71 sold → 19; reported 40.
    expect(row).toMatchObject({ opening: 40, sell_in: 50, sell_through: 71, calculated: 19, reported: 40 });
  });
});

describe("the shared submission schema's helpers", () => {
  it("reads grid input with thousands separators and keeps non-integers for the schema to name", async () => {
    const { parseUnitsText } = await import("@/lib/validation/submission");
    const cases: [string, number | null][] = [
      ["1234", 1234], ["1,234", 1234], ["1.234", 1234], ["1 234", 1234], ["1\u00a0234", 1234], ["12,345,678", 12345678],
      ["1'234", 1234], ["-5", -5], ["\u22123", -3], ["2.5", 2.5], ["1,5", 1.5], ["12a", null], ["", null],
    ];
    for (const [text, want] of cases) expect(parseUnitsText(text), text).toBe(want);
  });
});
