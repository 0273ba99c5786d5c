import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addMovement, addRevision, makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { gapQuerySchema } from "@/lib/validation/gaps";
import { asRows } from "@/db/sql-rows";
import { submitPeriod } from "../submissions/submit-period";
import { loadSellIn } from "../sell-in/load-sell-in";
import { approveCorrection, proposeCorrection } from "../corrections/corrections";
import { listGaps } from "../gaps/list-gaps";
import { countQuestionedRows } from "../exceptions/sync-automatic";
import { ledgerSelect } from "./ledger-sql";
import { LEDGER_COLUMNS } from "./refresh-ledger";
import { rollLedger } from "./roll-ledger";
import { mulberry32 } from "@/lib/seed/demo/prng";
import { LEDGER_DISTRIBUTOR_LOCK, updateLedger } from "./update-ledger";
import { SYSTEM, withDbContext } from "@/db/rls";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
let admin: Viewer;
let manager: Viewer;
let manager2: Viewer;
/** The job's distributors: their history is January–April 2026, the ledger built through April at first. */
const jobDistributors: number[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  admin = await makeViewer(tdb.db, "admin");
  manager = await makeViewer(tdb.db, "channel_manager");
  manager2 = await makeViewer(tdb.db, "channel_manager");
  const rand = mulberry32(4711);
  for (let k = 0; k < 3; k++) {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    jobDistributors.push(d.id);
    const products = [await makeProduct(tdb.db), await makeProduct(tdb.db), await makeProduct(tdb.db), await makeProduct(tdb.db)];
    for (const period of ["2026-01", "2026-02", "2026-03", "2026-04"]) {
      for (const p of products) if (rand() < 0.8) await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period, type: "sell_in", quantity: 1 + Math.floor(rand() * 300) });
      const lines = products.filter(() => rand() < 0.8).map((p) => ({ productId: p.id, sold: Math.floor(rand() * 200), returned: 0, onHand: Math.floor(rand() * 300) }));
      if (lines.length) await addRevision(tdb.db, { distributorId: d.id, period, userId: v.userId, lines });
    }
  }
  // A new database: the first roll computes the ledger from history once and marks January–April built.
  const first = await rollLedger(tdb.db, new Date("2026-05-15T12:00:00Z"));
  expect(first).toMatchObject({ bootstrapped: true, through: "2026-04" });
});
afterAll(async () => tdb?.close());

/** Each ledger row's key → its row version (xmin): a row rewritten, inserted or deleted changes the map. */
async function ledgerStamps() {
  const rows = asRows<{ k: string; x: string }>(
    await tdb.db.execute(sql`select distributor_id || '/' || product_id || '/' || to_char(period, 'YYYY-MM') as k, xmin::text as x from ledger_balances`),
  );
  return new Map(rows.map((r) => [r.k, r.x]));
}
function changedKeys(before: Map<string, string>, after: Map<string, string>) {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

const NOW = new Date("2026-11-15T12:00:00Z");

describe(`the ledger kept by writes and the month roll (${label})`, () => {
  it("the job builds each new period from the previous one, exactly as the ledger computed from history", async () => {
    const roll = await rollLedger(tdb.db, NOW);
    expect(roll.bootstrapped).toBe(false);
    expect(roll.built.map((b) => b.period)).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
    expect(roll.built.every((b) => b.rows === 12)).toBe(true);
    // Built, it is not built twice.
    expect((await rollLedger(tdb.db, NOW)).built).toEqual([]);

    const scope = { distributorIds: jobDistributors };
    const diff = asRows<{ extra: number; missing: number; n: number }>(
      await tdb.db.execute(sql`
        with want as (select ${sql.raw(LEDGER_COLUMNS)} from (${ledgerSelect(scope, "2026-10-01")}) w),
             got as (select ${sql.raw(LEDGER_COLUMNS)} from ledger_balances where distributor_id = any(${sql.param(jobDistributors)}::int[]))
        select (select count(*)::int from (select * from got except all select * from want) a) as extra,
               (select count(*)::int from (select * from want except all select * from got) b) as missing,
               (select count(*)::int from got) as n`),
    );
    expect(diff[0]).toEqual({ extra: 0, missing: 0, n: 12 * 10 });

    // November has ended by mid-December; until the job has run, a read of it says it is being prepared.
    const nov = await listGaps(tdb.db, admin, gapQuerySchema.parse({ period: "2026-11", limit: "5" }));
    expect(nov.preparing).toBe(true);
    const oct = await listGaps(tdb.db, admin, gapQuerySchema.parse({ period: "2026-10", limit: "5" }));
    expect(oct.preparing).toBe(false);
  });

  it("a submission rewrites only its own distributor's rows: the products it names, from its period on", async () => {
    await rollLedger(tdb.db, NOW);
    const a = await makeDistributor(tdb.db);
    const b = await makeDistributor(tdb.db);
    const va = await makeViewer(tdb.db, "distributor", a);
    const products = [await makeProduct(tdb.db), await makeProduct(tdb.db), await makeProduct(tdb.db)];
    for (const d of [a, b]) for (const p of products) await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-08", type: "sell_in", quantity: 100 });
    // Sell-in stored behind the ledger's back (no write path): bring those rows in as a load would.
    await tdb.db.transaction(async (tx) => {
      const { updateLedger } = await import("./update-ledger");
      for (const d of [a, b]) await updateLedger(tx, { distributorId: d.id, productIds: products.map((p) => p.id), from: "2026-08-01" });
    });

    const before = await ledgerStamps();
    const r = await submitPeriod(tdb.db, va, {
      period: "2026-09", source: "api", now: NOW,
      body: { baseRevision: null, lines: products.slice(0, 2).map((p) => ({ sku: p.sku, sold: 10, returned: 0, onHand: 90 })) },
    });
    expect(r.exceptionsOpened).toBe(0);
    const changed = changedKeys(before, await ledgerStamps());
    // 2 products × September and October; nothing of b, nothing of a's third product, nothing before September.
    expect(changed).toEqual(
      products.slice(0, 2).flatMap((p) => [`${a.id}/${p.id}/2026-09`, `${a.id}/${p.id}/2026-10`]).sort(),
    );
    const [oct] = asRows<{ opening: number; calculated: number }>(
      await tdb.db.execute(sql`select opening, calculated from ledger_balances where distributor_id = ${a.id} and product_id = ${products[0]!.id} and period = '2026-10-01'`),
    );
    expect(oct).toEqual({ opening: 90, calculated: 90 });
  });

  it("a submission opens automatic exceptions and resolves them by revision, in its own transaction", async () => {
    await rollLedger(tdb.db, NOW);
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const p = await makeProduct(tdb.db);
    const q = await makeProduct(tdb.db);
    await loadSellIn(tdb.db, admin, ["distributor_code,sku,ship_date,quantity,document,line", `${d.code},${p.sku},2026-10-03,1000,SO-X${d.id},1`, `${d.code},${q.sku},2026-10-03,100,SO-X${d.id},2`].join("\n"));

    // The worked example: calculated 300, reported 240, gap 60 (20 %): out of tolerance. q agrees.
    const first = await submitPeriod(tdb.db, v, {
      period: "2026-10", source: "api", now: NOW,
      body: { baseRevision: null, lines: [{ sku: p.sku, sold: 700, returned: 0, onHand: 240 }, { sku: q.sku, sold: 50, returned: 0, onHand: 50 }] },
    });
    expect(first.exceptionsOpened).toBe(1);
    expect(await countQuestionedRows(tdb.db, v, "2026-10")).toBe(1);
    type ExRow = { id: string; product_id: number; status: string; automatic: string; gap_at_open: number; same_tx: boolean };
    const ex = async () =>
      asRows<ExRow>(
        await tdb.db.execute(sql`
          select e.id, e.product_id, e.status::text as status, e.automatic, e.gap_at_open,
                 e.updated_at = (select max(a.at) from audit_log a where a.action = 'submission.create' and a.distributor_id = e.distributor_id) as same_tx
            from exceptions e where e.distributor_id = ${d.id}`),
      );
    let rows = await ex();
    expect(rows).toHaveLength(1);
    // Stamped with the submission's own transaction time (now() is the transaction's start).
    expect(rows[0]).toMatchObject({ product_id: p.id, status: "open", gap_at_open: 60, same_tx: true });
    expect(rows[0]!.automatic).toContain("|gap| 60 ≥ 50 units");

    // A revision bringing the row back within tolerance resolves it; nothing new opens.
    const second = await submitPeriod(tdb.db, v, {
      period: "2026-10", source: "api", now: NOW,
      body: { baseRevision: 1, lines: [{ sku: p.sku, sold: 700, returned: 0, onHand: 298 }, { sku: q.sku, sold: 50, returned: 0, onHand: 50 }] },
    });
    expect(second.exceptionsOpened).toBe(0);
    expect(await countQuestionedRows(tdb.db, v, "2026-10")).toBe(0);
    rows = await ex();
    expect(rows[0]).toMatchObject({ status: "resolved", same_tx: true });
    const events = asRows<{ kind: string; body: string | null; resolution: string | null }>(
      await tdb.db.execute(sql`select kind, body, data->>'resolution' as resolution from exception_events where exception_id = ${rows[0]!.id}::uuid order by seq`),
    );
    expect(events.map((e) => [e.kind, e.body, e.resolution])).toEqual([
      ["opened", rows[0]!.automatic, null],
      ["status", "Resolved by revision", "revision"],
    ]);
  });

  it("an approved correction resolves the automatic exception it brings back within tolerance", async () => {
    await rollLedger(tdb.db, NOW);
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const p = await makeProduct(tdb.db);
    await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-10", type: "sell_in", quantity: 1000 });
    const r = await submitPeriod(tdb.db, v, { period: "2026-10", source: "api", now: NOW, body: { baseRevision: null, lines: [{ sku: p.sku, sold: 700, returned: 0, onHand: 240 }] } });
    expect(r.exceptionsOpened).toBe(1);
    const [e] = asRows<{ id: string }>(await tdb.db.execute(sql`select id from exceptions where distributor_id = ${d.id}`));
    const c = await proposeCorrection(tdb.db, manager, e!.id, { quantity: -60, type: "transfer", reason: "Transferred 60 to the Reno branch" });
    await approveCorrection(tdb.db, manager2, c.id);
    const [after] = asRows<{ status: string }>(await tdb.db.execute(sql`select status::text as status from exceptions where id = ${e!.id}::uuid`));
    expect(after!.status).toBe("resolved");
    const [ev] = asRows<{ body: string }>(await tdb.db.execute(sql`select body from exception_events where exception_id = ${e!.id}::uuid and kind = 'status'`));
    expect(ev!.body).toBe("Resolved by correction");
  });

  it("a sell-in load for a past period rolls the following periods forward and opens what it takes out of tolerance", async () => {
    await rollLedger(tdb.db, NOW);
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const p = await makeProduct(tdb.db);
    await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-07", type: "sell_in", quantity: 500 });
    for (const [period, onHand] of [["2026-07", 400], ["2026-08", 300], ["2026-09", 200], ["2026-10", 100]] as const) {
      const r = await submitPeriod(tdb.db, v, { period, source: "api", now: NOW, body: { baseRevision: null, lines: [{ sku: p.sku, sold: 100, returned: 0, onHand }] } });
      expect(r.exceptionsOpened).toBe(0);
    }
    // 300 more shipped in August, found late: August on is 300 above what was reported.
    const load = await loadSellIn(tdb.db, admin, ["distributor_code,sku,ship_date,quantity,document,line", `${d.code},${p.sku},2026-08-12,300,SO-L${d.id},1`].join("\n"));
    expect(load).toMatchObject({ loaded: 1, exceptionsOpened: 3 });
    const rows = asRows<{ period: string; opening: number; calculated: number; gap: number }>(
      await tdb.db.execute(sql`select to_char(period, 'YYYY-MM') as period, opening, calculated, gap from ledger_balances where distributor_id = ${d.id} order by period`),
    );
    expect(rows).toEqual([
      { period: "2026-07", opening: 0, calculated: 400, gap: 0 },
      { period: "2026-08", opening: 400, calculated: 600, gap: 300 },
      { period: "2026-09", opening: 600, calculated: 500, gap: 300 },
      { period: "2026-10", opening: 500, calculated: 400, gap: 300 },
    ]);
  });

  // Concurrency needs a second connection: Postgres only (the embedded database has one).
  it.skipIf(label !== "postgres")("a write waits for the roll of its own distributor only, never for the whole month", async () => {
    const [a, b] = jobDistributors as [number, number];
    const products = (id: number) =>
      tdb.db.execute(sql`select distinct product_id as p from ledger_balances where distributor_id = ${id}`).then((r) => asRows<{ p: number }>(r));
    const productsOf = async (id: number) => (await products(id)).map((r) => Number(r.p));
    const [pa, pb] = [await productsOf(a), await productsOf(b)];
    let releaseRoll!: () => void;
    const rollHeld = new Promise<void>((r) => (releaseRoll = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    // The roll of distributor A, held open: its lock taken exclusively as rollLedger takes it.
    const roll = withDbContext(tdb.db, SYSTEM, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_DISTRIBUTOR_LOCK}, ${a})`);
      locked();
      await rollHeld;
    });
    await lockTaken;
    const write = (id: number, productIds: number[]) =>
      withDbContext(tdb.db, SYSTEM, (tx) => updateLedger(tx, { distributorId: id, productIds, from: "2026-09-01" }));
    // B's write goes through while A is being rolled.
    const t0 = performance.now();
    expect(await write(b, pb)).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(5_000);
    // A's write waits for A's roll, then goes through.
    let aDone = false;
    const writeA = write(a, pa).then((n) => ((aDone = true), n));
    await new Promise((r) => setTimeout(r, 300));
    expect(aDone).toBe(false);
    releaseRoll();
    await roll;
    expect(await writeA).toBeGreaterThan(0);
  });
});
