/**
 * Issue 14 item 4 through the API, on PGlite and (TEST_DATABASE_URL) Postgres: an inventory summary
 * that leaves out a SKU the distributor holds asks about it (`needs: [{ kind: "absentSkus" }]`); a
 * summary naming every held SKU, and a line-level POS file, ask nothing; the upload writes no ledger row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addMovement, makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { refreshLedger } from "../ledger/refresh-ledger";
import { asRows } from "@/db/sql-rows";
import { ingestUpload } from "./ingest-upload";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

describe(`an inventory summary that leaves out SKUs the distributor holds (${label})`, () => {
  it("asks keep, zero or leave for the held SKUs it does not name; asks nothing when it names them all or lists POS lines", async () => {
    const d = await makeDistributor(tdb.db);
    const [a, b, c] = [await makeProduct(tdb.db, "ABS-A"), await makeProduct(tdb.db, "ABS-B"), await makeProduct(tdb.db, "ABS-C")];
    for (const p of [a!, b!]) await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-11", type: "sell_in", quantity: 100 });
    await refreshLedger(tdb.db, { distributorIds: [d.id], productIds: [a!.id, b!.id, c!.id] }, "2026-11-01");
    const viewer = await makeViewer(tdb.db, "distributor", d);
    const ledgerRows = async () => Number(asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from ledger_balances where distributor_id = ${d.id}`))[0]!.n);
    const before = await ledgerRows();

    const partial = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11" }, source: Buffer.from("SKU,Sold,On Hand\nABS-A,10,90\n") });
    expect(partial.kind).toBe("summary");
    expect(partial.needs).toEqual([{ kind: "absentSkus", skus: [{ sku: "ABS-B", opening: 0, received: 100 }], choices: ["keep", "zero", "leave"] }]);

    const whole = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11" }, source: Buffer.from("SKU,Sold,On Hand\nABS-A,10,90\nABS-B,0,100\n") });
    expect(whole.needs).toBeUndefined();
    const pos = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11" }, source: Buffer.from("Invoice,Date,SKU,Qty\n1,2026-11-03,ABS-A,4\n") });
    expect(pos.needs).toBeUndefined();
    expect(await ledgerRows()).toBe(before);
  });
});
