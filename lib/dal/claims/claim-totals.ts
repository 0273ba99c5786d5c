import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";

/** Recomputes a revision's stored totals from its lines (one aggregate, in the writing transaction). */
export async function storeClaimTotals(tx: Queryable, revisionId: string): Promise<void> {
  await tx.execute(sql`update claim_revisions r set totals = t.totals from (
      select jsonb_build_object(
        'lines', count(*),
        'quantity', coalesce(sum(quantity), 0),
        'claimed', to_char(coalesce(sum(claimed_amount), 0), 'FM999999999999990.00'),
        'approved', jsonb_build_object('lines', count(*) filter (where outcome = 'approved'),
          'amount', to_char(coalesce(sum(approved_amount) filter (where outcome = 'approved'), 0), 'FM999999999999990.00')),
        'adjusted', jsonb_build_object('lines', count(*) filter (where outcome = 'adjusted'),
          'claimed', to_char(coalesce(sum(claimed_amount) filter (where outcome = 'adjusted'), 0), 'FM999999999999990.00'),
          'amount', to_char(coalesce(sum(approved_amount) filter (where outcome = 'adjusted'), 0), 'FM999999999999990.00')),
        'rejected', jsonb_build_object('lines', count(*) filter (where outcome = 'rejected'),
          'claimed', to_char(coalesce(sum(claimed_amount) filter (where outcome = 'rejected'), 0), 'FM999999999999990.00')),
        'payable', to_char(coalesce(sum(approved_amount) filter (where outcome <> 'rejected'), 0), 'FM999999999999990.00')
      ) as totals
      from claim_lines where revision_id = ${revisionId}::uuid) t
    where r.id = ${revisionId}::uuid`);
}
