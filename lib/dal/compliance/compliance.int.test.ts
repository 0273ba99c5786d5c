import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { databaseLabel, suiteDatabase } from "@/lib/testing/suite-db";
import { rejection } from "@/lib/testing/rejection";
import { addMovement, makeDistributor, makeProduct, makeViewer, makeViewers } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { refreshLedger } from "../ledger/refresh-ledger";
import { submitPeriod } from "../submissions/submit-period";
import { closePeriod, reopenPeriod } from "../periods/close-period";
import { complianceApiRows, listCompliance } from "./list-compliance";
import { asRows } from "@/db/sql-rows";

const tdb = suiteDatabase();
let staff: Viewer, manager: Viewer;
beforeAll(async () => {
  [staff, manager] = await makeViewers(tdb.db, "rebate_analyst", "channel_manager");
});

/** Deadlines: 2026-09 due 2026-10-10 23:59:59 UTC, 2026-10 due 2026-11-10 23:59:59 UTC (default settings). */
const NOW = new Date("2026-11-20T12:00:00Z");
const DUE_OCT = new Date("2026-11-10T23:59:59Z");

async function tenant() {
  const d = await makeDistributor(tdb.db);
  const v = await makeViewer(tdb.db, "distributor", d);
  const a = await makeProduct(tdb.db);
  const b = await makeProduct(tdb.db);
  for (const p of ["2026-09", "2026-10"]) {
    await addMovement(tdb.db, { distributorId: d.id, productId: a.id, period: p, type: "sell_in", quantity: 100 });
    await addMovement(tdb.db, { distributorId: d.id, productId: b.id, period: p, type: "sell_in", quantity: 50 });
  }
  await refreshLedger(tdb.db, { distributorIds: [d.id] }, "2026-10-01");
  return { d, v, a, b };
}

const lines = (a: { sku: string }, b?: { sku: string }) => [
  { sku: a.sku, sold: 10, returned: 0, onHand: 90 },
  ...(b ? [{ sku: b.sku, sold: 5, returned: 0, onHand: 45 }] : []),
];

async function cells(code: string, now = NOW) {
  const board = await listCompliance(tdb.db, staff, { from: "2026-09", to: "2026-10", distributor: code }, now);
  return Object.fromEntries(board.rows[0]!.cells.map((c) => [c.period, c]));
}

describe(`compliance board (${databaseLabel})`, () => {
  it("on time at 23:59:59 on the due day, late one second later, resubmission keeps the first timeliness", async () => {
    const onTime = await tenant();
    const late = await tenant();
    await submitPeriod(tdb.db, onTime.v, { period: "2026-10", source: "api", now: DUE_OCT, body: { baseRevision: null, lines: lines(onTime.a, onTime.b) } });
    await submitPeriod(tdb.db, late.v, { period: "2026-10", source: "api", now: new Date(DUE_OCT.getTime() + 1000), body: { baseRevision: null, lines: lines(late.a, late.b) } });
    expect((await cells(onTime.d.code))["2026-10"]).toMatchObject({ status: "on_time", daysLate: 0, submittedAt: DUE_OCT.toISOString() });
    expect((await cells(late.d.code))["2026-10"]).toMatchObject({ status: "late", daysLate: 1 });

    // A late correction of the on-time partner does not make it late; a fix by the late partner does not make it on time.
    await submitPeriod(tdb.db, onTime.v, { period: "2026-10", source: "api", now: new Date("2026-11-18T00:00:00Z"), body: { baseRevision: 1, lines: lines(onTime.a, onTime.b) } });
    const c = (await cells(onTime.d.code))["2026-10"]!;
    expect(c).toMatchObject({ status: "on_time", daysLate: 0, revisions: 2, submittedAt: DUE_OCT.toISOString() });
    expect(c.quality).toEqual(expect.any(Number)); // the latest revision's data-quality score
  });

  it("missing after the deadline, pending before it, incomplete with the count of left-out SKUs", async () => {
    const t = await tenant();
    await submitPeriod(tdb.db, t.v, { period: "2026-09", source: "api", now: new Date("2026-10-05T00:00:00Z"), body: { baseRevision: null, lines: lines(t.a) } });
    const now = await cells(t.d.code);
    expect(now["2026-09"]).toMatchObject({ status: "incomplete", missingSkus: 1, daysLate: 0 });
    expect(now["2026-10"]).toMatchObject({ status: "missing", submittedAt: null, daysLate: null });
    expect((await cells(t.d.code, DUE_OCT))["2026-10"]!.status).toBe("pending");
    expect((await cells(t.d.code, new Date(DUE_OCT.getTime() + 1000)))["2026-10"]!.status).toBe("missing");

    const board = await listCompliance(tdb.db, staff, { from: "2026-09", to: "2026-10", distributor: t.d.code }, NOW);
    expect(board.rows[0]).toMatchObject({ duePeriods: 2, onTime: 1, missing: 1, incomplete: 1, timelinessRate: 0.5, avgDaysLate: 0 });
    expect(complianceApiRows(board)).toEqual([
      expect.objectContaining({ distributor: t.d.code, period: "2026-09", status: "incomplete", daysLate: 0 }),
      expect.objectContaining({ distributor: t.d.code, period: "2026-10", status: "missing", submittedAt: null, daysLate: null }),
    ]);
  });

  it("a distributor sees only itself; naming another is a 404; staff see everyone", async () => {
    const mine = await tenant();
    const other = await tenant();
    const board = await listCompliance(tdb.db, mine.v, {}, NOW);
    expect(board.rows.map((r) => r.distributor)).toEqual([mine.d.code]);
    expect((await rejection(listCompliance(tdb.db, mine.v, { distributor: other.d.code }, NOW))).status).toBe(404);
    const all = await listCompliance(tdb.db, staff, {}, NOW);
    expect(all.rows.map((r) => r.distributor)).toEqual(expect.arrayContaining([mine.d.code, other.d.code]));
    expect(all.periods).toHaveLength(12);
    expect(all.to).toBe("2026-10");
  });

  it("is one statement over distributors × periods, fast enough for a wide board", async () => {
    const started = Date.now();
    await listCompliance(tdb.db, staff, { from: "2022-11", to: "2026-10" }, NOW);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe(`closing and reopening a period (${databaseLabel})`, () => {
  it("a closed period refuses submissions with a 409 that says so; reopening lets them in; both audited", async () => {
    const t = await tenant();
    const closed = await closePeriod(tdb.db, manager, "2026-09", NOW);
    expect(closed).toMatchObject({ period: "2026-09", state: "closed", closedBy: manager.email });
    const e = await rejection(
      submitPeriod(tdb.db, t.v, { period: "2026-09", source: "api", now: NOW, body: { baseRevision: null, lines: lines(t.a, t.b) } }),
    );
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/closed/);
    expect((await rejection(closePeriod(tdb.db, manager, "2026-09", NOW))).status).toBe(409);

    const board = await listCompliance(tdb.db, staff, { from: "2026-09", to: "2026-10" }, NOW);
    expect(board.periods.find((p) => p.period === "2026-09")).toMatchObject({ closed: true });

    expect(await reopenPeriod(tdb.db, manager, "2026-09")).toMatchObject({ state: "open" });
    expect((await rejection(reopenPeriod(tdb.db, manager, "2026-09"))).status).toBe(409);
    const ok = await submitPeriod(tdb.db, t.v, { period: "2026-09", source: "api", now: NOW, body: { baseRevision: null, lines: lines(t.a, t.b) } });
    expect(ok.revision).toBe(1);

    const audit = asRows<{ action: string; subject: string }>(
      await tdb.db.execute(sql`select action, subject from audit_log where action in ('period.close', 'period.reopen') order by id`),
    );
    expect(audit).toEqual([
      { action: "period.close", subject: "2026-09" },
      { action: "period.reopen", subject: "2026-09" },
    ]);
  });

  it("only channel managers and admins close; a period that has not ended cannot be closed", async () => {
    const t = await tenant();
    expect((await rejection(closePeriod(tdb.db, staff, "2026-08", NOW))).status).toBe(403);
    expect((await rejection(closePeriod(tdb.db, t.v, "2026-08", NOW))).status).toBe(403);
    expect((await rejection(closePeriod(tdb.db, manager, "2026-11", NOW))).status).toBe(409);
    expect((await rejection(closePeriod(tdb.db, manager, "2026-13", NOW))).status).toBe(400);
  });
});
