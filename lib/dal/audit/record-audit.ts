import type { Queryable } from "@/db/open";
import { auditLog } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

export type AuditAction =
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "submission.create"
  | "sell_in.load"
  | "distributor.create"
  | "product.create"
  | "user.create"
  | "user.update"
  | "token.create"
  | "token.revoke"
  | "correction.propose"
  | "correction.approve"
  | "correction.approve_refused"
  | "period.close"
  | "period.reopen"
  | "rebate.freeze"
  | (string & {});

export async function recordAudit(
  db: Queryable,
  actor: Pick<Viewer, "userId" | "email"> | null,
  action: AuditAction,
  opts: { distributorId?: number | null; subject?: string; data?: unknown; ip?: string | null } = {},
) {
  await db.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action,
    distributorId: opts.distributorId ?? null,
    subject: opts.subject ?? null,
    data: (opts.data ?? null) as never,
    ip: opts.ip ?? null,
  });
}
