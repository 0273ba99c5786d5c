import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { latestEndedPeriod } from "@/lib/domain/periods";
import { exceptionQuerySchema } from "@/lib/validation/exceptions";
import { gapQuerySchema, healthQuerySchema } from "@/lib/validation/gaps";
import { complianceQuerySchema } from "@/lib/validation/compliance";
import { auditQuerySchema, productListQuerySchema } from "@/lib/validation/admin-csv";
import { asRows } from "@/db/sql-rows";
import { rollLedger } from "./ledger/roll-ledger";
import { loadSellIn } from "./sell-in/load-sell-in";
import { submitPeriod } from "./submissions/submit-period";
import { proposeCorrection } from "./corrections/corrections";
import { listExceptions } from "./exceptions/list-exceptions";
import { getException } from "./exceptions/get-exception";
import { countQuestionedRows } from "./exceptions/sync-automatic";
import { listGaps } from "./gaps/list-gaps";
import { getGapDetail } from "./gaps/gap-detail";
import { getGapFacets } from "./gaps/gap-facets";
import { getChannelHealth } from "./health/channel-health";
import { getReportQuality } from "./gaps/report-quality";
import { listCompliance } from "./compliance/list-compliance";
import { listPeriods } from "./periods/list-periods";
import { listSubmissionHistory } from "./submissions/list-submission-history";
import { getSubmissionView } from "./submissions/get-submission-view";
import { listRevisions } from "./submissions/list-revisions";
import { getRevision } from "./submissions/get-revision";
import { getDraft } from "./drafts/get-draft";
import { listPrograms } from "./rebates/programs";
import { getRebateStanding, listStanding } from "./rebates/get-rebate-standing";
import { adminOverview } from "./admin/admin-overview";
import { listAudit } from "./audit/list-audit";
import { listOutbox } from "./reminders/list-outbox";
import { listDistributors } from "./admin/list-distributors";
import { listProducts } from "./admin/list-products";
import { listUsers } from "./admin/list-users";
import { searchProducts } from "./catalogue/search-products";
import { getProfile } from "./accounts/profile";
import { resetLinkUsable } from "./accounts/reset-password";

/**
 * Reads write nothing (issue 11 item 2, issue 14 item 5): every DAL read behind the pages and GET
 * routes, as each role, changes no row of any table — not the ledger (no carry-forward of a month
 * that ended while the job had not run), not the exceptions (no opening when listed), not the periods.
 * Each table is fingerprinted by its row count and the sum of its rows' versions (xmin): an insert,
 * update or delete changes it.
 */
const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
let admin: Viewer, manager: Viewer, manager2: Viewer, analyst: Viewer, partner: Viewer;
let code = "";
let sku = "";
let exceptionId = "";

async function fingerprint(): Promise<Record<string, string>> {
  const tables = asRows<{ t: string }>(
    await tdb.db.execute(sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [r] = asRows<{ n: string; v: string }>(
      await tdb.db.execute(sql`select count(*)::text as n, coalesce(sum(xmin::text::bigint), 0)::text as v from ${sql.identifier(t)}`),
    );
    out[t] = `${r!.n}/${r!.v}`;
  }
  return out;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  admin = await makeViewer(tdb.db, "admin");
  manager = await makeViewer(tdb.db, "channel_manager");
  manager2 = await makeViewer(tdb.db, "channel_manager");
  analyst = await makeViewer(tdb.db, "rebate_analyst");
  const d = await makeDistributor(tdb.db);
  const other = await makeDistributor(tdb.db);
  partner = await makeViewer(tdb.db, "distributor", d);
  const otherUser = await makeViewer(tdb.db, "distributor", other);
  const products = [await makeProduct(tdb.db), await makeProduct(tdb.db), await makeProduct(tdb.db)];
  code = d.code;
  sku = products[0]!.sku;
  // Built through August 2026 only: every month since has ended without the job running, which is
  // exactly when reads used to carry the ledger forward themselves.
  await rollLedger(tdb.db, new Date("2026-09-15T12:00:00Z"));
  const lines = ["distributor_code,sku,ship_date,quantity,document,line"];
  let n = 0;
  for (const dist of [d, other]) for (const p of products) for (const day of ["2026-07-03", "2026-08-03"]) lines.push(`${dist.code},${p.sku},${day},500,SO-R${++n},1`);
  await loadSellIn(tdb.db, admin, lines.join("\n"));
  for (const [v, period] of [[partner, "2026-07"], [partner, "2026-08"], [otherUser, "2026-07"]] as const) {
    await submitPeriod(tdb.db, v, {
      period, source: "api", now: new Date("2026-09-05T12:00:00Z"),
      body: { baseRevision: null, lines: products.map((p, i) => ({ sku: p.sku, sold: 300, returned: 0, onHand: i === 0 ? 150 : 200 + (period === "2026-08" ? 200 : 0) })) },
    });
  }
  const [e] = asRows<{ id: string }>(await tdb.db.execute(sql`select id from exceptions where distributor_id = ${d.id} order by period limit 1`));
  exceptionId = e!.id;
  await proposeCorrection(tdb.db, manager, exceptionId, { quantity: -50, type: "transfer", reason: "To another branch" });
  void manager2;
});
afterAll(async () => tdb?.close());

describe(`reads write nothing (${label})`, () => {
  it("every staff and distributor read leaves every table as it was, and says when a period is being prepared", async () => {
    const latest = latestEndedPeriod(new Date(), "UTC");
    const before = await fingerprint();
    expect(Number(before.exceptions!.split("/")[0])).toBeGreaterThan(0);

    // Staff: the gap view (default period: a month the job has not built), its detail, health, exceptions, compliance, admin.
    for (const v of [admin, manager, analyst]) {
      const gaps = await listGaps(tdb.db, v, gapQuerySchema.parse({}));
      expect(gaps.period).toBe(latest);
      expect(gaps.preparing).toBe(true);
      const aug = await listGaps(tdb.db, v, gapQuerySchema.parse({ period: "2026-08" }));
      expect(aug.preparing).toBe(false);
      expect(aug.rows.length).toBeGreaterThan(0);
      await getGapDetail(tdb.db, v, { distributor: code, sku });
      await getGapDetail(tdb.db, v, { distributor: code, sku, period: "2026-08" });
      await getGapFacets(tdb.db, v);
      await getReportQuality(tdb.db, v, { distributor: code, period: "2026-08" });
      await getChannelHealth(tdb.db, v, healthQuerySchema.parse({}));
      await getChannelHealth(tdb.db, v, healthQuerySchema.parse({ distributor: code }));
      await listExceptions(tdb.db, v, exceptionQuerySchema.parse({}));
      await listExceptions(tdb.db, v, exceptionQuerySchema.parse({ period: latest }));
      await listExceptions(tdb.db, v, exceptionQuerySchema.parse({ period: "2026-08", status: "active" }));
      await getException(tdb.db, v, exceptionId);
      await listCompliance(tdb.db, v, complianceQuerySchema.parse({}));
      await listCompliance(tdb.db, v, complianceQuerySchema.parse({ from: "2026-01", to: latest }));
      await listPeriods(tdb.db, v);
      await listSubmissionHistory(tdb.db, v, { distributorCode: code });
      await getSubmissionView(tdb.db, v, { period: "2026-08", distributorCode: code });
      await listRevisions(tdb.db, v, { period: "2026-08", distributorCode: code });
      await getRevision(tdb.db, v, { period: "2026-08", revision: 1, distributorCode: code });
      await listPrograms(tdb.db, v);
      await searchProducts(tdb.db, v, { query: sku.slice(0, 6) });
    }
    for (const v of [admin, manager]) {
      await adminOverview(tdb.db, v);
      await listOutbox(tdb.db, v);
    }
    await listAudit(tdb.db, admin, auditQuerySchema.parse({}));
    await listDistributors(tdb.db, admin);
    await listProducts(tdb.db, admin, productListQuerySchema.parse({}));
    await listUsers(tdb.db, admin);

    // The distributor: its exceptions, history, the submit page's reads, compliance, rebate standing.
    await listExceptions(tdb.db, partner, exceptionQuerySchema.parse({}));
    await getException(tdb.db, partner, exceptionId);
    await listPeriods(tdb.db, partner);
    await listSubmissionHistory(tdb.db, partner);
    await getSubmissionView(tdb.db, partner, { period: latest });
    await getSubmissionView(tdb.db, partner, { period: "2026-08" });
    await listRevisions(tdb.db, partner, { period: "2026-08" });
    await getRevision(tdb.db, partner, { period: "2026-08", revision: 1 });
    await getDraft(tdb.db, partner, { period: latest });
    await listCompliance(tdb.db, partner, complianceQuerySchema.parse({}));
    await listStanding(tdb.db, partner);
    await getRebateStanding(tdb.db, partner);
    await countQuestionedRows(tdb.db, partner, "2026-08");
    await searchProducts(tdb.db, partner, { query: sku.slice(0, 6) });

    // Everyone's profile page; the page a reset link opens (looking at a link uses nothing up).
    for (const v of [admin, manager, analyst, partner]) await getProfile(tdb.db, v);
    await resetLinkUsable(tdb.db, "A".repeat(43));

    expect(await fingerprint()).toEqual(before);
  });
});
