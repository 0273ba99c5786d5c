/**
 * One outbox message as the admin's outbox page shows it (/admin/outbox/[id]). Without SMTP the
 * outbox is where mail waits, so an admin can read a message and pass it on. A password reset
 * message is shown with its link hidden: `revealResetLink` shows it, and is audited
 * (`outbox.reveal_reset_link`) — whoever reveals a link knows the password set through it, so the
 * reset records that admin as having set it (the two-person rule, reset-password.ts).
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { outbox } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { RESET_KIND } from "./request-password-reset";
import { REVEAL_ACTION } from "./reset-password";

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
  /** A reset message whose link is hidden in `body`. */
  linkHidden: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESET_LINK = /\bhttps?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_%-]+/g;
export const HIDDEN_LINK = "[reset link hidden]";

async function load(db: Queryable, id: string) {
  if (!UUID.test(id)) throw notFound("No such message");
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  if (!row) throw notFound("No such message");
  return row;
}

export async function getOutboxMessage(db: Queryable, viewer: Viewer, id: string): Promise<OutboxMessage> {
  requireRole(viewer, ["admin"]);
  const row = await load(db, id);
  const linkHidden = row.kind === RESET_KIND;
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    body: linkHidden ? row.body.replace(RESET_LINK, HIDDEN_LINK) : row.body,
    kind: row.kind,
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
    attempts: row.attempts,
    lastError: row.lastError,
    linkHidden,
  };
}

/** The reset link of a reset message (admins; audited). */
export async function revealResetLink(db: Queryable, viewer: Viewer, id: string): Promise<{ link: string }> {
  requireRole(viewer, ["admin"]);
  const row = await load(db, id);
  const link = row.kind === RESET_KIND ? row.body.match(RESET_LINK)?.[0] : undefined;
  if (!link) throw notFound("This message holds no reset link");
  await recordAudit(db, viewer, REVEAL_ACTION, { subject: row.dedupeKey, data: { to: row.toAddress } });
  return { link };
}
