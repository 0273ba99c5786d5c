import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";

/**
 * Recounts, for the given submissions (all when omitted), the SKUs that had stock or sell-in in
 * the period but are absent from the latest revision: what makes a submission "incomplete".
 * Reads the maintained ledger, so call it after refreshLedger.
 */
export async function updateMissingSkus(db: Queryable, submissionIds?: string[]) {
  const only: SQL = submissionIds ? sql`and s.id = any(${sql.param(submissionIds)}::uuid[])` : sql``;
  await db.execute(sql`
    update submissions s set missing_skus = coalesce((
      select count(*) from ledger_balances l
       where l.distributor_id = s.distributor_id and l.period = s.period
         and (l.opening > 0 or l.sell_in > 0)
         and not exists (select 1 from submission_lines x where x.revision_id = s.latest_revision_id and x.product_id = l.product_id)
    ), 0)
    where true ${only}`);
}
