/**
 * The contract's admin forms of issue 15 items 4 and 7, on PGlite and (TEST_DATABASE_URL) Postgres:
 * a product created with `packSizes: { CA: 12, BX: 6 }` has a file's cases and boxes converted with
 * the size of that pack (a pack it has no size for is asked), and a distributor created with
 * `ediIds: [{ qualifier, id }]` carries those identities.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeViewer } from "@/lib/testing/fixtures";
import * as t from "@/db/schema";
import { needsIndex } from "@/lib/imports/needs";
import { createProductSchema, createDistributorSchema } from "@/lib/validation/admin";
import { createProduct } from "../admin/create-product";
import { createDistributor } from "../admin/create-distributor";
import { ingestUpload } from "./ingest-upload";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

describe(`pack sizes per kind of pack and EDI identities as a list (${label})`, () => {
  it("converts cases and boxes with the product's size for each, and asks for a pack it has no size for", async () => {
    const admin = await makeViewer(tdb.db, "admin");
    const made = await createProduct(tdb.db, admin, createProductSchema.parse({ sku: "BOXED-1", description: "Boxed part", family: "F", listPrice: "1", packSizes: { CS: 12, BOX: 6 } }));
    expect(made.packSizes).toEqual({ CA: 12, BX: 6 });
    const d = await createDistributor(tdb.db, admin, createDistributorSchema.parse({ code: "PKD", name: "Packs Ltd", ediIds: [{ qualifier: "ZZ", id: "packs" }, { qualifier: "DUNS", id: "111222333" }] }));
    expect(d.ediIds).toEqual([{ qualifier: "ZZ", id: "PACKS" }, { qualifier: "DUNS", id: "111222333" }]);
    const [stored] = await tdb.db.select().from(t.distributors).where(eq(t.distributors.code, "PKD"));
    expect([stored!.ediIsaId, stored!.duns]).toEqual(["ZZ:PACKS", "111222333"]);

    const viewer = await makeViewer(tdb.db, "distributor", stored!);
    const csv = "Invoice,Date,SKU,Qty,UOM\n1,2026-11-03,BOXED-1,2,CA\n2,2026-11-04,BOXED-1,1,BX\n3,2026-11-05,BOXED-1,5,EA\n4,2026-11-06,BOXED-1,1,PK\n";
    const a = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11" }, source: Buffer.from(csv) });
    expect(a.lines).toEqual([expect.objectContaining({ sku: "BOXED-1", sold: 2 * 12 + 6 + 5 })]);
    expect(a.needs).toEqual([{ kind: "unit", packSizes: [{ sku: "BOXED-1", unit: "PK", rows: 1 }] }]);
    expect(a.errors.map((e) => [e.line, e.column])).toEqual([[5, "UOM"]]);

    const b = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11", packSizes: { "BOXED-1": 3 }, replaces: a.uploadId }, source: Buffer.from(csv) });
    expect(needsIndex(b.needs)).toBeUndefined();
    // The answer is for the pack asked about; the catalogue's sizes for cases and boxes still hold.
    expect(b.lines[0]!.sold).toBe(2 * 12 + 6 + 5 + 3);
  });
});
