import { and, asc, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { auditLog, distributors } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { AuditQuery } from "@/lib/validation/admin-csv";
import { requireRole } from "../authorize";

export interface AuditEntry {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  distributorCode: string | null;
  subject: string | null;
  data: unknown;
  ip: string | null;
}

export interface AuditPage {
  rows: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: number | null;
}

function escapeLike(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
}

/** The day after a `YYYY-MM-DD`, as a UTC instant (the range's end is inclusive of that whole day). */
function dayAfter(day: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * The audit log, newest first, one keyset page at a time (`before` = the last id seen). Filters:
 * exact action, actor e-mail containing text, distributor code, and a date range in UTC days.
 * Admins only.
 */
export async function listAudit(db: Queryable, viewer: Viewer, q: AuditQuery): Promise<AuditPage> {
  requireRole(viewer, ["admin"]);
  const conds: SQL[] = [];
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.actor) conds.push(ilike(auditLog.actorEmail, escapeLike(q.actor)));
  if (q.distributor) conds.push(eq(distributors.code, q.distributor));
  if (q.from) conds.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) conds.push(lt(auditLog.at, dayAfter(q.to)));
  if (q.before) conds.push(lt(auditLog.id, q.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      distributorCode: distributors.code,
      subject: auditLog.subject,
      data: auditLog.data,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(distributors, eq(distributors.id, auditLog.distributorId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  return {
    rows: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: more ? page.at(-1)!.id : null,
  };
}

/** The actions that occur in the log, for the filter. Admins only. */
export async function listAuditActions(db: Queryable, viewer: Viewer): Promise<string[]> {
  requireRole(viewer, ["admin"]);
  const rows = await db.select({ action: auditLog.action }).from(auditLog).groupBy(auditLog.action).orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}

