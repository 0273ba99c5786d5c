import { sql, type SQL } from "drizzle-orm";
import { movementColumnSql } from "@/lib/domain/movements";
import { DEFAULT_THRESHOLDS, type HealthThresholds } from "@/lib/domain/ledger";

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
/**
 * The shared tail of both ledger SELECTs: from a `joined` CTE (one row per distributor × product ×
 * period, facts summed, `reported`; `is_prefix` rows are stored ledger rows before the recomputed
 * range that feed the trailing windows and the previous gap, `seed_calc` the calculated balance the
 * range starts from) to the ledger_balances columns.
 */
function ledgerTail(t: HealthThresholds): SQL {
  return sql`run as (
  select j.*,
         j.seed_calc + sum(case when j.is_prefix then 0 else opening_balance + sell_in - sell_through - returns + adjustments end) over w as calculated,
         sum(sell_through) over (w rows between 2 preceding and current row) as st3,
         sum(sell_in) over (w rows between 2 preceding and current row) as si3,
         coalesce(sum(sell_through) over (w rows between 5 preceding and 3 preceding), 0) as st_prior3,
         least(row_number() over w, 3) as n3
    from joined j
  window w as (partition by distributor_id, product_id order by period)
),
gapped0 as (
  select r.*, case when r.is_prefix then r.prefix_gap else r.calculated - r.reported end as gap from run r
),
gapped as (
  select g.*, lag(g.gap) over (partition by distributor_id, product_id order by period) as prev_gap from gapped0 g
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
  from gapped
 where not is_prefix`;
}

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
  select d.distributor_id, d.product_id, d.period, false as is_prefix, null::int as prefix_gap, 0 as seed_calc,
         coalesce(f.opening_balance, 0) as opening_balance, coalesce(f.sell_in, 0) as sell_in,
         coalesce(f.sell_through, 0) as sell_through, coalesce(f.returns, 0) as returns,
         coalesce(f.adjustments, 0) as adjustments, r.reported
    from dense d
    left join facts f using (distributor_id, product_id, period)
    left join rep r using (distributor_id, product_id, period)
),
${ledgerTail(t)}`;
}

export interface LedgerRange {
  distributorId: number;
  productIds: number[];
  /** The first period whose inputs changed ("YYYY-MM-01"). */
  from: string;
  /** Rows run at least through this period ("YYYY-MM-01"): the last period the month roll has built. */
  through: string;
  /** Per product, the last period of the rows just deleted (never shorten a product's range). */
  existing: { productId: number; last: string }[];
}

/**
 * The ledger of ONE distributor × some products from `from` onward, as one SELECT reaching every
 * input by its keys: each product's last stored row before `from` (primary key, backwards) gives the
 * balance to start from and up to five stored rows before it feed the trailing windows; the
 * distributor's submissions from then on (unique index distributor × period) give the latest
 * revisions, whose lines are read by primary key (revision, product); movements by
 * (distributor, period, product). Nothing here grows with the size of the tables, only with the
 * products and the periods after `from`. A product with no stored row before `from` starts at its
 * first activity at or after `from` (the ledger is dense from a pair's first activity on, so it
 * has none before).
 */
export function ledgerSelectFrom(r: LedgerRange, t = DEFAULT_THRESHOLDS): SQL {
  const d = r.distributorId;
  const products = sql.param(r.productIds);
  const exProducts = sql.param(r.existing.map((e) => e.productId));
  const exLast = sql.param(r.existing.map((e) => e.last));
  return sql`
with prods as (select distinct unnest(${products}::int[]) as product_id),
starts as (
  select p.product_id, s.period as seed_period, coalesce(s.calculated, 0) as seed_calc,
         coalesce((s.period + interval '1 month')::date, ${r.from}::date) as start
    from prods p
    left join lateral (
      select l.period, l.calculated from ledger_balances l
       where l.distributor_id = ${d} and l.product_id = p.product_id and l.period < ${r.from}::date
       order by l.period desc limit 1) s on true
),
lo as (select min(start) as lo from starts),
subs as (
  select s.period, s.latest_revision_id from submissions s
   where s.distributor_id = ${d} and s.period >= (select lo from lo)
),
lines as (
  select s.period, l.product_id, l.sold, l.returned, l.on_hand
    from subs s join submission_lines l on l.revision_id = s.latest_revision_id and l.product_id = any(${products}::int[])
),
mv as (
  select m.product_id, m.period, m.type::text as type, m.quantity
    from movements m
   where m.distributor_id = ${d} and m.period >= (select lo from lo) and m.product_id = any(${products}::int[])
  union all select product_id, period, 'sell_through', sold from lines where sold <> 0
  union all select product_id, period, 'return_to_vendor', returned from lines where returned <> 0
),
facts as (
  select m.product_id, m.period,
         sum(${col("opening")})::int as opening_balance,
         sum(${col("sellIn")})::int as sell_in,
         sum(${col("sellThrough")})::int as sell_through,
         sum(${col("returns")})::int as returns,
         sum(${col("adjustments")})::int as adjustments
    from mv m join starts st on st.product_id = m.product_id and m.period >= st.start
   group by 1, 2
),
rep as (
  select l.product_id, l.period, l.on_hand as reported
    from lines l join starts st on st.product_id = l.product_id and l.period >= st.start
),
ex as (select unnest(${exProducts}::int[]) as product_id, unnest(${exLast}::text[])::date as last_existing),
seen as (
  select product_id, min(period) as first_fact, max(period) as last_fact
    from (select product_id, period from facts union all select product_id, period from rep) u group by 1
),
bounds as (
  select st.product_id, st.seed_calc,
         case when st.seed_period is not null then st.start else x.first_fact end as first_period,
         greatest(x.last_fact, ${r.through}::date, e.last_existing) as last_period
    from starts st
    left join seen x on x.product_id = st.product_id
    left join ex e on e.product_id = st.product_id
   where st.seed_period is not null or x.first_fact is not null
),
dense as (
  select b.product_id, g::date as period, b.seed_calc
    from bounds b, generate_series(b.first_period, b.last_period, interval '1 month') g
),
joined as (
  select ${d}::int as distributor_id, d.product_id, d.period, false as is_prefix, null::int as prefix_gap, d.seed_calc,
         coalesce(f.opening_balance, 0) as opening_balance, coalesce(f.sell_in, 0) as sell_in,
         coalesce(f.sell_through, 0) as sell_through, coalesce(f.returns, 0) as returns,
         coalesce(f.adjustments, 0) as adjustments, r.reported
    from dense d
    left join facts f on f.product_id = d.product_id and f.period = d.period
    left join rep r on r.product_id = d.product_id and r.period = d.period
  union all
  select l.distributor_id, l.product_id, l.period, true, l.gap, st.seed_calc,
         0, l.sell_in, l.sell_through, l.returns, l.adjustments, l.reported
    from starts st
    join ledger_balances l on l.distributor_id = ${d} and l.product_id = st.product_id
     and l.period >= (st.start - interval '5 months')::date and l.period < st.start
   where st.seed_period is not null
),
${ledgerTail(t)}`;
}
