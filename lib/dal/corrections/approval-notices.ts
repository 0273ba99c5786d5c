import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { approvalNotice } from "@/lib/domain/approval-notice";
import { bool, rows, str } from "@/db/sql-rows";

/** Roles whose users may approve a correction (lib/dal/exceptions/shared: channel managers; admins may do what any staff role may). */
const APPROVER_ROLES = ["channel_manager", "admin"] as const;

/**
 * Tells the proposer's colleagues who may approve that a correction waits: an in-app notice each
 * (done when the correction is decided) and, for those who take e-mail, a message through the
 * outbox. In the proposal's transaction: a proposal rolled back tells nobody.
 */
export async function noticeApprovers(
  tx: Queryable,
  viewer: Viewer,
  c: { id: string; signed: number; reason: string },
  e: { distributorCode: string; sku: string; period: string },
): Promise<number> {
  const text = approvalNotice({ proposer: viewer.name, signed: c.signed, reason: c.reason, distributor: e.distributorCode, sku: e.sku, period: e.period });
  const href = `/exceptions/approvals#correction-${c.id}`;
  const approvers = await rows(
    tx,
    sql`
      insert into notices (user_id, kind, subject_id, body, href)
      select u.id, 'approval', ${c.id}, ${text.notice}, ${href}
        from users u
       where u.active and u.role::text = any(${sql.param([...APPROVER_ROLES])}::text[]) and u.id <> ${viewer.userId}::uuid
      on conflict (user_id, kind, subject_id) do nothing
      returning user_id as id, (select email from users where id = notices.user_id) as email,
                (select notify_email from users where id = notices.user_id) as notify_email`,
    (r) => ({ id: str(r.id), email: str(r.email), notify_email: bool(r.notify_email) }),
  );
  const mail = approvers.filter((a) => a.notify_email);
  if (mail.length) {
    const payload = JSON.stringify(mail.map((a) => ({ key: `approval:${c.id}:${a.id}`, to: a.email })));
    await tx.execute(sql`
      insert into outbox (dedupe_key, to_address, subject, body, kind)
      select x.key, x.to, ${text.subject}, ${text.body}, 'approval'
        from jsonb_to_recordset(${payload}::jsonb) as x(key text, "to" text)
      on conflict (dedupe_key) do nothing`);
  }
  return approvers.length;
}

/** The correction was approved or rejected: nobody's notice about it is open any more. */
export async function closeApprovalNotices(tx: Queryable, correctionId: string): Promise<void> {
  await tx.execute(sql`update notices set done_at = now() where kind = 'approval' and subject_id = ${correctionId} and done_at is null`);
}

export interface OpenNotice {
  id: string;
  kind: string;
  body: string;
  href: string;
  createdAt: string;
}

/** The viewer's own notices still open, newest first (a read: nothing is marked). */
export async function listOpenNotices(db: Queryable, viewer: Viewer, limit = 20): Promise<OpenNotice[]> {
  return rows(
    db,
    sql`
      select id, kind, body, href, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at
        from notices where user_id = ${viewer.userId}::uuid and done_at is null
       order by created_at desc limit ${limit}`,
    (r) => ({ id: str(r.id), kind: str(r.kind), body: str(r.body), href: str(r.href), createdAt: str(r.created_at) }),
  );
}
