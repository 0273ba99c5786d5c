import { sql, type SQL } from "drizzle-orm";
import { movementColumnSql } from "@/lib/domain/movements";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/ledger";

export interface LedgerScope {
  distributorIds?: number[];
  productIds?: number[];
}

function scopeFilter(scope: LedgerScope, d: string, p: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (scope.distributorIds) parts.push(sql`${sql.raw(d)} = any(${sql.param(scope.distributorIds)}::int[])`);
  if (scope.productIds) parts.push(sql`${sql.raw(p)} = any(${sql.param(scope.productIds)}::int[])`);
  return sql.join(parts, sql` and `);
}

const col = (c: Parameters<typeof movementColumnSql>[2]) => sql.raw(movementColumnSql("m.type", "m.quantity", c));

/**
 * The running ledger for a scope, as one SELECT: the movements (manufacturer side) and the latest
 * submission revision (distributor side) become per-period facts, densified from each
 * distributor × product's first activity to `lastPeriod`, then running sums and trailing windows.
 * Each movement's sign comes from lib/domain/movements, the one place it is decided.
 */
export function ledgerSelect(scope: LedgerScope, lastPeriod: string, t = DEFAULT_THRESHOLDS): SQL {
  return sql`
with mv as (
  select m.distributor_id, m.product_id, m.period, m.type::text as type, m.quantity
    from movements m where ${scopeFilter(scope, "m.distributor_id", "m.product_id")}
  union all
  select s.distributor_id, l.product_id, s.period, 'sell_through', l.sold
    from submissions s join submission_lines l on l.revision_id = s.latest_revision_id
   where l.sold <> 0 and ${scopeFilter(scope, "s.distributor_id", "l.product_id")}
  union all
  select s.distributor_id, l.product_id, s.period, 'return_to_vendor', l.returned
    from submissions s join submission_lines l on l.revision_id = s.latest_revision_id
   where l.returned <> 0 and ${scopeFilter(scope, "s.distributor_id", "l.product_id")}
),
facts as (
  select m.distributor_id, m.product_id, m.period,
         sum(${col("opening")})::int as opening_balance,
         sum(${col("sellIn")})::int as sell_in,
         sum(${col("sellThrough")})::int as sell_through,
         sum(${col("returns")})::int as returns,
         sum(${col("adjustments")})::int as adjustments
    from mv m group by 1, 2, 3
),
rep as (
  select s.distributor_id, l.product_id, s.period, l.on_hand as reported
    from submissions s join submission_lines l on l.revision_id = s.latest_revision_id
   where ${scopeFilter(scope, "s.distributor_id", "l.product_id")}
),
bounds as (
  select distributor_id, product_id, min(period) as first_period, max(period) as last_period
    from (select distributor_id, product_id, period from facts union all select distributor_id, product_id, period from rep) x
   group by 1, 2
),
dense as (
  select b.distributor_id, b.product_id, g::date as period
    from bounds b,
         generate_series(b.first_period, greatest(b.last_period, ${lastPeriod}::date), interval '1 month') g
),
joined as (
  select d.distributor_id, d.product_id, d.period,
         coalesce(f.opening_balance, 0) as opening_balance, coalesce(f.sell_in, 0) as sell_in,
         coalesce(f.sell_through, 0) as sell_through, coalesce(f.returns, 0) as returns,
         coalesce(f.adjustments, 0) as adjustments, r.reported
    from dense d
    left join facts f using (distributor_id, product_id, period)
    left join rep r using (distributor_id, product_id, period)
),
run as (
  select j.*,
         sum(opening_balance + sell_in - sell_through - returns + adjustments) over w as calculated,
         sum(sell_through) over (w rows between 2 preceding and current row) as st3,
         sum(sell_in) over (w rows between 2 preceding and current row) as si3,
         coalesce(sum(sell_through) over (w rows between 5 preceding and 3 preceding), 0) as st_prior3,
         least(row_number() over w, 3) as n3
    from joined j
  window w as (partition by distributor_id, product_id order by period)
),
gapped as (
  select r.*, (r.calculated - r.reported) as gap,
         lag(r.calculated - r.reported) over (partition by distributor_id, product_id order by period) as prev_gap
    from run r
)
select distributor_id, product_id, period,
       (calculated - (sell_in - sell_through - returns + adjustments))::int as opening,
       sell_in, sell_through, returns, adjustments, calculated::int as calculated, reported, gap::int as gap,
       case when gap is null or calculated = 0 then null else round(gap * 100.0 / calculated, 2) end as gap_pct,
       case when gap is null then null else (gap - coalesce(prev_gap, 0))::int end as new_gap,
       case when reported is null or st3 <= 0 then null else round(reported * n3 * 4.345 / st3, 1) end as weeks_of_supply,
       st3::int as sell_through_3, si3::int as sell_in_3, st_prior3::int as sell_through_prior_3,
       array_remove(array[
         case when reported > 0 and (st3 <= 0 or reported * n3 * 4.345 > ${t.excessWeeks} * st3) then 'excess' end,
         case when st3 > 0 and 100 * st3 >= ${Math.round(t.burnRatio * 100)} * si3 then 'burning_down' end,
         case when st_prior3 > 0 and 100 * st3 <= ${Math.round(t.slowRatio * 100)} * st_prior3 then 'slowing' end,
         case when gap is not null and (abs(gap - coalesce(prev_gap, 0)) >= ${t.gapUnits}
              or (calculated <> 0 and abs(gap - coalesce(prev_gap, 0)) * 100.0 >= ${t.gapPct} * abs(calculated))) then 'new_gap' end,
         case when reported is null then 'unreported' end
       ], null)::text[] as flags
  from gapped`;
}
