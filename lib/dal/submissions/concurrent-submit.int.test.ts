/**
 * Concurrent submissions with one Idempotency-Key store one revision — through the REST route
 * handler (POST /api/v1/submissions/{period}; viewer injected, everything else real).
 *
 * On Postgres the overlap is forced, not hoped for: a separate connection holds the
 * distributor × period submission lock, so the first request is provably still inside its
 * transaction while all the others arrive (each on its own pooled connection); they must answer 409
 * "still being processed", and once the lock is released the first commits the only revision and a
 * retry replays its answer. A free-running burst (both databases) must also store exactly one.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { suiteDatabase } from "@/lib/testing/suite-db";
import { postSubmission, routeState as state } from "@/lib/testing/route-mocks";
import { asRows } from "@/db/sql-rows";
import { submitPeriod } from "./submit-period";

vi.mock("@/lib/auth/current-viewer", async () => (await import("@/lib/testing/route-mocks")).sessionViewerModule);
vi.mock("@/db/client", async () => (await import("@/lib/testing/route-mocks")).dbClientModule);
const submissionRoute = await import("@/app/api/v1/submissions/[period]/route");

const onPostgres = !!process.env.TEST_DATABASE_URL;
const label = onPostgres ? "postgres" : "pglite";
const tdb = suiteDatabase();
beforeAll(async () => {
  state.db = tdb.db;
});

const post = (period: string, body: unknown, key: string) => postSubmission(submissionRoute.POST, period, body, key);

async function revisions(distributorId: number) {
  const rows = asRows<{ revision: number; lines: number }>(
    await tdb.db.execute(sql`select r.revision, (select count(*)::int from submission_lines l where l.revision_id = r.id) as lines
      from submission_revisions r join submissions s on s.id = r.submission_id where s.distributor_id = ${distributorId}`),
  );
  return rows.map((r) => [Number(r.revision), Number(r.lines)]);
}

/** Waits until exactly `n` sessions of this database wait for a lock (10 s at most). */
async function lockWaiters(n: number) {
  let seen = -1;
  for (let i = 0; i < 200; i++) {
    const [w] = asRows<{ n: number }>(
      await (await tdb.owner()).execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
    );
    seen = Number(w!.n);
    if (seen === n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${seen} sessions wait for a lock, expected ${n}`);
}

async function tenant() {
  const d = await makeDistributor(tdb.db);
  const v = await makeViewer(tdb.db, "distributor", d);
  const a = await makeProduct(tdb.db);
  const b = await makeProduct(tdb.db);
  const body = { baseRevision: null, lines: [{ sku: a.sku, sold: 5, returned: 0, onHand: 9 }, { sku: b.sku, sold: 1, returned: 1, onHand: 0 }] };
  return { d, v, body };
}

describe(`concurrent submissions with one Idempotency-Key (${label})`, () => {
  it("a burst of 8 identical POSTs stores one revision; every 201 is the same receipt, the rest 409 in flight", async () => {
    const { d, v, body } = await tenant();
    state.viewer = v;
    const responses = await Promise.all(Array.from({ length: 8 }, () => post("2026-10", body, "burst-1")));
    const answers = await Promise.all(responses.map(async (r) => [r.status, await r.json()] as const));
    const created = answers.filter(([s]) => s === 201).map(([, b]) => JSON.stringify(b));
    const other = answers.filter(([s]) => s !== 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created).size).toBe(1);
    for (const [status, b] of other) expect([status, b.error.code, b.error.message]).toEqual([409, "conflict", expect.stringMatching(/still being processed/)]);
    expect(await revisions(d.id)).toEqual([[1, 2]]);
    console.log(`[${label}] 8 parallel POSTs, one key: ${created.length} × 201 (one receipt), ${other.length} × 409 in flight`);
  });

  it.skipIf(!onPostgres)("requests that provably overlap (first held inside its transaction) store one revision (Postgres; PGlite has one connection)", async () => {
    const { d, v, body } = await tenant();
    state.viewer = v;
    const blocker = postgres(tdb.url!, { max: 1, onnotice: () => {} });
    try {
      const held = await blocker.reserve();
      await held`select pg_advisory_lock(hashtextextended(${`submission:${d.id}:2026-10`}, 0))`;
      const pending = Array.from({ length: 4 }, () => post("2026-10", body, "overlap-1"));
      const settled = pending.map((p) => p.then((r) => r));
      // Three answer while one is still inside its transaction, waiting for the lock.
      const answered: Response[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${answered.length} of 3 early answers`)), 20_000);
        for (const p of settled) {
          void p.then((r) => {
            answered.push(r);
            if (answered.length === 3) {
              clearTimeout(timer);
              resolve();
            }
          });
        }
      });
      const early = answered.slice();
      for (const r of early) {
        const b = await r.json();
        expect([r.status, b.error.code, b.error.message]).toEqual([409, "conflict", expect.stringMatching(/still being processed/)]);
      }
      await lockWaiters(1); // the first request: in its transaction, key claimed, waiting for the lock
      expect(await revisions(d.id)).toEqual([]);

      await held`select pg_advisory_unlock(hashtextextended(${`submission:${d.id}:2026-10`}, 0))`;
      held.release();
      const all = await Promise.all(settled);
      const first = all.find((r) => !early.includes(r))!;
      expect(first.status).toBe(201);
      const receipt = await first.json();
      expect(receipt).toMatchObject({ revision: 1 });
      const retry = await post("2026-10", body, "overlap-1");
      expect([retry.status, await retry.json()]).toEqual([201, receipt]);
      expect(await revisions(d.id)).toEqual([[1, 2]]);
    } finally {
      await blocker.end({ timeout: 5 });
    }
  });

  it.skipIf(!onPostgres)("the portal's double click (onInFlight \"wait\") that provably overlaps gets one receipt (Postgres)", async () => {
    const { d, v, body } = await tenant();
    const blocker = postgres(tdb.url!, { max: 1, onnotice: () => {} });
    try {
      const held = await blocker.reserve();
      await held`select pg_advisory_lock(hashtextextended(${`submission:${d.id}:2026-10`}, 0))`;
      const clicks = Array.from({ length: 3 }, () => submitPeriod(tdb.db, v, { period: "2026-10", body, source: "portal", idempotencyKey: "render-1", onInFlight: "wait" }));
      // All three are inside their transactions: one waits for the submission lock, two for the key.
      await lockWaiters(3);
      await held`select pg_advisory_unlock_all()`;
      held.release();
      const results = await Promise.all(clicks);
      expect(new Set(results.map((r) => `${r.submissionId}/${r.revision}/${r.submittedAt}`)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await revisions(d.id)).toEqual([[1, 2]]);
    } finally {
      await blocker.end({ timeout: 5 });
    }
  });
});
