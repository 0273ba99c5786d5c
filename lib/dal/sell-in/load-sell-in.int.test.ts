import { beforeAll, describe, expect, it } from "vitest";
import { suiteDatabase } from "@/lib/testing/suite-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { loadSellIn } from "./load-sell-in";
import { listGaps } from "../gaps/list-gaps";
import { gapQuerySchema } from "@/lib/validation/gaps";

const tdb = suiteDatabase();
let admin: Viewer;
beforeAll(async () => {
  admin = await makeViewer(tdb.db, "admin");
});

describe("loading sell-in", () => {
  it("loads each document line once, reports bad rows by line, and feeds the ledger", async () => {
    const d = await makeDistributor(tdb.db);
    const p = await makeProduct(tdb.db);
    const csv = [
      "distributor_code,sku,ship_date,quantity,document,line",
      `${d.code},${p.sku},2026-09-03,600,SO-1,1`,
      `${d.code.toLowerCase()},${p.sku},2026-09-20,400,SO-1,2`,
      `${d.code},${p.sku},2026-09-20,400,SO-1,2`,
      `${d.code},UNKNOWN-SKU,2026-09-20,5,SO-1,3`,
      `${d.code},${p.sku},2026-09-31,5,SO-1,4`,
      `${d.code},${p.sku},2026-09-20,-5,SO-1,5`,
      `${d.code},${p.sku},2026-09-20,2.5,SO-1,6`,
    ].join("\r\n");
    const first = await loadSellIn(tdb.db, admin, csv);
    expect(first.loaded).toBe(2);
    expect(first.duplicates).toBe(1);
    expect(first.errors.map((e) => e.line)).toEqual([5, 6, 7, 8]);
    expect(first.errors[0]!.message).toContain("Unknown sku UNKNOWN-SKU");
    expect(first.errors[1]!.message).toContain("not a real date");

    const again = await loadSellIn(tdb.db, admin, csv);
    expect(again).toMatchObject({ loaded: 0, duplicates: 3 });

    const page = await listGaps(tdb.db, admin, gapQuerySchema.parse({ period: "2026-09", distributor: d.code, limit: "10" }));
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ sku: p.sku, sellIn: 1000, calculated: 1000, reported: null });
  });

  it("refuses a file without the expected header", async () => {
    await expect(loadSellIn(tdb.db, admin, "a,b,c\n1,2,3")).rejects.toThrow(/header lacks/);
  });

  it("is for staff who manage data, not distributors or rebate analysts", async () => {
    const d = await makeDistributor(tdb.db);
    for (const v of [await makeViewer(tdb.db, "distributor", d), await makeViewer(tdb.db, "rebate_analyst")]) {
      await expect(loadSellIn(tdb.db, v, "distributor_code,sku,ship_date,quantity,document,line\n")).rejects.toBeInstanceOf(AppError);
    }
  });
});
