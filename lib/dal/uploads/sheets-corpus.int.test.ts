/**
 * Issue 15 items 8–10 through the data layer, on PGlite and (TEST_DATABASE_URL) Postgres: every file
 * of the spreadsheet corpus (`lib/imports/__fixtures__/sheets`) answers with its expected per-SKU
 * totals, or asks its expected question and stores nothing it would have had to guess.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeViewer, setPackSizes } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import * as t from "@/db/schema";
import { checkSheet, SHEETS_EXPECTED, SHEETS_PERIOD, sheetFixture } from "@/lib/imports/__fixtures__/sheets-corpus";
import { asRows } from "@/db/sql-rows";
import { ingestUpload } from "./ingest-upload";

const FIX = path.resolve(__dirname, "../../imports/__fixtures__");
const rows = (f: string) => fs.readFileSync(path.join(FIX, f), "utf8").trim().split(/\r?\n/).slice(1);
const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
let viewer: Viewer;

beforeAll(async () => {
  tdb = await createTestDatabase();
  // catalogue.csv: SKU first, UPC last (descriptions are quoted and hold commas).
  for (const l of rows("catalogue.csv")) {
    const sku = l.split(",")[0]!;
    await tdb.db.insert(t.products).values({ sku, description: sku, family: sku.split("-")[0]!, listPrice: "1.00", upc: l.split(",").at(-1) || null });
  }
  const nwc = await makeDistributor(tdb.db);
  viewer = await makeViewer(tdb.db, "distributor", nwc);
  const ids = new Map((await tdb.db.select({ id: t.products.id, sku: t.products.sku }).from(t.products)).map((p) => [p.sku, p.id]));
  await tdb.db.insert(t.partXrefs).values(rows("northwind-crossref.csv").map((l) => l.split(",")).map(([part, sku]) => ({ distributorId: nwc.id, distributorPart: part!, productId: ids.get(sku!)! })));
});
afterAll(async () => tdb?.close());


const storedLines = async (uploadId: string) =>
  Number(asRows<{ n: number }>(await tdb.db.execute(sql`select coalesce(sum(line_count), 0)::int as n from pos_line_blocks where upload_id = ${uploadId}::uuid`))[0]!.n);

describe(`spreadsheet corpus through the data layer (${label})`, () => {
  for (const name of Object.keys(SHEETS_EXPECTED)) {
    it(name, async () => {
      await setPackSizes(tdb.db, SHEETS_EXPECTED[name]!.catalogue?.packSize ?? {});
      const a = await ingestUpload(tdb.db, viewer, { options: { period: SHEETS_PERIOD }, source: sheetFixture(name), fileName: name });
      checkSheet(name, a);
      expect(await storedLines(a.uploadId)).toBe(a.kind === "pos_lines" ? a.rowsAccepted : 0);
      const answered = SHEETS_EXPECTED[name]!.answered;
      if (!answered) return;
      // The distributor's answer (units per box) sent back with the same file reads it whole.
      const b = await ingestUpload(tdb.db, viewer, { options: { period: SHEETS_PERIOD, packSizes: answered.options.packSizes, replaces: a.uploadId }, source: sheetFixture(name), fileName: name });
      expect(b.needs).toBeUndefined();
      expect(Object.fromEntries(b.lines.map((l) => [l.sku, l.sold]))).toEqual(answered.sold);
      expect(await storedLines(b.uploadId)).toBe(b.rowsAccepted);
    });
  }

  it("a line-level file without a date column is read once the user confirms the mapping, and says it was not date-checked", async () => {
    const a = await ingestUpload(tdb.db, viewer, {
      options: { period: SHEETS_PERIOD, mapping: { 0: "invoice", 1: "sku", 2: "quantity" } },
      source: sheetFixture("8-no-date-asks.csv"),
    });
    expect(a.needs).toBeUndefined();
    expect(a.lines.map((l) => [l.sku, l.sold])).toEqual([["LDO-330", 3], ["MCU-1000", 5]]);
    expect(a.warnings[0]!.message).toBe("No date column: every line was counted in 2026-11 without a date check");
    const again = await ingestUpload(tdb.db, viewer, { options: { period: SHEETS_PERIOD }, source: sheetFixture("8-no-date-asks.csv") });
    expect(again.mappingSource).toBe("remembered");
    expect(again.needs).toBeUndefined();
  });
});
