import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { databaseLabel, suiteDatabase } from "@/lib/testing/suite-db";
import { rejection } from "@/lib/testing/rejection";
import { addMovement, makeProduct, makeTenant, makeViewer } from "@/lib/testing/fixtures";
import * as t from "@/db/schema";
import { asRows } from "@/db/sql-rows";
import { refreshLedger } from "../ledger/refresh-ledger";
import { submitPeriod } from "./submit-period";
import { previewSubmission } from "./preview-submission";
import { getSubmissionView } from "./get-submission-view";
import { getRevision } from "./get-revision";
import { listRevisions } from "./list-revisions";
import { getSettings } from "../settings/get-settings";
import { getGapDetail } from "../gaps/gap-detail";
import { updateSettings } from "../settings/update-settings";
import { getException } from "../exceptions/get-exception";

const tdb = suiteDatabase();

/** 2026-10 is due 2026-11-10 (settings default); this is on time. */
const ON_TIME = new Date("2026-11-05T12:00:00Z");

const tenant = () => makeTenant(tdb.db);

async function sellIn(distributorId: number, productId: number, period: string, quantity: number) {
  await addMovement(tdb.db, { distributorId, productId, period, type: "sell_in", quantity });
  await refreshLedger(tdb.db, { distributorIds: [distributorId], productIds: [productId] }, "2026-10-01");
}

/** Rows in every table of the public schema: a dry run must not change one. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = asRows<{ name: string }>(
    await tdb.db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`),
  ).map((r) => r.name);
  const out: Record<string, number> = {};
  for (const name of tables) {
    const [row] = asRows<{ n: number }>(await tdb.db.execute(sql.raw(`select count(*)::int as n from "${name}"`)));
    out[name] = Number(row!.n);
  }
  return out;
}

describe(`the submission check (${databaseLabel})`, () => {
  it("dry run: flags the worked example out of tolerance with its quality, and writes no row anywhere", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    await sellIn(d.id, p.id, "2026-10", 1000);
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 700, returned: 0, onHand: 240 }] };
    await getSettings(tdb.db); // the settings row exists in every real database (the seed writes it)
    const before = await tableCounts();
    const r = await previewSubmission(tdb.db, v, { period: "2026-10", body, now: ON_TIME });
    expect(await tableCounts()).toEqual(before);
    expect(r.flags).toEqual([
      {
        sku: p.sku,
        kind: "out_of_tolerance",
        message: "On hand 240, but by our books you should have 300 (opening 0 + received 1,000 − sold 700): gap 60 (20 %); the limit is 50 units or 10 %",
      },
    ]);
    expect(r.quality).toEqual({ score: 75, parts: { completeness: 100, plausibility: 100, agreement: 0, freshness: 100 } });
  });

  it("stores flags, confirmations and the quality score with the revision, and reads them back", async () => {
    const { d, v } = await tenant();
    const a = await makeProduct(tdb.db);
    const b = await makeProduct(tdb.db);
    const c = await makeProduct(tdb.db);
    await sellIn(d.id, a.id, "2026-10", 1000);
    await sellIn(d.id, b.id, "2026-10", 105);
    await sellIn(d.id, c.id, "2026-10", 50);
    const lines = [
      { sku: a.sku, sold: 700, returned: 0, onHand: 240, confirm: { reason: "physical_count", note: "Counted twice" } },
      { sku: b.sku, sold: 6078, returned: 0, onHand: 0 },
      { sku: c.sku, sold: 10, returned: 0, onHand: 40 },
    ];
    const r = await submitPeriod(tdb.db, v, { period: "2026-10", source: "api", now: ON_TIME, idempotencyKey: randomUUID(), body: { baseRevision: null, lines } });
    expect(r.flags.map((f) => [f.sku, f.kind])).toEqual([
      [a.sku, "out_of_tolerance"],
      [b.sku, "impossible"],
      [b.sku, "out_of_tolerance"],
    ]);
    expect(r.flags[1]!.message).toBe("Sold 6,078 but only 105 were available (opening 0 + received 105)");
    // agreement 1 of 3, plausibility 2 of 3
    expect(r.quality).toEqual({ score: 75, parts: { completeness: 100, plausibility: 67, agreement: 33, freshness: 100 } });

    const [rev] = await tdb.db.select().from(t.submissionRevisions).where(sql`submission_id = ${r.submissionId}::uuid`);
    expect(rev).toMatchObject({ qualityScore: 75, qualityParts: r.quality.parts });

    const view = await getSubmissionView(tdb.db, v, { period: "2026-10" }, ON_TIME);
    expect(view.quality).toEqual(r.quality);
    const line = (sku: string) => view.lines.find((l) => l.sku === sku)!;
    expect(line(a.sku)).toMatchObject({ flags: [{ kind: "out_of_tolerance" }], confirm: { reason: "physical_count", note: "Counted twice" } });
    expect(line(b.sku).flags.map((f) => f.kind)).toEqual(["impossible", "out_of_tolerance"]);
    expect(line(c.sku)).toMatchObject({ flags: [], confirm: null });

    const detail = await getRevision(tdb.db, v, { period: "2026-10", revision: 1 });
    expect(detail.quality).toEqual(r.quality);
    expect(detail.lines.find((l) => l.sku === a.sku)!.confirm).toEqual({ reason: "physical_count", note: "Counted twice" });
    expect((await listRevisions(tdb.db, v, { period: "2026-10" }))[0]!.quality).toEqual(r.quality);
    // Staff see the reason on the gap row's drill-down.
    const staff = await makeViewer(tdb.db, "channel_manager");
    const gap = await getGapDetail(tdb.db, staff, { distributor: d.code, sku: a.sku, period: "2026-10" });
    expect(gap.revisions[0]).toMatchObject({ quality: 75, confirm: { reason: "physical_count", note: "Counted twice" }, flags: [{ kind: "out_of_tolerance" }] });
    // …and in the exception the submission opened for that row.
    const [opened] = asRows<{ id: string }>(
      await tdb.db.execute(sql`select id from exceptions where distributor_id = ${d.id} and product_id = ${a.id} and period = '2026-10-01'`),
    );
    const exception = await getException(tdb.db, staff, opened!.id);
    expect(exception.reportedLine).toEqual({ revision: 1, flags: [expect.objectContaining({ kind: "out_of_tolerance" })], confirm: { reason: "physical_count", note: "Counted twice" } });
  });

  it("judges outliers and stale prefills against the distributor's own earlier periods", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    const periods = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"];
    for (const [i, period] of periods.entries()) {
      await sellIn(d.id, p.id, period, 100);
      await submitPeriod(tdb.db, v, {
        period, source: "api", now: ON_TIME,
        body: { baseRevision: null, lines: [{ sku: p.sku, sold: 100, returned: 0, onHand: 50 + i * 0 }] },
      });
    }
    await sellIn(d.id, p.id, "2026-10", 600);
    // On hand left at 50 although 600 came in and 500 were sold; 500 is 5× the usual 100.
    const r = await previewSubmission(tdb.db, v, { period: "2026-10", now: ON_TIME, body: { baseRevision: null, lines: [{ sku: p.sku, sold: 500, returned: 0, onHand: 50 }] } });
    expect(r.flags.map((f) => f.kind).sort()).toEqual(["out_of_tolerance", "outlier", "stale_prefill"]);
    expect(r.flags.find((f) => f.kind === "outlier")!.message).toBe("Sold 500, against your usual 100 a period (median of the last 6 periods)");
    expect(r.flags.find((f) => f.kind === "stale_prefill")!.message).toBe("On hand is still last period’s 50 although 600 came in and 500 were sold");
  });

  it("flags SKUs an applied upload did not mention, and counts SKUs with stock left out in completeness", async () => {
    const { d, v } = await tenant();
    const a = await makeProduct(tdb.db);
    const b = await makeProduct(tdb.db);
    await sellIn(d.id, a.id, "2026-10", 10);
    await sellIn(d.id, b.id, "2026-10", 10);
    const uploadId = randomUUID();
    await tdb.db.insert(t.uploads).values({
      id: uploadId, distributorId: d.id, period: "2026-10-01", fileName: "pos.csv", format: "csv", kind: "summary", bytes: 10,
      rowsRead: 1, rowsAccepted: 1, result: { lines: [{ sku: a.sku.toLowerCase(), sold: 5 }] }, createdBy: v.userId,
    });
    const r = await previewSubmission(tdb.db, v, {
      period: "2026-10", now: ON_TIME,
      body: { baseRevision: null, uploadId, lines: [{ sku: a.sku, sold: 5, returned: 0, onHand: 5 }] },
    });
    expect(r.flags).toEqual([]);
    expect(r.quality.parts.completeness).toBe(50);
    const both = await previewSubmission(tdb.db, v, {
      period: "2026-10", now: ON_TIME,
      body: { baseRevision: null, uploadId, lines: [{ sku: a.sku, sold: 5, returned: 0, onHand: 5 }, { sku: b.sku, sold: 0, returned: 0, onHand: 10 }] },
    });
    expect(both.flags).toEqual([{ sku: b.sku, kind: "not_in_file", message: "Not in the file you uploaded: check that 0 sold and 10 on hand are right" }]);
    expect(both.quality.parts).toEqual({ completeness: 100, plausibility: 100, agreement: 100, freshness: 50 });
  });

  it("the limits are the admin's settings: the worked example within wider ones is not flagged; absent fields stay as they were", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    await sellIn(d.id, p.id, "2026-10", 1000);
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 700, returned: 0, onHand: 240 }] };
    const kinds = async () => (await previewSubmission(tdb.db, v, { period: "2026-10", body, now: ON_TIME })).flags.map((f) => f.kind);
    expect(await kinds()).toEqual(["out_of_tolerance"]);
    const admin = await makeViewer(tdb.db, "admin");
    const s = await getSettings(tdb.db);
    const base = { dueDay: s.dueDay, timeZone: s.timeZone, graceDays: s.graceDays, reminderDaysBefore: s.reminderDaysBefore };
    try {
      // Gap 60 on 300 is 20 %: below 100 units and below 25 %, no longer a mismatch (either limit flags).
      const saved = await updateSettings(tdb.db, admin, { ...base, gapUnitsThreshold: 100, gapPctThreshold: "25", outlierFactor: 4, outlierMinUnits: "" });
      expect(saved).toMatchObject({ gapPctThreshold: 25, gapUnitsThreshold: 100, outlierFactor: 4, outlierMinUnits: s.outlierMinUnits });
      expect(await kinds()).toEqual([]);
      await expect(updateSettings(tdb.db, admin, { ...base, outlierFactor: 1 })).rejects.toMatchObject({ name: "ZodError" });
    } finally {
      await updateSettings(tdb.db, admin, { ...base, gapUnitsThreshold: s.gapUnitsThreshold, gapPctThreshold: s.gapPctThreshold, outlierFactor: s.outlierFactor });
    }
  });

  it("is for distributors only, validates like a submission, and refuses an unknown confirmation reason", async () => {
    const { d, v } = await tenant();
    const p = await makeProduct(tdb.db);
    const staff = await makeViewer(tdb.db, "channel_manager");
    const body = { baseRevision: null, lines: [{ sku: p.sku, sold: 0, returned: 0, onHand: 0 }] };
    expect((await rejection(previewSubmission(tdb.db, staff, { period: "2026-10", body, now: ON_TIME }))).code).toBe("forbidden");
    const bad = await rejection(
      previewSubmission(tdb.db, v, { period: "2026-10", now: ON_TIME, body: { ...body, lines: [{ ...body.lines[0], confirm: { reason: "because" } }] } }),
    );
    expect(bad.code).toBe("validation_failed");
    expect(bad.issues[0]!.path).toBe("lines.0.confirm.reason");
    expect((await rejection(previewSubmission(tdb.db, v, { period: "2099-01", body, now: ON_TIME }))).code).toMatch(/conflict|not_found/);
    void d;
  });
});
