/**
 * Issue 14 item 4 through the API: an inventory summary that leaves out SKUs the distributor holds
 * (opening stock or sell-in this period, in the maintained ledger) asks about them —
 * `needs: [{ kind: "absentSkus", skus: [{ sku, opening, received }] }]`: keep last period's figures,
 * set them to 0, or leave them for the distributor. The screen asks the same when it applies the file.
 * A read of the ledger in the upload's transaction; it writes nothing.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periodToDate } from "@/lib/domain/periods";
import { num, rows, str, type RowMapper } from "@/db/sql-rows";

/** At most this many SKUs are named (the count says how many in all). */
const LISTED = 2_000;

export interface AbsentSku {
  sku: string;
  opening: number;
  received: number;
}

const absentSkuRow: RowMapper<AbsentSku> = (r) => ({ sku: str(r.sku), opening: num(r.opening), received: num(r.received) });

export async function findAbsentSkus(db: Queryable, distributorId: number, period: string, fileSkus: readonly string[]): Promise<AbsentSku[]> {
  return rows(
    db,
    sql`
      select p.sku, l.opening, l.sell_in as received
        from ledger_balances l join products p on p.id = l.product_id
       where l.distributor_id = ${distributorId} and l.period = ${periodToDate(period)}::date
         and (l.opening > 0 or l.sell_in > 0)
         and not (p.sku = any(${sql.param([...fileSkus])}::text[]))
       order by p.sku
       limit ${LISTED}`,
    absentSkuRow,
  );
}
