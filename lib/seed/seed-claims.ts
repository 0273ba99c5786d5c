/**
 * Ship & debit in the demo (issue 17): for three distributors (lib/seed/demo/claims-cast.ts) the
 * line-level POS behind their latest report, the authorisations the rebate team issued, and claims
 * sent through `submitClaim` — so the same validation as the screen, files and the API decides every
 * line (lib/seed/demo/claims-plan.ts says which outcome each line is written to get). Runs inside
 * the demo seed's transaction; does nothing when the demo already has authorisations.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { saveAuthorizations } from "@/lib/dal/claims/authorizations";
import { submitClaim } from "@/lib/dal/claims/submit-claim";
import { date, firstRow, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";
import type { ReasonCode } from "@/lib/domain/claims/reasons";
import { CLAIMANTS, type ClaimantDef } from "./demo/claims-cast";
import { planClaims, type ClaimsPlan } from "./demo/claims-plan";
import { storeDemoPosLines } from "./seed-pos-lines";

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A user joined to its distributor, as the data layer sees a signed-in user. */
const viewerRow: RowMapper<Viewer> = (r) => ({
  userId: str(r.id), email: str(r.email), name: str(r.name), role: str(r.role) as Viewer["role"],
  distributorId: numOrNull(r.distributor_id), distributorCode: strOrNull(r.code), distributorName: strOrNull(r.dname), via: "session",
});

/** A line of the latest report: sold per SKU, its list price and first sell-in cost date. */
interface ReportLine {
  sku: string;
  product_id: number;
  sold: number;
  list_price: number;
  first_cost: string | null;
}
const reportLineRow: RowMapper<ReportLine> = (r) => ({
  sku: str(r.sku), product_id: num(r.product_id), sold: num(r.sold), list_price: num(r.list_price), first_cost: strOrNull(r.first_cost),
});

interface Claimant {
  def: ClaimantDef;
  viewer: Viewer;
  period: string;
  reportedAt: number;
  plan: ClaimsPlan;
}

/** The first user of a role, or of a distributor, as the data layer sees a signed-in user. */
async function userViewer(tx: Queryable, where: { distributorCode?: string; role?: string }): Promise<Viewer | null> {
  const u = await firstRow(
    tx,
    sql`select u.id, u.email, u.name, u.role, u.distributor_id, d.code, d.name as dname
      from users u left join distributors d on d.id = u.distributor_id
      where ${where.distributorCode ? sql`d.code = ${where.distributorCode} and u.role = 'distributor'` : sql`u.role = ${where.role!}`} order by u.email limit 1`,
    viewerRow,
  );
  return u ?? null;
}

/** The distributor's latest reported period: its latest revision, sold per SKU, list prices and first sell-in cost dates. */
async function latestReport(tx: Queryable, distributorId: number) {
  const head = await firstRow(tx, sql`
    select to_char(s.period, 'YYYY-MM') as period, s.latest_revision_id as revision_id, r.submitted_at
    from submissions s join submission_revisions r on r.id = s.latest_revision_id
    where s.distributor_id = ${distributorId} order by s.period desc limit 1`,
  (r) => ({ period: str(r.period), revision_id: str(r.revision_id), submitted_at: date(r.submitted_at) }));
  if (!head) return null;
  const lines = await rows(tx, sql`
    select p.sku, p.id as product_id, l.sold, p.list_price::text,
      (select min(m.occurred_on)::text from movements m where m.distributor_id = ${distributorId} and m.product_id = p.id
        and m.type = 'sell_in' and m.unit_cost is not null) as first_cost
    from submission_lines l join products p on p.id = l.product_id
    where l.revision_id = ${head.revision_id}::uuid`, reportLineRow);
  return { ...head, rows: lines };
}

/** A stored claim revision and the reason each of its lines was written to get. */
export interface SeededClaim {
  distributor: string;
  reference: string;
  id: string;
  revision: number;
  expect: (ReasonCode | null)[];
}

/** Seeds the claims; returns the revisions stored (none when the demo already has authorisations). */
export async function seedClaims(tx: Queryable, today = new Date()): Promise<SeededClaim[]> {
  const existing = await firstRow(tx, sql`select count(*)::int as n from sd_authorizations`, (r) => ({ n: num(r.n) }));
  if ((existing?.n ?? 0) > 0) return [];
  const analyst = await userViewer(tx, { role: "rebate_analyst" });
  if (!analyst) return [];

  const claimants: Claimant[] = [];
  let foreign: string | null = null;
  for (const def of CLAIMANTS) {
    const viewer = await userViewer(tx, { distributorCode: def.code });
    if (!viewer?.distributorId) continue;
    const report = await latestReport(tx, viewer.distributorId);
    if (!report) continue;
    const bySku = new Map(report.rows.map((r) => [r.sku, r]));
    const plan = planClaims({
      def, period: report.period, sold: report.rows.map((r) => ({ sku: r.sku, sold: r.sold })),
      listPrice: (sku) => bySku.get(sku)!.list_price, firstCostDate: (sku) => bySku.get(sku)?.first_cost ?? null,
      foreignAuthorization: foreign,
    });
    foreign ??= plan.authorizations[0]?.number ?? null;
    await storeDemoPosLines(tx, {
      distributorId: viewer.distributorId, userId: viewer.userId, period: report.period, revisionId: report.revision_id,
      fileName: `${def.code.toLowerCase()}-pos-${report.period}.csv`, sales: plan.sales, productId: (sku) => bySku.get(sku)!.product_id,
    });
    claimants.push({ def, viewer, period: report.period, reportedAt: report.submitted_at.getTime(), plan });
  }

  const saved = await saveAuthorizations(tx, analyst, claimants.flatMap((c) => c.plan.authorizations));
  if (saved.errors.length) throw new Error(`Demo authorisations refused: ${JSON.stringify(saved.errors.slice(0, 3))}`);

  // Claims in the order they were sent: each some days after its POS report, never after today.
  const sends = claimants.flatMap((c) =>
    c.plan.claims.flatMap((claim, k) => claim.revisions.map((rev, r) => ({ c, claim, k, r, rev, at: Math.min(c.reportedAt + rev.afterDays * DAY, today.getTime() - (30 - k * 4 - r) * MINUTE) }))),
  ).sort((a, b) => a.at - b.at || a.r - b.r);
  const ids = new Map<string, string>();
  const out: SeededClaim[] = [];
  for (const s of sends) {
    const key = `${s.c.def.code}|${s.k}`;
    const stored = await submitClaim(
      tx, s.c.viewer,
      { period: s.c.period, reference: s.claim.reference, claim: ids.get(key) ?? null, lines: s.rev.lines.map((l, i) => ({ ...l, line: i + 1 })) },
      { source: s.c.def.source, fileName: s.claim.fileName, now: new Date(s.at) },
    );
    ids.set(key, stored.id);
    out.push({ distributor: s.c.def.code, reference: s.claim.reference, id: stored.id, revision: stored.revision, expect: s.rev.expect });
  }
  return out;
}
