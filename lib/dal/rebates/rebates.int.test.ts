import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { databaseLabel, suiteDatabase } from "@/lib/testing/suite-db";
import { addMovement, makeDistributor, makeProduct, makeViewer, makeViewers } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { refreshLedger } from "../ledger/refresh-ledger";
import { submitPeriod } from "../submissions/submit-period";
import { asRows } from "@/db/sql-rows";
import { createProgram, updateProgram } from "./save-program";
import { eligibilityApiRows, getEligibility } from "./get-eligibility";
import { freezeResults } from "./freeze-results";
import { getRebateStanding, listStanding } from "./get-rebate-standing";
import { eligibilityCsv } from "@/lib/http/eligibility-csv";
import { createFormatter } from "@/lib/format/formatter";

const tdb = suiteDatabase();
let analyst: Viewer, manager: Viewer;
beforeAll(async () => {
  [analyst, manager] = await makeViewers(tdb.db, "rebate_analyst", "channel_manager");
});

/** A programme over 2026-08 and 2026-09 (due 2026-09-10 and 2026-10-10, 23:59:59 UTC); "now" is after both. */
const NOW = new Date("2026-11-20T12:00:00Z");
const ON_TIME = { "2026-08": new Date("2026-09-05T00:00:00Z"), "2026-09": new Date("2026-10-05T00:00:00Z") } as const;

async function partner(opts: { late?: boolean; leaveOut?: boolean; onHandOff?: number } = {}) {
  const d = await makeDistributor(tdb.db);
  const v = await makeViewer(tdb.db, "distributor", d);
  const a = await makeProduct(tdb.db, undefined, "10.5000");
  const b = await makeProduct(tdb.db, undefined, "2.2500");
  for (const period of ["2026-08", "2026-09"]) {
    await addMovement(tdb.db, { distributorId: d.id, productId: a.id, period, type: "sell_in", quantity: 100 });
    await addMovement(tdb.db, { distributorId: d.id, productId: b.id, period, type: "sell_in", quantity: 40 });
  }
  await refreshLedger(tdb.db, { distributorIds: [d.id] }, "2026-10-01");
  // Each period: a sells 60 of 100, b 20 of 40; on hand = calculated (+ an offset making it inaccurate).
  const onHand = { "2026-08": { a: 40, b: 20 }, "2026-09": { a: 80, b: 40 } } as const;
  for (const period of ["2026-08", "2026-09"] as const) {
    const at = opts.late && period === "2026-09" ? new Date("2026-10-13T12:00:00Z") : ON_TIME[period];
    const lines = [
      { sku: a.sku, sold: 60, returned: 0, onHand: onHand[period].a + (opts.onHandOff ?? 0) },
      ...(opts.leaveOut && period === "2026-08" ? [] : [{ sku: b.sku, sold: 20, returned: 0, onHand: onHand[period].b + (opts.leaveOut ? 20 : 0) }]),
    ];
    await submitPeriod(tdb.db, v, { period, source: "api", now: at, body: { baseRevision: null, lines } });
  }
  return { d, v, a, b };
}

const programInput = { name: "Q3 test", fromPeriod: "2026-08", toPeriod: "2026-09", graceDays: 0, lateAllowed: 0, minCompletenessPct: 95, maxAccuracyPct: 2, ratePct: 1.5 };

describe(`rebate eligibility (${databaseLabel})`, () => {
  it("passes and fails per rule with reasons a partner can read, and computes money exactly", async () => {
    const good = await partner();
    const late = await partner({ late: true });
    const incomplete = await partner({ leaveOut: true });
    const inaccurate = await partner({ onHandOff: 10 });
    const p = await createProgram(tdb.db, analyst, programInput);
    const e = await getEligibility(tdb.db, analyst, p.id, NOW);
    expect(e.complete).toBe(true);
    const row = (code: string) => e.rows.find((r) => r.distributor === code)!;

    // 2 periods × (60 × 10.50 + 20 × 2.25) = 2 × 675.00 = 1,350.00; 1.5 % = 20.25
    expect(row(good.d.code)).toMatchObject({ eligible: true, amount: "20.25", reasons: [], frozen: false, accuracyPct: 0, completenessPct: 100 });
    expect(row(good.d.code).sellThroughValue).toBe("1350.0000");
    expect(row(late.d.code)).toMatchObject({ eligible: false, amount: "0.00", reasons: ["2026-09 submitted 3 days late"], potentialAmount: "20.25" });
    expect(row(incomplete.d.code).eligible).toBe(false);
    expect(row(incomplete.d.code).reasons).toEqual(["2026-08 completeness 50.0 % below 95 % (1 of 2 SKUs with stock or sell-in reported)"]);
    // a reported 10 over calculated in both periods: |Σ gap| 20 of Σ calculated 40 + 20 + 80 + 40 = 180 → 11.1 %
    const acc = row(inaccurate.d.code);
    expect(acc.eligible).toBe(false);
    expect(acc.reasons).toEqual(["error 11.1 %, above the limit of 2 % (|Σ gap| 20 of 180 calculated units)"]);

    // The API shape
    expect(eligibilityApiRows(e).find((r) => r.distributor === late.d.code)).toMatchObject({
      distributor: late.d.code, eligible: false, amount: "0.00", reasons: ["2026-09 submitted 3 days late"], frozen: false,
    });
    // CSV is formula-safe and has a row per distributor
    const csv = eligibilityCsv(e);
    expect(csv.split("\r\n")[0]).toMatch(/^programme,from,to,distributor,name,eligible,amount,reasons/);
    expect(csv).toContain("2026-09 submitted 3 days late");
  });

  it("a quality rule reads each period's latest revision score; without one, inputs carry no scores", async () => {
    const good = await partner();
    const inaccurate = await partner({ onHandOff: 10 });
    const scores = asRows<{ period: string; score: number }>(
      await tdb.db.execute(sql`select to_char(s.period, 'YYYY-MM') as period, r.quality_score as score from submissions s
        join submission_revisions r on r.id = s.latest_revision_id where s.distributor_id = ${inaccurate.d.id} order by 1`),
    );
    expect(scores.map((r) => Number(r.score)).every((n) => n < 90)).toBe(true);
    const p = await createProgram(tdb.db, analyst, { ...programInput, name: "quality", minQualityScore: 90 });
    expect(p.rules.minQualityScore).toBe(90);
    const e = await getEligibility(tdb.db, analyst, p.id, NOW);
    const row = (code: string) => e.rows.find((r) => r.distributor === code)!;
    expect(row(good.d.code).eligible).toBe(true);
    expect(row(inaccurate.d.code).reasons).toEqual(
      expect.arrayContaining(scores.map((r) => `${r.period} quality ${Number(r.score)} below 90`)),
    );
    // An empty field is no rule.
    const off = await updateProgram(tdb.db, analyst, p.id, { ...programInput, name: "quality", minQualityScore: "" });
    expect(off.rules.minQualityScore).toBeUndefined();
    const e2 = await getEligibility(tdb.db, analyst, p.id, NOW);
    expect(e2.rows.find((r) => r.distributor === inaccurate.d.code)!.reasons.some((x) => x.includes("quality"))).toBe(false);
  });

  it("grace days and late periods allowed are applied", async () => {
    const late = await partner({ late: true });
    const p = await createProgram(tdb.db, analyst, { ...programInput, name: "lenient", lateAllowed: 1 });
    const row = (await getEligibility(tdb.db, analyst, p.id, NOW)).rows.find((r) => r.distributor === late.d.code)!;
    expect(row.eligible).toBe(true);
    const p2 = await createProgram(tdb.db, analyst, { ...programInput, name: "grace", graceDays: 3 });
    const row2 = (await getEligibility(tdb.db, analyst, p2.id, NOW)).rows.find((r) => r.distributor === late.d.code)!;
    expect(row2.eligible).toBe(true);
  });

  it("a distributor sees only its own row; staff roles are checked per verb", async () => {
    const mine = await partner();
    await partner();
    const p = await createProgram(tdb.db, analyst, { ...programInput, name: "scoped" });
    const e = await getEligibility(tdb.db, mine.v, p.id, NOW);
    expect(e.rows.map((r) => r.distributor)).toEqual([mine.d.code]);
    await expect(createProgram(tdb.db, manager, programInput)).rejects.toMatchObject({ status: 403 });
    await expect(createProgram(tdb.db, mine.v, programInput)).rejects.toMatchObject({ status: 403 });
    await expect(freezeResults(tdb.db, manager, p.id, {}, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(getEligibility(tdb.db, mine.v, "00000000-0000-0000-0000-000000000000", NOW)).rejects.toMatchObject({ status: 404 });
    await expect(createProgram(tdb.db, analyst, { ...programInput, toPeriod: "2026-07" })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe(`freezing for payout (${databaseLabel})`, () => {
  it("a frozen result never changes; a later resubmission or rule edit only flags it 'changed since frozen'", async () => {
    const t = await partner();
    const other = await partner();
    const p = await createProgram(tdb.db, analyst, { ...programInput, name: "freeze me" });
    const f = await freezeResults(tdb.db, analyst, p.id, { distributors: [t.d.code] }, NOW);
    expect(f).toEqual({ frozen: [t.d.code], alreadyFrozen: [] });
    expect(await freezeResults(tdb.db, analyst, p.id, { distributors: [t.d.code] }, NOW)).toEqual({ frozen: [], alreadyFrozen: [t.d.code] });

    const frozenBefore = asRows(await tdb.db.execute(sql`select * from rebate_results where program_id = ${p.id}`));
    let row = (await getEligibility(tdb.db, analyst, p.id, NOW)).rows.find((r) => r.distributor === t.d.code)!;
    expect(row).toMatchObject({ frozen: true, frozenBy: analyst.email, changedSinceFrozen: false, eligible: true, amount: "20.25" });

    // The partner resubmits 2026-09 with a wrong count: live accuracy fails, the frozen result stays.
    await submitPeriod(tdb.db, t.v, {
      period: "2026-09", source: "api", now: NOW,
      body: { baseRevision: 1, lines: [{ sku: t.a.sku, sold: 60, returned: 0, onHand: 50 }, { sku: t.b.sku, sold: 20, returned: 0, onHand: 40 }] },
    });
    row = (await getEligibility(tdb.db, analyst, p.id, NOW)).rows.find((r) => r.distributor === t.d.code)!;
    expect(row).toMatchObject({ frozen: true, eligible: true, amount: "20.25", reasons: [], changedSinceFrozen: true });
    expect(row.current.eligible).toBe(false);
    expect(row.current.reasons[0]).toMatch(/^error /);
    expect(asRows(await tdb.db.execute(sql`select * from rebate_results where program_id = ${p.id}`))).toEqual(frozenBefore);

    // Editing the rules flags, never rewrites.
    await updateProgram(tdb.db, analyst, p.id, { ...programInput, name: "freeze me", ratePct: 3 });
    const all = await getEligibility(tdb.db, analyst, p.id, NOW);
    expect(all.rows.find((r) => r.distributor === t.d.code)).toMatchObject({ amount: "20.25", changedSinceFrozen: true });
    expect(all.rows.find((r) => r.distributor === other.d.code)).toMatchObject({ frozen: false, amount: "40.50" });
    expect(asRows(await tdb.db.execute(sql`select * from rebate_results where program_id = ${p.id}`))).toEqual(frozenBefore);

    const audit = asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from audit_log where action = 'rebate.freeze' and subject = ${p.id}`));
    expect(Number(audit[0]!.n)).toBe(1);
  });

  it("a running programme cannot be frozen", async () => {
    await partner();
    const p = await createProgram(tdb.db, analyst, { ...programInput, name: "running", toPeriod: "2026-12" });
    await expect(freezeResults(tdb.db, analyst, p.id, {}, NOW)).rejects.toMatchObject({ status: 409 });
  });
});

describe(`the distributor's standing (${databaseLabel})`, () => {
  it("one line for the submission screen, and what is left to do", async () => {
    const t = await partner();
    const now = new Date("2026-10-20T12:00:00Z");
    await createProgram(tdb.db, analyst, { ...programInput, name: "Standing Q", fromPeriod: "2026-09", toPeriod: "2026-11" });
    const line = await getRebateStanding(tdb.db, t.v, now);
    expect(line).toMatch(/\d of \d periods? on time/);
    const standing = await listStanding(tdb.db, t.v, now);
    const entry = standing.find((s) => s.program.name === "Standing Q")!;
    expect(entry.line).toMatch(/^Standing Q: 1 of 1 period on time, error 0\.0 % \(limit 2 %\) — on track \(est\. \$10\.13 so far\)$/);
    expect(entry.row!.todo).toContain("Submit 2026-10 with every SKU you stock or received by 2026-11-10");
    expect(await getRebateStanding(tdb.db, analyst, now)).toBeNull();
  });

  it("money in the programme's currency and the reader's locale", async () => {
    const t = await partner();
    const now = new Date("2026-10-20T12:00:00Z");
    const p = await createProgram(tdb.db, analyst, { ...programInput, name: "Euro Q", fromPeriod: "2026-09", toPeriod: "2026-11", currency: "EUR" });
    expect(p.currency).toBe("EUR");
    // An edit that leaves the currency out keeps it; a bad code is refused.
    expect((await updateProgram(tdb.db, analyst, p.id, { ...programInput, name: "Euro Q", fromPeriod: "2026-09", toPeriod: "2026-11" })).currency).toBe("EUR");
    await expect(createProgram(tdb.db, analyst, { ...programInput, currency: "eur" })).rejects.toThrow();
    await expect(createProgram(tdb.db, analyst, { ...programInput, currency: "XQQ" })).rejects.toThrow();
    const usd = await createProgram(tdb.db, analyst, { ...programInput, name: "Dollar Q" });
    expect(usd.currency).toBe("USD");
    const standing = await listStanding(tdb.db, t.v, now, createFormatter({ locale: "de-DE", timeZone: "Europe/Berlin" }));
    const entry = standing.find((s) => s.program.name === "Euro Q")!;
    expect(entry.line.replace(/\u00a0/g, " ")).toMatch(/on track \(est\. 10,13 € so far\)$/);
  });
});
