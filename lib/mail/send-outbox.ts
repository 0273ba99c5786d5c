/**
 * `sendOutbox(db, { transport?, limit? })` — sends unsent outbox rows through nodemailer when SMTP is
 * configured (`SMTP_URL`), marking each sent (or counting the attempt and keeping the error). With no
 * SMTP configured it sends nothing: the messages stay in the outbox, visible on /admin/outbox.
 * Rows are claimed with `for update skip locked`, so several senders never send one row twice.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/db/open";
import { env } from "@/lib/config/env";
import { claimUnsent, markFailed, markSent } from "@/lib/dal/reminders/outbox-rows";

export interface SendResult {
  configured: boolean;
  sent: number;
  failed: number;
}

export function smtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export async function sendOutbox(db: Db, opts: { transport?: Pick<Transporter, "sendMail">; limit?: number; from?: string } = {}): Promise<SendResult> {
  const e = env();
  if (!opts.transport && !e.SMTP_URL) return { configured: false, sent: 0, failed: 0 };
  const transport = opts.transport ?? nodemailer.createTransport(e.SMTP_URL);
  const from = opts.from ?? e.MAIL_FROM;
  const limit = opts.limit ?? 50;
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const rows = await claimUnsent(tx, limit);
    for (const r of rows) {
      try {
        await transport.sendMail({ from, to: r.to_address, subject: r.subject, text: r.body });
        await markSent(tx, r.id);
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message.slice(0, 500) : "send failed";
        await markFailed(tx, r.id, message);
        failed++;
      }
    }
  });
  return { configured: true, sent, failed };
}
