/**
 * On Postgres the pool's drizzle queries with parameters are named prepared statements — in plain
 * queries, transactions and savepoints — while queries with no parameters (the simple protocol,
 * COPY) and very long parameter lists stay unnamed, and every execution is still planned with its
 * own values. On the embedded database there is nothing to check.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { asRows } from "./sql-rows";
import { MAX_PREPARED_PARAMS } from "./prepared-statements";
import { SYSTEM, withDbContext } from "./rls";
import type { Queryable } from "./open";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let tdb: TestDatabase;
beforeAll(async () => {
  if (onPostgres) tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

/** The statements prepared on this connection whose text contains `marker`. */
async function preparedWith(q: Queryable, marker: string): Promise<number> {
  const [r] = asRows<{ n: number }>(
    await q.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`),
  );
  return Number(r!.n);
}

describe.skipIf(!onPostgres)("prepared statements on the Postgres pool", () => {
  it("prepares a query with parameters once per connection, in transactions and savepoints too", async () => {
    await withDbContext(tdb.db, SYSTEM, async (tx) => {
      for (let i = 0; i < 3; i++) await tx.execute(sql`select ${i}::int + 1 as probe_in_tx`);
      expect(await preparedWith(tx, "probe_in_tx")).toBe(1);
      await tx.transaction(async (sp) => {
        await sp.execute(sql`select ${1}::int as probe_in_savepoint`);
        expect(await preparedWith(sp, "probe_in_savepoint")).toBe(1);
      });
      const [plan] = asRows<{ mode: string }>(await tx.execute(sql`select current_setting('plan_cache_mode') as mode`));
      expect(plan!.mode).toBe("force_custom_plan");
    });
  });

  it("leaves queries without parameters and long parameter lists unnamed, with the same answers", async () => {
    await withDbContext(tdb.db, SYSTEM, async (tx) => {
      await tx.execute(sql`select 1 as probe_plain`);
      expect(await preparedWith(tx, "probe_plain")).toBe(0);
      const many = Array.from({ length: MAX_PREPARED_PARAMS + 1 }, (_, i) => i);
      const rows = asRows<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from (values ${sql.join(many.map((i) => sql`(${i}::int)`), sql`, `)}) v(x) where true /* probe_many */`),
      );
      expect(Number(rows[0]!.n)).toBe(MAX_PREPARED_PARAMS + 1);
      expect(await preparedWith(tx, "probe_many")).toBe(0);
    });
  });

  it("answers a prepared statement with each execution's own values", async () => {
    await withDbContext(tdb.db, SYSTEM, async (tx) => {
      const got: string[] = [];
      for (const v of ["a", "b", "c"]) {
        const [r] = asRows<{ v: string }>(await tx.execute(sql`select ${v}::text || '!' as v /* probe_values */`));
        got.push(r!.v);
      }
      expect(got).toEqual(["a!", "b!", "c!"]);
    });
  });
});
