import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addMovement, addRevision, makeDistributor, makeViewer } from "@/lib/testing/fixtures";
import * as t from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { refreshLedger } from "../ledger/refresh-ledger";
import { gapQuerySchema, type GapFilterInput } from "@/lib/validation/gaps";
import { listGaps, openGapStream, type GapRow } from "./list-gaps";
import { getGapDetail } from "./gap-detail";
import { getChannelHealth } from "../health/channel-health";
import { asRows } from "@/db/sql-rows";

/**
 * A small channel in its own database: 3 distributors × 6 SKUs (two families) × 2 periods, with
 * ties on |gap|, nulls (unreported rows) and every flag, so filters, sorts, keyset paging and totals
 * can be checked against a plain JS evaluation of the same rows.
 */
let tdb: TestDatabase;
let staff: Viewer;
let dist: Viewer;
const P1 = "2026-09";
const P2 = "2026-10";
const codes: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  const db = tdb.db;
  staff = await makeViewer(db, "channel_manager");
  const tag = Date.now().toString(36).slice(-4).toUpperCase();
  const products = [];
  for (let i = 0; i < 6; i++) {
    const [p] = await db
      .insert(t.products)
      .values({ sku: `T${tag}-${i}`, description: i === 2 ? "=HYPERLINK(\"x\")" : `Part ${i}`, family: i < 3 ? `FA${tag}` : `FB${tag}`, listPrice: "1" })
      .returning();
    products.push(p!);
  }
  for (let k = 0; k < 3; k++) {
    const d = await makeDistributor(db, `G${tag}${k}`);
    codes.push(d.code);
    const v = await makeViewer(db, "distributor", d);
    if (k === 0) dist = v;
    const lines1 = [];
    const lines2 = [];
    for (let i = 0; i < products.length; i++) {
      const p = products[i]!;
      await addMovement(db, { distributorId: d.id, productId: p.id, period: P1, type: "sell_in", quantity: 100 + 10 * i });
      await addMovement(db, { distributorId: d.id, productId: p.id, period: P2, type: "sell_in", quantity: 50 + 20 * k, document: `SO-${tag}-${k}-${i}`, line: "1" });
      lines1.push({ productId: p.id, sold: 60, returned: 0, onHand: 40 + 10 * i });
      // Period 2: gaps of (i % 3) * 30 * (k+1) with sign alternating by SKU; SKU 5 unreported in distributor 2.
      const calc2 = 40 + 10 * i + 50 + 20 * k - 30 * (k + 1);
      const g = ((i % 3) * 30 * (k + 1)) * (i % 2 ? -1 : 1);
      if (!(k === 2 && i === 5)) lines2.push({ productId: p.id, sold: 30 * (k + 1), returned: 0, onHand: Math.max(0, calc2 - g) });
    }
    await addRevision(db, { distributorId: d.id, period: P1, userId: v.userId, lines: lines1 });
    await addRevision(db, { distributorId: d.id, period: P2, userId: v.userId, lines: lines2 });
    await refreshLedger(db, { distributorIds: [d.id] }, "2026-10-01");
  }
});
afterAll(async () => {
  await tdb?.close();
});

const q = (input: GapFilterInput) => gapQuerySchema.parse({ period: P2, distributor: undefined, ...input });
const mine = (rows: GapRow[]) => rows.filter((r) => codes.includes(r.distributor));

async function all(input: GapFilterInput, limit = 4): Promise<GapRow[]> {
  const out: GapRow[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listGaps(tdb.db, staff, q({ ...input, limit: String(limit), cursor }));
    out.push(...page.rows);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

describe(`listGaps (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("is staff only", async () => {
    await expect(listGaps(tdb.db, dist, q({}))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("returns one row per distributor × SKU with the ledger columns, totals over the filtered set", async () => {
    const page = await listGaps(tdb.db, staff, q({ distributor: codes[0], limit: "100" }));
    expect(page.period).toBe(P2);
    expect(page.rows).toHaveLength(6);
    expect(page.totals.rows).toBe(6);
    expect(page.totals.calculated).toBe(page.rows.reduce((a, r) => a + r.calculated, 0));
    expect(page.totals.gap).toBe(page.rows.reduce((a, r) => a + (r.gap ?? 0), 0));
    const r = page.rows.find((x) => x.sku.endsWith("-1"))!;
    expect(r).toMatchObject({ opening: 50, sellIn: 50, sellThrough: 30, calculated: 70, reported: 100, gap: -30 });
    expect(r.gapPct).toBeCloseTo(-42.86, 2);
  });

  it("keyset pages walk every row exactly once, in the sort order, for every sort", async () => {
    const sorts = ["-absGap", "absGap", "gap", "-gap", "-gapPct", "gapPct", "distributor", "-distributor", "sku", "-family", "-reported", "weeksOfSupply", "-newGap", "calculated", "-sellIn"];
    const everything = mine((await listGaps(tdb.db, staff, q({ limit: "5000" }))).rows);
    expect(everything).toHaveLength(18);
    for (const sort of sorts) {
      const walked = mine(await all({ sort }, 4));
      expect(walked.map((r) => `${r.distributor}|${r.sku}`).sort(), sort).toEqual(everything.map((r) => `${r.distributor}|${r.sku}`).sort());
      expect(new Set(walked.map((r) => `${r.distributor}|${r.sku}`)).size, sort).toBe(18);
      const single = mine((await listGaps(tdb.db, staff, q({ sort, limit: "5000" }))).rows);
      expect(walked.map((r) => `${r.distributor}|${r.sku}`), sort).toEqual(single.map((r) => `${r.distributor}|${r.sku}`));
      // Nulls last in either direction.
      const col = sort.replace(/^-/, "") as keyof GapRow;
      if (["absGap", "gap", "gapPct", "reported", "weeksOfSupply", "newGap"].includes(col as string)) {
        const key = col === ("absGap" as string) ? "gap" : col;
        const firstNull = walked.findIndex((r) => r[key] === null);
        if (firstNull >= 0) expect(walked.slice(firstNull).every((r) => r[key] === null), sort).toBe(true);
      }
    }
  });

  it("sorts by |gap| desc by default, ties broken stably", async () => {
    const rows = mine(await all({}, 5));
    const abs = rows.map((r) => (r.gap === null ? -1 : Math.abs(r.gap)));
    expect(abs).toEqual([...abs].sort((a, b) => b - a));
    expect(rows[rows.length - 1]!.gap).toBeNull();
  });

  it("filters by distributor, family, SKU prefix, thresholds, flags (any of) and significant mismatches", async () => {
    const base = mine((await listGaps(tdb.db, staff, q({ limit: "5000" }))).rows);
    const check = async (input: GapFilterInput, pred: (r: GapRow) => boolean) => {
      const got = mine((await listGaps(tdb.db, staff, q({ ...input, limit: "5000" }))).rows).map((r) => `${r.distributor}|${r.sku}`).sort();
      const want = base.filter(pred).map((r) => `${r.distributor}|${r.sku}`).sort();
      expect(got, JSON.stringify(input)).toEqual(want);
      expect(want.length, JSON.stringify(input)).toBeGreaterThan(0);
    };
    await check({ distributor: codes[1]!.toLowerCase() }, (r) => r.distributor === codes[1]);
    await check({ family: base[0]!.family }, (r) => r.family === base[0]!.family);
    await check({ sku: base[0]!.sku.slice(0, -1).toLowerCase() }, () => true);
    await check({ sku: base[0]!.sku }, (r) => r.sku === base[0]!.sku);
    await check({ minAbsGap: "60" }, (r) => r.gap !== null && Math.abs(r.gap) >= 60);
    await check({ minGapPct: "40" }, (r) => r.gapPct !== null && Math.abs(r.gapPct) >= 40);
    await check({ flag: "unreported" }, (r) => r.flags.includes("unreported"));
    await check({ flag: "unreported,new_gap" }, (r) => r.flags.includes("unreported") || r.flags.includes("new_gap"));
    await check({ significant: "1" }, (r) => r.gap !== null && (Math.abs(r.gap) >= 50 || (r.gapPct !== null && Math.abs(r.gapPct) >= 10)));
  });

  it("rejects a forged cursor and an unknown flag or sort", async () => {
    await expect(listGaps(tdb.db, staff, q({ cursor: "bm9wZQ" }))).rejects.toMatchObject({ code: "validation_failed" });
    await expect(listGaps(tdb.db, staff, q({ cursor: Buffer.from('["x",1,2]').toString("base64url") }))).rejects.toMatchObject({ code: "validation_failed" });
    expect(gapQuerySchema.safeParse({ flag: "excess,bogus" }).success).toBe(false);
    expect(gapQuerySchema.safeParse({ sort: "-password" }).success).toBe(false);
  });

  it("streams every matching row for exports, up to a cap", async () => {
    const s = await openGapStream(tdb.db, staff, q({}), { batch: 4 });
    const rows: GapRow[] = [];
    for await (const page of s.rows()) rows.push(...page);
    expect(mine(rows)).toHaveLength(18);
    const capped = await openGapStream(tdb.db, staff, q({ distributor: codes[0] }), { batch: 4, cap: 5 });
    let n = 0;
    for await (const page of capped.rows()) n += page.length;
    expect(n).toBe(5);
  });
});

describe("gap drill-down and channel health", () => {
  it("gives a row's ledger history, movements, revisions and exceptions", async () => {
    const sku = (await listGaps(tdb.db, staff, q({ distributor: codes[0], limit: "1", sort: "sku" }))).rows[0]!.sku;
    const d = await getGapDetail(tdb.db, staff, { distributor: codes[0]!, sku, period: P2 });
    expect(d.ledger.map((l) => l.period)).toEqual([P1, P2]);
    expect(d.ledger[1]).toMatchObject({ opening: d.ledger[0]!.calculated, sellIn: 50 });
    expect(d.movements.find((m) => m.period === P2)).toMatchObject({ type: "sell_in", quantity: 50, signed: 50, documentLine: "1" });
    expect(d.revisions.map((r) => r.period)).toEqual([P2, P1]);
    expect(d.revisions[0]).toMatchObject({ revision: 1, latest: true });
    await expect(getGapDetail(tdb.db, dist, { distributor: codes[0]!, sku })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getGapDetail(tdb.db, staff, { distributor: codes[0]!, sku: "NOPE-404" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("aggregates the channel, a distributor and a family in SQL", async () => {
    const h = await getChannelHealth(tdb.db, staff, { period: P2, distributor: codes[2], family: undefined });
    expect(h.series.map((s) => s.period)).toEqual([P1, P2]);
    const rows = (await listGaps(tdb.db, staff, q({ distributor: codes[2], limit: "100" }))).rows;
    const cur = h.series[1]!;
    expect(cur.sellIn).toBe(rows.reduce((a, r) => a + r.sellIn, 0));
    expect(cur.calculated).toBe(rows.reduce((a, r) => a + r.calculated, 0));
    expect(cur.reported).toBe(rows.reduce((a, r) => a + (r.reported ?? 0), 0));
    expect(cur.reportedRows).toBe(5);
    expect(h.current.unreported).toBe(1);
    expect(h.distributors).toHaveLength(1);
    expect(h.distributors[0]).toMatchObject({ code: codes[2], rows: 6, unreported: 1, absGap: rows.reduce((a, r) => a + Math.abs(r.gap ?? 0), 0) });
    expect(h.topSkus[0]!.gap).toBe(Math.max(...rows.map((r) => Math.abs(r.gap ?? 0))) * Math.sign(h.topSkus[0]!.gap));

    const fam = rows[0]!.family;
    const hf = await getChannelHealth(tdb.db, staff, { period: P2, distributor: undefined, family: fam });
    const famRows = mine((await listGaps(tdb.db, staff, q({ family: fam, limit: "100" }))).rows);
    const mineInSeries = hf.distributors.filter((d) => codes.includes(d.code));
    expect(mineInSeries.reduce((a, d) => a + d.rows, 0)).toBe(famRows.length);
    await expect(getChannelHealth(tdb.db, dist, { period: P2, distributor: undefined, family: undefined })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists the exceptions on the row", async () => {
    const sku = (await listGaps(tdb.db, staff, q({ distributor: codes[1], limit: "1", sort: "sku" }))).rows[0]!;
    const ids = asRows<{ d: number; p: number }>(
      await tdb.db.execute(sql`select d.id as d, p.id as p from distributors d, products p where d.code = ${codes[1]} and p.sku = ${sku.sku}`),
    )[0]!;
    await tdb.db.insert(t.exceptions).values({ distributorId: ids.d, productId: ids.p, period: "2026-10-01", status: "investigating", reason: "timing", ownerId: staff.userId, gapAtOpen: 60 });
    const d = await getGapDetail(tdb.db, staff, { distributor: codes[1]!, sku: sku.sku, period: P2 });
    expect(d.exceptions).toHaveLength(1);
    expect(d.exceptions[0]).toMatchObject({ period: P2, status: "investigating", reason: "timing", owner: "channel_manager", gapAtOpen: 60 });
  });
});
