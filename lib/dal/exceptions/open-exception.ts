import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { notFound, validationFailed } from "@/lib/errors";
import type { OpenExceptionInput } from "@/lib/validation/exceptions";
import { recordAudit } from "../audit/record-audit";
import { currentLedgerPeriod } from "../ledger/current-period";
import { getSettings } from "../settings/get-settings";
import { firstRow, numOrNull, rows, str, type RowMapper } from "@/db/sql-rows";
import { appendEvent, automaticRule, ledgerNow, requireExceptionWorker, resolveOwner } from "./shared";

export interface OpenedException {
  id: string;
  /** false when the row already had an exception: that one is returned, nothing new is stored. */
  created: boolean;
  status: string;
}

const idStatusRow: RowMapper<{ id: string; status: string }> = (r) => ({ id: str(r.id), status: str(r.status) });

/**
 * Opens an exception by hand on one distributor × SKU × period (channel managers and admins). A row
 * has at most one exception: when it already has one, that one is returned with `created: false`.
 */
export async function openException(db: Queryable, viewer: Viewer, input: OpenExceptionInput): Promise<OpenedException> {
  requireExceptionWorker(viewer);
  const row = await firstRow(
    db,
    sql`
      select (select id from distributors where code = ${input.distributor.toUpperCase()}) as distributor_id,
             (select id from products where sku = ${input.sku}) as product_id`,
    (r) => ({ distributorId: numOrNull(r.distributor_id), productId: numOrNull(r.product_id) }),
  );
  if (row?.distributorId == null) throw validationFailed(`No distributor ${input.distributor}`, [{ path: "distributor", message: `No distributor ${input.distributor}` }]);
  if (row.productId == null) throw validationFailed(`No product ${input.sku}`, [{ path: "sku", message: `No product ${input.sku}` }]);
  const distributorId = row.distributorId;
  const productId = row.productId;
  const ledger = await ledgerNow(db, distributorId, productId, input.period);
  if (!ledger) {
    throw validationFailed(`${input.distributor} × ${input.sku} has no ledger row in ${input.period}`, [
      { path: "period", message: `No activity for ${input.distributor} × ${input.sku} in ${input.period}` },
    ]);
  }
  const owner = input.owner !== undefined ? await resolveOwner(db, viewer, input.owner) : null;

  return db.transaction(async (tx) => {
    const inserted = await firstRow(
      tx,
      sql`
        insert into exceptions (distributor_id, product_id, period, status, reason, owner_id, gap_at_open, opened_by)
        values (${distributorId}, ${productId}, ${periodToDate(input.period)}::date, 'open', ${input.reason ?? null}::exception_reason,
                ${owner?.id ?? null}::uuid, ${ledger.gap}, ${viewer.userId}::uuid)
        on conflict (distributor_id, product_id, period) do nothing
        returning id, status::text as status`,
      idStatusRow,
    );
    if (!inserted) {
      const existing = await firstRow(
        tx,
        sql`select id, status::text as status from exceptions
          where distributor_id = ${distributorId} and product_id = ${productId} and period = ${periodToDate(input.period)}::date`,
        idStatusRow,
      );
      if (!existing) throw notFound();
      return { id: existing.id, created: false, status: existing.status };
    }
    const id = inserted.id;
    await appendEvent(tx, {
      exceptionId: id, kind: "opened", authorId: viewer.userId,
      data: { automatic: false, gap: ledger.gap, gapPct: ledger.gapPct, calculated: ledger.calculated, reported: ledger.reported, reason: input.reason ?? null },
    });
    if (owner) await appendEvent(tx, { exceptionId: id, kind: "owner", authorId: viewer.userId, data: { from: null, to: owner.id, toEmail: owner.email, toName: owner.name } });
    if (input.note) await appendEvent(tx, { exceptionId: id, kind: "note", authorId: viewer.userId, body: input.note, data: { internal: false } });
    await recordAudit(tx, viewer, "exception.open", { distributorId, subject: `${input.distributor} ${input.sku} ${input.period}`, data: { exceptionId: id } });
    return { id, created: true, status: inserted.status };
  });
}

/**
 * An explicit sweep (POST /api/v1/exceptions/automatic, the "open automatic" button): opens one
 * exception per distributor × SKU in `period` whose |gap| or |gap %| reaches the
 * thresholds in settings, unless that row already has an exception (of any status: a dismissed one
 * stays dismissed). Idempotent and safe to run concurrently (one statement, ON CONFLICT DO NOTHING).
 * A system action: callers authorise. Returns the ids opened now.
 */
export async function openAutomaticExceptions(db: Queryable, input: { period?: string } = {}): Promise<{ period: string; opened: string[] }> {
  const period = input.period ?? (await currentLedgerPeriod(db));
  const s = await getSettings(db);
  const units = s.gapUnitsThreshold;
  const pct = s.gapPctThreshold;
  const rule = automaticRule(units, pct);
  const opened = await rows(
    db,
    sql`
      with ins as (
        insert into exceptions (distributor_id, product_id, period, status, gap_at_open, automatic)
        select l.distributor_id, l.product_id, l.period, 'open', l.gap, ${rule.reason}
          from ledger_balances l
         where l.period = ${periodToDate(period)}::date and ${rule.outOfTolerance}
        on conflict (distributor_id, product_id, period) do nothing
        returning id, gap_at_open, automatic
      )
      insert into exception_events (exception_id, kind, body, data)
      select id, 'opened', automatic, jsonb_build_object('automatic', true, 'gap', gap_at_open) from ins
      returning exception_id`,
    (r) => str(r.exception_id),
  );
  return { period, opened };
}
