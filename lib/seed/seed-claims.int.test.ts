/**
 * The demo's ship & debit (issue 17 item 6): claims sent through the real `submitClaim` get exactly the
 * outcome each line was written for — every outcome and the adjust reasons present, a duplicate and a
 * claim without a supporting sale rejected — backed by line-level POS and sell-in unit costs; seeding
 * a second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { withDbContext, SYSTEM } from "@/db/rls";
import { asRows } from "@/db/sql-rows";
import { buildDemoData } from "./demo";
import { seedDemo } from "./seed-demo";
import { seedClaims, type SeededClaim } from "./seed-claims";

const TODAY = new Date("2026-12-04T02:40:00Z");
let tdb: TestDatabase;
let seeded: SeededClaim[];

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemo(tdb.db, buildDemoData(TODAY), TODAY, { claims: false });
  seeded = await withDbContext(tdb.db, SYSTEM, (tx) => seedClaims(tx, TODAY));
});

afterAll(async () => tdb?.close());

const run = <T>(q: ReturnType<typeof sql>) => withDbContext(tdb.db, SYSTEM, async (tx) => asRows<T>(await tx.execute(q)));

describe("demo claims", () => {
  it("every line gets the outcome it was written for", async () => {
    expect(seeded.length).toBeGreaterThanOrEqual(7);
    for (const c of seeded) {
      const lines = await run<{ line_no: number; reason_code: string | null }>(sql`select cl.line_no, cl.reason_code from claim_lines cl
        join claim_revisions r on r.id = cl.revision_id where r.claim_id = ${c.id}::uuid and r.revision = ${c.revision} order by cl.line_no`);
      expect({ claim: `${c.distributor} ${c.reference} r${c.revision}`, codes: lines.map((l) => l.reason_code) }).toEqual({
        claim: `${c.distributor} ${c.reference} r${c.revision}`, codes: c.expect,
      });
    }
  });

  it("three distributors, each with approved, adjusted and rejected lines, a duplicate and a claim without a sale", async () => {
    const rows = await run<{ code: string; outcome: string; reason_code: string | null }>(sql`select d.code, cl.outcome, cl.reason_code
      from claims c join claim_lines cl on cl.revision_id = c.latest_revision_id join distributors d on d.id = c.distributor_id`);
    const codes = [...new Set(rows.map((r) => r.code))].sort();
    expect(codes).toEqual(["CES", "KCE", "NWC"]);
    for (const code of codes) {
      const mine = rows.filter((r) => r.code === code);
      expect(new Set(mine.map((r) => r.outcome)), code).toEqual(new Set(["approved", "adjusted", "rejected"]));
      expect(mine.map((r) => r.reason_code), code).toEqual(expect.arrayContaining(["DUPLICATE", "NO_POS_SALE"]));
    }
    const all = new Set(rows.map((r) => r.reason_code));
    for (const reason of ["OVER_LIMIT", "OVER_SOLD", "BOOK_COST", "AUTHORIZED_COST", "AMOUNT", "POS_CUSTOMER_MISMATCH", "AUTH_EXPIRED", "AUTH_NOT_YOURS"]) {
      expect(all.has(reason), reason).toBe(true);
    }
  });

  it("a corrected claim keeps its history: revision 1 rejected a misspelt customer, revision 2 is approved", async () => {
    const [c] = await run<{ id: string; latest_revision: number }>(sql`select c.id, c.latest_revision from claims c
      join distributors d on d.id = c.distributor_id where d.code = 'NWC' and c.latest_revision = 2`);
    expect(c).toBeTruthy();
    const byRevision = await run<{ revision: number; outcomes: string }>(sql`select r.revision, string_agg(cl.outcome, ',' order by cl.line_no) as outcomes
      from claim_revisions r join claim_lines cl on cl.revision_id = r.id where r.claim_id = ${c!.id}::uuid group by r.revision order by r.revision`);
    expect(byRevision).toEqual([{ revision: 1, outcomes: "rejected,approved" }, { revision: 2, outcomes: "approved,approved" }]);
  });

  it("the claims rest on reported line-level POS and sell-in unit costs", async () => {
    const [pos] = await run<{ uploads: number; lines: number }>(sql`select count(distinct r.upload_id)::int as uploads, coalesce(sum(b.line_count), 0)::int as lines
      from submissions s join submission_revisions r on r.id = s.latest_revision_id join pos_line_blocks b on b.upload_id = r.upload_id`);
    expect(pos!.uploads).toBe(3);
    expect(pos!.lines).toBeGreaterThan(100);
    // The POS lines add up to what each revision reported sold.
    const [off] = await run<{ n: number }>(sql`with kept as (
        select r.id as revision_id, (string_to_array(t.line, chr(9)))[1]::int as product_id, sum((string_to_array(t.line, chr(9)))[4]::int) as q
        from submissions s join submission_revisions r on r.id = s.latest_revision_id join pos_line_blocks b on b.upload_id = r.upload_id
        cross join lateral string_to_table(b.lines, chr(10)) as t(line) where t.line <> '' group by 1, 2)
      select count(*)::int as n from submission_lines l join kept k on k.revision_id = l.revision_id and k.product_id = l.product_id where k.q <> l.sold`);
    expect(off!.n).toBe(0);
    const [cost] = await run<{ missing: number }>(sql`select count(*)::int as missing from movements where type = 'sell_in' and unit_cost is null`);
    expect(cost!.missing).toBe(0);
  });

  it("adds nothing on a second run", async () => {
    expect(await withDbContext(tdb.db, SYSTEM, (tx) => seedClaims(tx, TODAY))).toEqual([]);
  });
});
