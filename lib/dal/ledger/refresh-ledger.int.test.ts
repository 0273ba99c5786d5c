import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addMovement, addRevision, makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { addPeriods, periodRange, periodToDate } from "@/lib/domain/periods";
import { runLedger, type PeriodFacts } from "@/lib/domain/ledger";
import { refreshLedger } from "./refresh-ledger";
import { updateLedger } from "./update-ledger";
import { rollLedger } from "./roll-ledger";
import { asRows } from "@/db/sql-rows";
import { mulberry32 } from "@/lib/seed/demo/prng";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
});


async function ledgerRows(distributorId: number, productId: number) {
  return asRows<Record<string, unknown>>(
    await tdb.db.execute(sql`select to_char(period,'YYYY-MM') as period, opening, sell_in, sell_through, returns, adjustments, calculated, reported, gap,
      gap_pct::float8 as gap_pct, new_gap, weeks_of_supply::float8 as weeks_of_supply, flags
      from ledger_balances where distributor_id = ${distributorId} and product_id = ${productId} order by period`),
  );
}

/**
 * Every stored row of each pair equals the TypeScript reference ledger (lib/domain/ledger.ts) over
 * the pair's history, period by period. Returns the rows compared.
 */
async function compareWithReference(expected: { distributorId: number; productId: number; history: PeriodFacts[] }[]): Promise<number> {
  let compared = 0;
  for (const { distributorId, productId, history } of expected) {
    const got = await ledgerRows(distributorId, productId);
    const want = runLedger(history);
    expect(got.length).toBe(want.length);
    want.forEach((w, i) => {
      const g = got[i]!;
      expect({
        opening: g.opening, sellIn: g.sell_in, sellThrough: g.sell_through, returns: g.returns, adjustments: g.adjustments,
        calculated: g.calculated, reported: g.reported, gap: g.gap, gapPct: g.gap_pct, newGap: g.new_gap,
        weeksOfSupply: g.weeks_of_supply, flags: g.flags,
      }, `${distributorId}/${productId} ${String(g.period)}`).toEqual({
        opening: w.opening, sellIn: w.sellIn, sellThrough: w.sellThrough, returns: w.returns, adjustments: w.adjustments,
        calculated: w.calculated, reported: w.reported, gap: w.gap, gapPct: w.gapPct, newGap: w.newGap,
        weeksOfSupply: w.weeksOfSupply, flags: w.flags,
      });
      compared++;
    });
  }
  return compared;
}

/** A reported line drawn at random (sold, returned, on hand), booked into the period's facts as the reference reads it. */
function randomReport(rand: () => number, f: PeriodFacts): { sold: number; returned: number; onHand: number } {
  const sold = Math.floor(rand() * 250);
  const returned = rand() < 0.2 ? Math.floor(rand() * 20) : 0;
  const onHand = Math.floor(rand() * 400);
  f.sellThrough += sold;
  f.returns = returned;
  f.reported = onHand;
  return { sold, returned, onHand };
}

describe(`the SQL ledger (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("holds the article's worked example", async () => {
    const d = await makeDistributor(tdb.db);
    const p = await makeProduct(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-10", type: "sell_in", quantity: 600 });
    await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-10", type: "sell_in", quantity: 400 });
    await addRevision(tdb.db, { distributorId: d.id, period: "2026-10", userId: v.userId, lines: [{ productId: p.id, sold: 700, returned: 0, onHand: 240 }] });
    await refreshLedger(tdb.db, { distributorIds: [d.id] }, "2026-10-01");
    const [row] = await ledgerRows(d.id, p.id);
    expect(row).toMatchObject({ period: "2026-10", opening: 0, sell_in: 1000, sell_through: 700, calculated: 300, reported: 240, gap: 60, gap_pct: 20 });
  });

  it("uses only the latest revision and carries balances through empty months", async () => {
    const d = await makeDistributor(tdb.db);
    const p = await makeProduct(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-01", type: "sell_in", quantity: 100 });
    await addRevision(tdb.db, { distributorId: d.id, period: "2026-01", userId: v.userId, lines: [{ productId: p.id, sold: 90, returned: 0, onHand: 10 }] });
    await addRevision(tdb.db, { distributorId: d.id, period: "2026-01", userId: v.userId, lines: [{ productId: p.id, sold: 40, returned: 0, onHand: 60 }] });
    await refreshLedger(tdb.db, { distributorIds: [d.id] }, "2026-04-01");
    const rows = await ledgerRows(d.id, p.id);
    expect(rows.map((r) => r.period)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(rows[0]).toMatchObject({ sell_through: 40, calculated: 60, gap: 0 });
    expect(rows[3]).toMatchObject({ opening: 60, calculated: 60, reported: null, gap: null });
    expect(rows[3]!.flags).toContain("unreported");
  });

  it("agrees with lib/domain on randomised histories", async () => {
    const rand = mulberry32(20261127);
    const periods = periodRange("2025-01", "2026-06");
    const expected: { distributorId: number; productId: number; history: PeriodFacts[] }[] = [];
    const ids: number[] = [];
    for (let k = 0; k < 25; k++) {
      // One distributor per product, so each period's revision holds exactly this product's line.
      const d = await makeDistributor(tdb.db);
      const v = await makeViewer(tdb.db, "distributor", d);
      const p = await makeProduct(tdb.db);
      ids.push(d.id);
      const start = Math.floor(rand() * 6);
      const history: PeriodFacts[] = [];
      for (let i = start; i < periods.length; i++) {
        const f: PeriodFacts = { sellIn: 0, sellThrough: 0, returns: 0, adjustments: 0, reported: null };
        const period = periods[i]!;
        if (i === start && rand() < 0.3) {
          f.opening_balance = Math.floor(rand() * 50) + 1;
          await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type: "opening_balance", quantity: f.opening_balance });
        }
        if (rand() < 0.8) {
          f.sellIn = Math.floor(rand() * 300) + 1;
          await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type: "sell_in", quantity: f.sellIn });
        }
        if (rand() < 0.15) {
          const q = Math.floor(rand() * 40) + 1;
          const type = rand() < 0.5 ? "adjustment_in" : "transfer_out";
          f.adjustments = type === "adjustment_in" ? q : -q;
          await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type, quantity: q });
        }
        if (rand() < 0.1) {
          const q = Math.floor(rand() * 10) + 1;
          f.sellThrough -= q;
          await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type: "customer_return", quantity: q });
        }
        if (rand() < 0.85) {
          const { sold, returned, onHand } = randomReport(rand, f);
          await addRevision(tdb.db, { distributorId: d.id, period, userId: v.userId, lines: [{ productId: p.id, sold, returned, onHand }] });
        }
        history.push(f);
      }
      expected.push({ distributorId: d.id, productId: p.id, history });
    }
    await refreshLedger(tdb.db, { distributorIds: ids }, periodToDate(addPeriods(periods.at(-1)!, 0)));
    expect(await compareWithReference(expected)).toBeGreaterThan(300);
  });

  it("keeps agreeing when the ledger is kept by writes in any order and built forward by the month roll", async () => {
    // The same random histories, but lived: each input arrives at some point in time (sell-in during its
    // month or, sometimes, months later; a revision after its month ends, sometimes first a wrong one),
    // is stored and followed by updateLedger for that one distributor × product from its period on —
    // the write path — while the month roll builds each month as it ends. The result must be the
    // reference ledger of the final history.
    const rand = mulberry32(20261203);
    const periods = periodRange("2025-01", "2026-06");
    type Event = { at: number; order: number; period: string; apply: () => Promise<unknown> };
    const events: Event[] = [];
    const expected: { distributorId: number; productId: number; history: PeriodFacts[] }[] = [];
    let lateLoads = 0;
    for (let k = 0; k < 16; k++) {
      const d = await makeDistributor(tdb.db);
      const v = await makeViewer(tdb.db, "distributor", d);
      const p = await makeProduct(tdb.db);
      const start = Math.floor(rand() * 6);
      const history: PeriodFacts[] = [];
      const at = (base: number, lateChance: number) => Math.min(periods.length, base + (rand() < lateChance ? 1 + Math.floor(rand() * 4) : 0));
      const push = (when: number, period: string, apply: () => Promise<unknown>) => {
        events.push({ at: when, order: rand(), period, apply: async () => {
          await apply();
          await tdb.db.transaction((tx) => updateLedger(tx, { distributorId: d.id, productIds: [p.id], from: periodToDate(period) }));
        } });
      };
      for (let i = start; i < periods.length; i++) {
        const f: PeriodFacts = { sellIn: 0, sellThrough: 0, returns: 0, adjustments: 0, reported: null };
        const period = periods[i]!;
        if (i === start && rand() < 0.3) {
          const q = Math.floor(rand() * 50) + 1;
          f.opening_balance = q;
          push(i, period, () => addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type: "opening_balance", quantity: q }));
        }
        if (rand() < 0.8) {
          const q = Math.floor(rand() * 300) + 1;
          f.sellIn = q;
          const when = at(i, 0.2);
          if (when > i + 1) lateLoads++;
          push(when, period, () => addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type: "sell_in", quantity: q }));
        }
        if (rand() < 0.15) {
          const q = Math.floor(rand() * 40) + 1;
          const type = rand() < 0.5 ? "adjustment_in" : "transfer_out";
          f.adjustments = type === "adjustment_in" ? q : -q;
          push(at(i + 1, 0.3), period, () => addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type, quantity: q }));
        }
        if (rand() < 0.1) {
          const q = Math.floor(rand() * 10) + 1;
          f.sellThrough -= q;
          push(at(i, 0.3), period, () => addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type: "customer_return", quantity: q }));
        }
        if (rand() < 0.85) {
          const { sold, returned, onHand } = randomReport(rand, f);
          const first = at(i + 1, 0.2);
          if (rand() < 0.2) {
            // A wrong revision first, the right one later: only the latest counts.
            const wrong = { productId: p.id, sold: sold + 17, returned, onHand: onHand + 29 };
            push(first, period, () => addRevision(tdb.db, { distributorId: d.id, period, userId: v.userId, lines: [wrong] }));
            events.push({ at: Math.min(periods.length, first + Math.floor(rand() * 3)), order: 2, period, apply: async () => {
              await addRevision(tdb.db, { distributorId: d.id, period, userId: v.userId, lines: [{ productId: p.id, sold, returned, onHand }] });
              await tdb.db.transaction((tx) => updateLedger(tx, { distributorId: d.id, productIds: [p.id], from: periodToDate(period) }));
            } });
          } else {
            push(first, period, () => addRevision(tdb.db, { distributorId: d.id, period, userId: v.userId, lines: [{ productId: p.id, sold, returned, onHand }] }));
          }
        }
        history.push(f);
      }
      expected.push({ distributorId: d.id, productId: p.id, history });
    }
    expect(lateLoads).toBeGreaterThan(3);
    // Step s is the 15th of the month after periods[s - 1]: the roll builds what has ended, then the inputs of that day arrive.
    events.sort((a, b) => a.at - b.at || a.order - b.order);
    let next = 0;
    let rolled = 0;
    for (let step = 0; step <= periods.length; step++) {
      const now = new Date(`${addPeriods(periods[0]!, step)}-15T12:00:00Z`);
      const roll = await rollLedger(tdb.db, now);
      rolled += roll.built.length;
      while (next < events.length && events[next]!.at === step) await events[next++]!.apply();
    }
    expect(next).toBe(events.length);
    expect(rolled).toBeGreaterThanOrEqual(periods.length - 1);

    expect(await compareWithReference(expected)).toBeGreaterThan(200);
  });
});
