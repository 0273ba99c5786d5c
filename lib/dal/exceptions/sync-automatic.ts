import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { getSettings } from "../settings/get-settings";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { requireRole } from "../authorize";
import { firstRow, num, numOrNull, rows, str, strOrNull } from "@/db/sql-rows";
import { automaticRule } from "./shared";

/** What brought a row back within tolerance, in the words the exception's history shows. */
export type AutoResolution = "revision" | "correction" | "sell_in";

export interface AutomaticSync {
  /** Automatic exceptions opened now. */
  opened: number;
  /** Open or investigating automatic exceptions closed now because their row is back within tolerance. */
  resolved: number;
}

const RESOLVED_BY: Record<AutoResolution, string> = {
  revision: "Resolved by revision",
  correction: "Resolved by correction",
  sell_in: "Resolved by sell-in load",
};

/**
 * Exceptions follow the ledger rows a write has just rewritten (one distributor × some products from
 * `from` on), in the write's own transaction: a row whose |gap| or |gap %| reaches the thresholds in
 * settings gets an automatic exception unless it has one of any status (a dismissed one stays
 * dismissed); an open or investigating automatic exception whose row is now within tolerance (or
 * unreported) is resolved, its history saying by what. Rows are reached by primary key (the
 * ledger's and the exceptions' distributor × product × period keys); nothing else is read.
 */
export async function syncAutomaticExceptions(
  tx: Queryable,
  change: { distributorId: number; productIds: number[]; from: string },
  by: AutoResolution,
): Promise<AutomaticSync> {
  const productIds = [...new Set(change.productIds)];
  if (!productIds.length) return { opened: 0, resolved: 0 };
  const s = await getSettings(tx);
  const units = s.gapUnitsThreshold;
  const pct = s.gapPctThreshold;
  const rule = automaticRule(units, pct);
  const d = change.distributorId;
  const products = sql.param(productIds);
  // Two statements, not one: under row-level security a distributor's event must name an exception the
  // policy can already see, and rows inserted by the same statement are not visible to its checks.
  const opened = await rows(
    tx,
    sql`
      insert into exceptions (distributor_id, product_id, period, status, gap_at_open, automatic)
      select l.distributor_id, l.product_id, l.period, 'open', l.gap, ${rule.reason}
        from ledger_balances l
       where l.distributor_id = ${d} and l.product_id = any(${products}::int[]) and l.period >= ${change.from}::date
         and ${rule.outOfTolerance}
      on conflict (distributor_id, product_id, period) do nothing
      returning id, gap_at_open, automatic`,
    (r) => ({ id: str(r.id), gap: numOrNull(r.gap_at_open), body: strOrNull(r.automatic) }),
  );
  if (opened.length) {
    const payload = JSON.stringify(opened);
    await tx.execute(sql`
      insert into exception_events (exception_id, kind, body, data)
      select x.id, 'opened', x.body, jsonb_build_object('automatic', true, 'gap', x.gap)
        from jsonb_to_recordset(${payload}::jsonb) as x(id uuid, gap int, body text)`);
  }
  // The candidates first, each with its own ledger row by primary key and locked (a concurrent change
  // is re-checked against the row's new version), then the update: no self-join of exceptions.
  const resolved = await rows(
    tx,
    sql`
      with cand as (
        select e.id, e.status::text as from_status, l.gap
          from exceptions e
          left join ledger_balances l on l.distributor_id = e.distributor_id and l.product_id = e.product_id and l.period = e.period
         where e.distributor_id = ${d} and e.product_id = any(${products}::int[]) and e.period >= ${change.from}::date
           and e.automatic is not null and e.status in ('open', 'investigating')
           and (l.gap is null or (abs(l.gap) < ${units}::int and (l.gap_pct is null or abs(l.gap_pct) < ${pct}::int)))
           for update of e
      ),
      back as (
        update exceptions e set status = 'resolved', resolution = ${by}, updated_at = now(), version = e.version + 1
          from cand where e.id = cand.id
        returning e.id, cand.from_status, cand.gap
      )
      insert into exception_events (exception_id, kind, body, data, created_at)
      select id, 'status', ${RESOLVED_BY[by]},
             jsonb_build_object('from', from_status, 'to', 'resolved', 'automatic', true, 'resolution', ${by}::text, 'gap', gap),
             clock_timestamp()
        from back
      returning exception_id`,
    (r) => str(r.exception_id),
  );
  return { opened: opened.length, resolved: resolved.length };
}

/**
 * The rows of the viewer's own `period` ("YYYY-MM") that are questioned: automatic exceptions still
 * open or being investigated. What the receipt of a submission states. A distributor only.
 */
export async function countQuestionedRows(db: Queryable, viewer: Viewer, period: string): Promise<number> {
  requireRole(viewer, ["distributor"]);
  const n = await firstRow(
    db,
    sql`
      select count(*)::int as n from exceptions
       where distributor_id = ${viewer.distributorId ?? -1} and period = ${periodToDate(period)}::date
         and automatic is not null and status in ('open', 'investigating')`,
    (r) => num(r.n),
  );
  return n ?? 0;
}
