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
import { asRows } from "@/lib/dal/sql-rows";
import type { ReasonCode } from "@/lib/domain/claims/reasons";
import { CLAIMANTS, type ClaimantDef } from "./demo/claims-cast";
import { planClaims, type ClaimsPlan } from "./demo/claims-plan";
import { storeDemoPosLines } from "./seed-pos-lines";

const DAY = 86_400_000;
const MINUTE = 60_000;

interface Claimant {
  def: ClaimantDef;
  viewer: Viewer;
  period: string;
  reportedAt: number;
  plan: ClaimsPlan;
}

/** The first user of a role, or of a distributor, as the data layer sees a signed-in user. */
async function userViewer(tx: Queryable, where: { distributorCode?: string; role?: string }): Promise<Viewer | null> {
  const [u] = asRows<{ id: string; email: string; name: string; role: Viewer["role"]; distributor_id: number | null; code: string | null; dname: string | null }>(
    await tx.execute(sql`select u.id, u.email, u.name, u.role, u.distributor_id, d.code, d.name as dname
      from users u left join distributors d on d.id = u.distributor_id
      where ${where.distributorCode ? sql`d.code = ${where.distributorCode} and u.role = 'distributor'` : sql`u.role = ${where.role!}`} order by u.email limit 1`),
  );
  if (!u) return null;
  return {
    userId: u.id, email: u.email, name: u.name, role: u.role, distributorId: u.distributor_id, distributorCode: u.code, distributorName: u.dname, via: "session",
  };
}

/** The distributor's latest reported period: its latest revision, sold per SKU, list prices and first sell-in cost dates. */
async function latestReport(tx: Queryable, distributorId: number) {
  const [head] = asRows<{ period: string; revision_id: string; submitted_at: string }>(await tx.execute(sql`
    select to_char(s.period, 'YYYY-MM') as period, s.latest_revision_id as revision_id, r.submitted_at
    from submissions s join submission_revisions r on r.id = s.latest_revision_id
    where s.distributor_id = ${distributorId} order by s.period desc limit 1`));
  if (!head) return null;
  const rows = asRows<{ sku: string; product_id: number; sold: number; list_price: string; first_cost: string | null }>(await tx.execute(sql`
    select p.sku, p.id as product_id, l.sold, p.list_price::text,
      (select min(m.occurred_on)::text from movements m where m.distributor_id = ${distributorId} and m.product_id = p.id
        and m.type = 'sell_in' and m.unit_cost is not null) as first_cost
    from submission_lines l join products p on p.id = l.product_id
    where l.revision_id = ${head.revision_id}::uuid`));
  return { ...head, rows };
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
  const [existing] = asRows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from sd_authorizations`));
  if (Number(existing?.n ?? 0) > 0) return [];
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
      def, period: report.period, sold: report.rows.map((r) => ({ sku: r.sku, sold: Number(r.sold) })),
      listPrice: (sku) => Number(bySku.get(sku)!.list_price), firstCostDate: (sku) => bySku.get(sku)?.first_cost ?? null,
      foreignAuthorization: foreign,
    });
    foreign ??= plan.authorizations[0]?.number ?? null;
    await storeDemoPosLines(tx, {
      distributorId: viewer.distributorId, userId: viewer.userId, period: report.period, revisionId: report.revision_id,
      fileName: `${def.code.toLowerCase()}-pos-${report.period}.csv`, sales: plan.sales, productId: (sku) => Number(bySku.get(sku)!.product_id),
    });
    claimants.push({ def, viewer, period: report.period, reportedAt: new Date(report.submitted_at).getTime(), plan });
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
