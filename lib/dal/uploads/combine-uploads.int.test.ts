/**
 * Issue 15 item 5 through the data layer, on PGlite and (TEST_DATABASE_URL) Postgres: weekly files
 * of one month combine into the month on request — sales added, on hand from the latest-dated file,
 * the earlier files' POS lines kept with the combined upload — and files covering the same days are
 * refused with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { asRows } from "@/db/sql-rows";
import { ingestUpload } from "./ingest-upload";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
let viewer: Viewer;
beforeAll(async () => {
  tdb = await createTestDatabase();
  await makeProduct(tdb.db, "CMB-A");
  await makeProduct(tdb.db, "CMB-B");
  viewer = await makeViewer(tdb.db, "distributor", await makeDistributor(tdb.db));
});
afterAll(async () => tdb?.close());

const pos = (rows: [string, string, number][]) => Buffer.from(["Invoice,Date,SKU,Qty", ...rows.map(([d, sku, q], i) => `${d}-${i},${d},${sku},${q}`)].join("\n"));
const week852 = (from: string, to: string, items: [string, number, number][]) =>
  Buffer.from([`ST*852*0001`, `XQ*H*${from}*${to}`, ...items.flatMap(([sku, sold, onHand]) => [`LIN**VN*${sku}`, `ZA*QS*${sold}*EA`, `ZA*QA*${onHand}*EA`]), `SE*${3 + items.length * 3}*0001`].join("~\n") + "~\n");
const stored = async (uploadId: string) => Number(asRows<{ n: number }>(await tdb.db.execute(sql`select coalesce(sum(line_count), 0)::int as n from pos_line_blocks where upload_id = ${uploadId}::uuid`))[0]!.n);
const uploadCount = async () => Number(asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from uploads`))[0]!.n);

describe(`partial files combined into the month (${label})`, () => {
  it("two weeks of POS lines: offered, then combined — sales added, coverage 1–14 Nov, every POS line kept", async () => {
    const w1 = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11", fileName: "week1.csv" }, source: pos([["2026-11-02", "CMB-A", 5], ["2026-11-06", "CMB-B", 2], ["2026-11-01", "CMB-A", 1], ["2026-11-07", "CMB-B", 1]]) });
    expect(w1.coverage).toMatchObject({ from: "2026-11-01", to: "2026-11-07", partial: true });
    expect(w1.combinable).toBeUndefined();

    const file2 = pos([["2026-11-08", "CMB-A", 3], ["2026-11-14", "CMB-A", 1]]);
    const w2 = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11", fileName: "week2.csv" }, source: file2 });
    expect(w2.combinable).toEqual([{ uploadId: w1.uploadId, fileName: "week1.csv", coverage: w1.coverage }]);

    const both = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11", fileName: "week2.csv", combine: [w1.uploadId], replaces: w2.uploadId }, source: file2 });
    expect(both.lines.map((l) => [l.sku, l.sold])).toEqual([["CMB-A", 10], ["CMB-B", 3]]);
    expect(both.coverage).toMatchObject({ from: "2026-11-01", to: "2026-11-14", days: 14, periodDays: 30, partial: true });
    expect(both.combinedWith).toEqual([{ uploadId: w1.uploadId, fileName: "week1.csv", coverage: w1.coverage }]);
    expect(both.warnings[0]).toMatchObject({ code: "combined", message: expect.stringMatching(/^2 files combined into the month — “week1.csv” 1–7 Nov, “week2.csv” 8–14 Nov: 14 of 30 days/) });
    expect(both.counts.posLines).toBe(6);
    expect(await stored(both.uploadId)).toBe(6);
    expect(await stored(w1.uploadId)).toBe(4);
  });

  it("two weekly 852s: on hand from the later week, sales added", async () => {
    const a = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11" }, source: week852("20261116", "20261122", [["CMB-A", 4, 50], ["CMB-B", 1, 9]]) });
    const b = await ingestUpload(tdb.db, viewer, { options: { period: "2026-11", combine: [a.uploadId] }, source: week852("20261123", "20261129", [["CMB-A", 6, 44]]) });
    expect(b.lines.map((l) => [l.sku, l.sold, l.onHand])).toEqual([["CMB-A", 10, 44], ["CMB-B", 1, 9]]);
    expect(b.coverage).toMatchObject({ from: "2026-11-16", to: "2026-11-29", days: 14, source: "file" });
  });

  it("files that cover the same days are refused, with nothing stored", async () => {
    const a = await ingestUpload(tdb.db, viewer, { options: { period: "2026-10" }, source: pos([["2026-10-01", "CMB-A", 1], ["2026-10-10", "CMB-A", 1]]) });
    const before = await uploadCount();
    await expect(ingestUpload(tdb.db, viewer, { options: { period: "2026-10", combine: [a.uploadId] }, source: pos([["2026-10-08", "CMB-A", 2], ["2026-10-12", "CMB-A", 1]]) })).rejects.toThrow(
      /cover the same days: not combined, their sales would count twice/,
    );
    await expect(ingestUpload(tdb.db, viewer, { options: { period: "2026-10", combine: ["00000000-0000-4000-8000-000000000000"] }, source: pos([["2026-10-20", "CMB-A", 2]]) })).rejects.toThrow(/No upload .* of yours for period 2026-10/);
    expect(await uploadCount()).toBe(before);
  });
});
