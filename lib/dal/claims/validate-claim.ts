/**
 * Ship & debit validation (issue 17): every line of one claim revision judged in ONE set-based SQL
 * statement — a three-way match of authorisation, claim line and reported POS sale, then the
 * cumulative limits and the arithmetic. The first failing rule names the line's reason
 * (lib/domain/claims/reasons.ts); its facts are stored for the sentence.
 *
 * Rules, in order (a line stops at the first that fails):
 *   AUTH_UNKNOWN · AUTH_NOT_YOURS · SKU_MISMATCH · CUSTOMER_MISMATCH · AUTH_EXPIRED (ship date outside
 *   validity) · WINDOW_CLOSED (submitted after ship date + claim window) · DUPLICATE (same invoice,
 *   invoice line and SKU in another claim's latest revision not rejected, or earlier in this one) ·
 *   NO_POS_SALE (no reported sale on the invoice for the SKU) · POS_CUSTOMER_MISMATCH (sold, but not to
 *   the authorised end customer) · BELOW_MIN_RESALE · NOTHING_TO_PAY (book ≤ authorised) ·
 *   LIMIT_USED / SOLD_USED (nothing left of the authorised / sold quantity) → rejected.
 *   Then the quantity is cut to what is left (OVER_LIMIT, OVER_SOLD) and the amount is recomputed as
 *   quantity × (book − authorised) with the book cost on record when the claimed one is above it beyond
 *   the tolerance (BOOK_COST), with the authorisation's cost (AUTHORIZED_COST), or as claimed when
 *   within a cent (AMOUNT otherwise) → adjusted; else approved as claimed. Never more than claimed.
 *
 * Cumulative quantities count other claims' approved quantities and earlier lines of this revision
 * that passed every other rule: against the sold quantity at their claimed quantity, against the
 * authorised limit at what the sold quantity left them. Conservative only where an earlier line on
 * the same invoice was cut by its authorisation's limit.
 * Runs as `system` (the caller's transaction) so an authorisation of another distributor is recognised
 * as such; everything else is filtered to the claiming distributor explicitly.
 *
 * Cost (bench/claims): the line's own authorisation id is set when the line is stored (submit-claim.ts),
 * so the update below changes no indexed column and stays on the line's page (claim_lines keeps half of
 * each page free); `judged` is materialised so each line's chain of rules is worked out once, not once
 * for every column of the update that names its reason.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { asSystem } from "@/db/rls";
import { reportedSalesSql } from "./pos-sales-sql";

export interface ValidateTarget {
  revisionId: string;
  claimId: string;
  distributorId: number;
  /** The day the claim was submitted (YYYY-MM-DD): the claim window is measured to it. */
  submittedOn: string;
  /** Percent a claimed book cost may exceed the one on record. */
  costTolerancePct: number;
}

/**
 * The statement sorts and hashes ~100 k wide rows for a large claim: given room in memory (for this
 * transaction only: `set local`) it never spills to disk.
 */
export const VALIDATE_WORK_MEM = "64MB";

/**
 * Settings for the validating statement's transaction. Row estimates of its grouped steps are
 * guesses (Postgres assumes 200 groups), which can tempt the planner into nested loops over 100 k ×
 * 100 k rows, or sorting a million unpacked POS lines for a merge join; every join here is an
 * equality a hash join answers (the lines of one claim are the small side), so nested loops and merge
 * joins are ruled out (the per-product lookup of the book cost, a lateral, still runs as one).
 */
export const VALIDATE_SETTINGS = [
  `set local work_mem = '${VALIDATE_WORK_MEM}'`, "set local enable_nestloop = off", "set local enable_mergejoin = off", "set local jit = off",
];

/** The validating statement by itself (the benchmark runs exactly this). */
export function validateClaimSql(t: ValidateTarget) {
  const R = sql`${t.revisionId}::uuid`;
  const D = t.distributorId;
  return sql`with lines as (
    select cl.line_no, cl.product_id, cl.quantity, cl.book_cost, cl.authorized_cost, cl.claimed_amount, cl.ship_date,
      upper(cl.invoice) as invoice_key, coalesce(cl.invoice_line, '') as invoice_line, cl.end_customer,
      upper(cl.authorization_number) as auth_key
    from claim_lines cl where cl.revision_id = ${R}
  ),
  auths as (
    select upper(a.number) as auth_key, a.id as auth_id, a.distributor_id as auth_distributor, a.product_id as auth_product,
      upper(trim(a.end_customer_id)) as auth_customer_id, sellthru_norm_customer(a.end_customer_name) as auth_norm,
      a.authorized_cost as auth_cost, a.min_resale, a.quantity_limit, a.valid_from, a.valid_to, a.claim_window_days
    from sd_authorizations a where upper(a.number) in (select auth_key from lines)
  ),
  l as materialized (select * from lines left join auths using (auth_key)),
  sales as (${reportedSalesSql(D)}),
  matched as materialized (
    select l.line_no, s.quantity, s.unit_price, s.end_customer
    from l join sales s on s.invoice_key = l.invoice_key and s.product_id = l.product_id
  ),
  -- Each distinct end-customer name normalised once (claims and POS repeat their customers).
  names as (
    select n, sellthru_norm_customer(n) as norm
    from (select end_customer as n from matched union select end_customer from lines) x where n is not null
  ),
  pos as (
    select line_no, count(*) as pos_lines, coalesce(sum(quantity) filter (where ok), 0) as sold, min(unit_price) filter (where ok) as min_price
    from (
      select m.line_no, m.quantity, m.unit_price, (l.auth_customer_id is not null and upper(trim(m.end_customer)) = l.auth_customer_id)
        or (l.auth_norm <> '' and nm.norm = l.auth_norm) as ok
      from matched m join l on l.line_no = m.line_no left join names nm on nm.n = m.end_customer
    ) k
    group by line_no
  ),
  other as (
    select ol.authorization_id, upper(ol.invoice) as invoice_key, coalesce(ol.invoice_line, '') as invoice_line,
      ol.product_id, ol.approved_quantity
    from claims c join claim_lines ol on ol.revision_id = c.latest_revision_id
    where c.distributor_id = ${D} and ol.distributor_id = ${D} and c.id <> ${t.claimId}::uuid and ol.outcome <> 'rejected'
      and upper(ol.invoice) in (select invoice_key from lines)
  ),
  prior_auth as (
    select c.authorization_id, sum(c.approved_quantity) as q
    from claims k join claim_lines c on c.revision_id = k.latest_revision_id
    where k.distributor_id = ${D} and k.id <> ${t.claimId}::uuid and c.outcome <> 'rejected'
      and c.authorization_id in (select auth_id from auths)
    group by c.authorization_id
  ),
  prior_inv as (select invoice_key, product_id, sum(approved_quantity) as q from other group by invoice_key, product_id),
  prior_dup as (select distinct invoice_key, invoice_line, product_id from other),
  -- The first line of this revision with each invoice, invoice line and SKU; a later one is a duplicate.
  firsts as (select invoice_key, invoice_line, product_id, min(line_no) as first_line from lines group by invoice_key, invoice_line, product_id),
  keys as (select distinct product_id, ship_date from lines where product_id is not null),
  book as (
    select k.product_id, k.ship_date, coalesce(sc.unit_cost, p.list_price) as cost
    from keys k join products p on p.id = k.product_id
    left join lateral (
      select m.unit_cost from movements m
      where m.distributor_id = ${D} and m.product_id = k.product_id and m.type = 'sell_in'
        and m.unit_cost is not null and m.occurred_on <= k.ship_date
      order by m.occurred_on desc limit 1
    ) sc on true
  ),
  r0 as (
    select l.line_no, l.auth_id, l.auth_distributor, l.invoice_key, l.product_id, l.quantity, l.quantity_limit, l.claim_window_days,
      l.claimed_amount, l.book_cost, l.authorized_cost, l.auth_cost, l.min_resale, b.cost as book_record,
      coalesce(pos.sold, 0) as sold,
      case when b.cost is not null and l.book_cost > b.cost * (1 + ${t.costTolerancePct}::numeric / 100) then b.cost else l.book_cost end as eff_book,
      case
        when l.auth_id is null then 'AUTH_UNKNOWN'
        when l.auth_distributor <> ${D} then 'AUTH_NOT_YOURS'
        when l.product_id is null or l.product_id <> l.auth_product then 'SKU_MISMATCH'
        when not coalesce((l.auth_customer_id is not null and upper(trim(l.end_customer)) = l.auth_customer_id)
          or (l.auth_norm <> '' and nc.norm = l.auth_norm), false) then 'CUSTOMER_MISMATCH'
        when l.ship_date < l.valid_from or l.ship_date > l.valid_to then 'AUTH_EXPIRED'
        when ${t.submittedOn}::date > l.ship_date + l.claim_window_days then 'WINDOW_CLOSED'
        when pd.invoice_key is not null or f.first_line <> l.line_no then 'DUPLICATE'
        when coalesce(pos.pos_lines, 0) = 0 then 'NO_POS_SALE'
        when coalesce(pos.sold, 0) = 0 then 'POS_CUSTOMER_MISMATCH'
        when l.min_resale is not null and pos.min_price < l.min_resale then 'BELOW_MIN_RESALE'
      end as code0
    from l
    left join names nc on nc.n = l.end_customer
    left join pos on pos.line_no = l.line_no
    left join book b on b.product_id = l.product_id and b.ship_date = l.ship_date
    left join firsts f on f.invoice_key = l.invoice_key and f.invoice_line = l.invoice_line and f.product_id is not distinct from l.product_id
    left join prior_dup pd on pd.invoice_key = l.invoice_key and pd.invoice_line = l.invoice_line and pd.product_id = l.product_id
  ),
  r1 as (
    select r0.*, coalesce(code0, case when eff_book <= auth_cost then 'NOTHING_TO_PAY' end) as code1 from r0
  ),
  r2 as (
    select r1.*,
      r1.sold - coalesce(pi.q, 0) - coalesce(sum(r1.quantity) filter (where r1.code1 is null)
        over (partition by r1.invoice_key, r1.product_id order by r1.line_no rows between unbounded preceding and 1 preceding), 0) as sold_left
    from r1
    left join prior_inv pi on pi.invoice_key = r1.invoice_key and pi.product_id = r1.product_id
  ),
  r2b as (
    select r2.*,
      r2.quantity_limit - coalesce(pa.q, 0) - coalesce(sum(least(r2.quantity, greatest(r2.sold_left, 0))) filter (where r2.code1 is null)
        over (partition by r2.auth_id order by r2.line_no rows between unbounded preceding and 1 preceding), 0) as limit_left
    from r2
    left join prior_auth pa on pa.authorization_id = r2.auth_id
  ),
  r3 as (
    select r2b.*,
      coalesce(code1, case when limit_left <= 0 then 'LIMIT_USED' when sold_left <= 0 then 'SOLD_USED' end) as reject_code,
      greatest(least(quantity::numeric, limit_left, sold_left), 0)::int as qty_ok
    from r2b
  ),
  r4 as (
    select r3.*, round(qty_ok * (eff_book - coalesce(auth_cost, 0)), 2) as computed from r3
  ),
  r5 as (
    select r4.*,
      case when reject_code is not null then 0
        when qty_ok = quantity and claimed_amount <= computed + 0.01 then claimed_amount
        else least(claimed_amount, computed) end as ok_amount
    from r4
  ),
  judged as materialized (
    select r5.*,
      coalesce(reject_code, case
        when qty_ok < quantity and limit_left < quantity and limit_left <= sold_left then 'OVER_LIMIT'
        when qty_ok < quantity then 'OVER_SOLD'
        when ok_amount < claimed_amount and eff_book <> book_cost then 'BOOK_COST'
        when ok_amount < claimed_amount and authorized_cost <> auth_cost then 'AUTHORIZED_COST'
        when ok_amount < claimed_amount then 'AMOUNT'
      end) as code
    from r5
  )
  update claim_lines cl set
    outcome = case when j.reject_code is not null then 'rejected' when j.code is not null then 'adjusted' else 'approved' end,
    approved_quantity = case when j.reject_code is not null then 0 else j.qty_ok end,
    approved_amount = j.ok_amount,
    reason_code = j.code,
    ref_quantity = case
      when j.code in ('LIMIT_USED', 'OVER_LIMIT') then greatest(j.limit_left, 0)::int
      when j.code in ('SOLD_USED', 'OVER_SOLD') then greatest(j.sold_left, 0)::int
      when j.code = 'WINDOW_CLOSED' then j.claim_window_days end,
    ref_cost = case
      when j.code = 'BOOK_COST' then j.book_record
      when j.code = 'AUTHORIZED_COST' then j.auth_cost
      when j.code = 'BELOW_MIN_RESALE' then j.min_resale
      when j.code = 'NOTHING_TO_PAY' then j.eff_book end,
    ref_amount = case when j.reject_code is null then j.computed end
  from judged j
  where cl.revision_id = ${R} and cl.line_no = j.line_no`;
}

/** Validates a stored revision's lines in the caller's transaction. */
export async function validateClaimRevision(tx: Queryable, t: ValidateTarget): Promise<void> {
  await asSystem(tx, async (sys) => {
    for (const s of VALIDATE_SETTINGS) await sys.execute(sql.raw(s));
    await sys.execute(validateClaimSql(t));
  });
}
