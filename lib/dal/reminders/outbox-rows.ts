/** The outbox sender's SQL (lib/mail/send-outbox.ts sends; this claims and marks rows). */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { rows, str, type RowMapper } from "@/db/sql-rows";

export const MAX_ATTEMPTS = 5;

export interface UnsentMessage {
  id: string;
  to_address: string;
  subject: string;
  body: string;
}
const unsentRow: RowMapper<UnsentMessage> = (r) => ({ id: str(r.id), to_address: str(r.to_address), subject: str(r.subject), body: str(r.body) });

/** Unsent rows still worth trying, oldest first, locked for this transaction (`skip locked`: several senders never send one row twice). */
export async function claimUnsent(tx: Queryable, limit: number): Promise<UnsentMessage[]> {
  return rows(
    tx,
    sql`
      select id, to_address, subject, body from outbox
       where sent_at is null and attempts < ${MAX_ATTEMPTS}
       order by created_at, id
       limit ${limit}
       for update skip locked`,
    unsentRow,
  );
}

export async function markSent(tx: Queryable, id: string): Promise<void> {
  await tx.execute(sql`update outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ${id}`);
}

export async function markFailed(tx: Queryable, id: string, message: string): Promise<void> {
  await tx.execute(sql`update outbox set attempts = attempts + 1, last_error = ${message} where id = ${id}`);
}
