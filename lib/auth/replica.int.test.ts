/**
 * Issue 11 item 6: staff read paths on a streaming read replica. Needs a Postgres primary
 * (TEST_DATABASE_URL) with a hot standby of it (TEST_REPLICA_URL, its database part ignored: the test
 * reads its own database there); `.ci/run` starts one with `.ci/standby.sh`. The gap view
 * (`listGaps`) through `withViewerReadDb` runs ON the standby (pg_is_in_recovery) under the viewer's
 * row-level security and answers what the primary answers; a user's own write not yet replayed there
 * (replay paused) is read from the primary instead; a distributor never uses the replica.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addMovement, addRevision, makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { openDatabase, type Database } from "@/db/open";
import { asLocalAppLogin } from "@/db/local-app-login";
import type { Viewer } from "@/lib/auth/viewer";
import { refreshLedger } from "@/lib/dal/ledger/refresh-ledger";
import { listGaps } from "@/lib/dal/gaps/list-gaps";
import { gapQuerySchema } from "@/lib/validation/gaps";
import { asRows } from "@/db/sql-rows";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { resetEnvCache } from "@/lib/config/env";

const state = vi.hoisted(() => ({ primary: null as unknown, replica: null as unknown }));
vi.mock("@/db/client", () => ({
  getDb: async () => state.primary,
  getReplicaDatabase: async () => state.replica,
}));
const replicaUrl = process.env.TEST_REPLICA_URL;
const run = !!process.env.TEST_DATABASE_URL && !!replicaUrl;
if (run) {
  // What turns replicas on (the handles themselves come from the mock above).
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  process.env.DATABASE_REPLICA_URL = replicaUrl;
  resetEnvCache();
}
const { noteWrite, withViewerReadDb } = await import("./viewer-db");
const P = "2026-10";

let tdb: TestDatabase;
let replica: Database;
let replicaOwner: Database;
let staff: Viewer;
let dist: Viewer;
let productId: number;
let distributorId: number;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inRecovery = async (db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }) =>
  asRows<{ r: boolean }>(await db.execute(sql`select pg_is_in_recovery() as r`))[0]!.r;

describe.skipIf(!run)("staff reads on a streaming replica (postgres + hot standby)", () => {
  beforeAll(async () => {
    tdb = await createTestDatabase();
    state.primary = tdb.db;
    const d = await makeDistributor(tdb.db);
    distributorId = d.id;
    const p = await makeProduct(tdb.db);
    productId = p.id;
    staff = await makeViewer(tdb.db, "channel_manager");
    dist = await makeViewer(tdb.db, "distributor", d);
    await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: P, type: "sell_in", quantity: 1000 });
    await addRevision(tdb.db, { distributorId: d.id, period: P, userId: dist.userId, lines: [{ productId: p.id, sold: 700, returned: 0, onHand: 240 }] });
    await refreshLedger(tdb.db, { distributorIds: [d.id] }, `${P}-01`);
    await getSettings(tdb.db); // creates the settings row a fresh database lacks (a read on the standby cannot)
    const u = new URL(replicaUrl!);
    u.pathname = `/${new URL(tdb.url!).pathname.slice(1)}`;
    // The new database reaches the standby through the WAL: wait for it (bounded). The app reads it as
    // its login role, as in production (a superuser could lift row-level security: db/open.ts refuses one).
    for (let i = 0; ; i++) {
      try {
        replica = await openDatabase({ kind: "postgres", url: asLocalAppLogin(u.toString()), pool: 2 }, { migrate: false });
        break;
      } catch (e) {
        if (i > 50) throw e;
        await sleep(200);
      }
    }
    state.replica = replica;
    replicaOwner = await openDatabase({ kind: "postgres", url: u.toString(), pool: 1 }, { migrate: false, connectAs: "owner" });
    await caughtUp();
  }, 120_000);

  /** Until the standby has replayed everything the primary has written so far (bounded). */
  async function caughtUp() {
    const [{ lsn }] = asRows<{ lsn: string }>(await tdb.db.execute(sql`select pg_current_wal_lsn()::text as lsn`));
    for (let i = 0; i < 100; i++) {
      const [{ ok }] = asRows<{ ok: boolean }>(await replicaOwner.db.execute(sql`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as ok`));
      if (ok) return;
      await sleep(100);
    }
    throw new Error("the standby did not catch up in 10 s");
  }
  afterAll(async () => {
    await replicaOwner?.db.execute(sql`select pg_wal_replay_resume()`).catch(() => {});
    await replicaOwner?.close();
    await replica?.close();
    await tdb?.close();
  });

  const gap = async (v: Viewer) =>
    withViewerReadDb(v, async (tx) => ({ standby: await inRecovery(tx), page: await listGaps(tx, v, gapQuerySchema.parse({ period: P })) }));

  it("the gap view runs on the standby and answers what the primary answers (the worked example)", async () => {
    const r = await gap(staff);
    expect(r.standby).toBe(true);
    expect(r.page.rows).toHaveLength(1);
    expect(r.page.rows[0]).toMatchObject({ calculated: 300, reported: 240, gap: 60, gapPct: 20 });
    const onPrimary = await tdb.db.transaction(async (tx) => listGaps(tx, staff, gapQuerySchema.parse({ period: P })));
    expect(r.page.rows).toEqual(onPrimary.rows);
  });

  it("a user's own write not yet replayed is read from the primary; a distributor never reads the replica", async () => {
    await replicaOwner.db.execute(sql`select pg_wal_replay_pause()`);
    try {
      await addMovement(tdb.db, { distributorId, productId, period: P, type: "sell_in", quantity: 100, document: "SO-LATE", line: "1" });
      await refreshLedger(tdb.db, { distributorIds: [distributorId] }, `${P}-01`);
      await noteWrite(tdb.db, staff.userId);
      const mine = await gap(staff);
      expect(mine.standby).toBe(false);
      expect(mine.page.rows[0]).toMatchObject({ calculated: 400, gap: 160 });
      const theirs = await gap(await makeViewer(tdb.db, "rebate_analyst"));
      expect(theirs.standby).toBe(true); // another user: the replica, a moment behind
      expect(theirs.page.rows[0]).toMatchObject({ calculated: 300 });
      expect((await withViewerReadDb(dist, (tx) => inRecovery(tx)))).toBe(false);
    } finally {
      await replicaOwner.db.execute(sql`select pg_wal_replay_resume()`);
    }
  });
});
