/**
 * COPY reaches postgres.js through drizzle's public surface, and never silently becomes INSERTs:
 * on Postgres a transaction yields the client (uploads stream their blocks with COPY), on the
 * embedded database none (INSERTs by design), and a session drizzle no longer recognises throws.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asRows } from "./sql-rows";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { streamsToStore } from "@/lib/dal/uploads/pos-sink";
import { copyClient } from "./copy-client";
import type { Queryable } from "./open";
import { SYSTEM, withDbContext } from "./rls";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

describe(`the COPY client (${label})`, () => {
  it(label === "postgres" ? "a transaction on Postgres yields postgres.js, and uploads stream through COPY" : "the embedded database has none: blocks go as INSERTs", async () => {
    await withDbContext(tdb.db, SYSTEM, async (tx) => {
      const client = copyClient(tx);
      if (label === "postgres") {
        expect(typeof client?.unsafe).toBe("function");
        expect(streamsToStore(tx)).toBe(true);
        // It is this transaction's connection: a COPY through it sees the transaction's own rows.
        await tx.execute(sql`create temporary table copy_probe (n int) on commit drop`);
        const stream = await client!.unsafe("copy copy_probe from stdin").writable();
        await new Promise<void>((resolve, reject) => stream.end("7\n", () => resolve()).on("error", reject));
        const rows = asRows<{ n: number }>(await tx.execute(sql`select n from copy_probe`));
        expect(rows.map((r) => Number(r.n))).toEqual([7]);
      } else {
        expect(client).toBeNull();
        expect(streamsToStore(tx)).toBe(false);
      }
    });
  });

  it("a session drizzle no longer recognises is refused loudly, not treated as the embedded database", () => {
    const moved = { _: { session: { client: undefined } } } as unknown as Queryable;
    expect(() => copyClient(moved)).toThrow(/refusing to fall back to INSERTs/);
  });
});
