/** `listOutbox(db, viewer, { distributor?, limit? })` — outgoing messages, newest first (staff). */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { requireStaff } from "../authorize";
import { isoOf, isoOrNull, num, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";

export interface OutboxRow {
  id: string;
  distributor: string | null;
  to: string;
  subject: string;
  kind: string;
  period: string | null;
  dedupeKey: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}

const outboxRow: RowMapper<OutboxRow> = (r) => {
  const key = str(r.dedupe_key);
  const parts = key.split(":");
  return {
    id: str(r.id),
    distributor: strOrNull(r.code),
    to: str(r.to_address),
    subject: str(r.subject),
    kind: str(r.kind),
    period: parts[0] === "reminder" && /^\d{4}-\d{2}$/.test(parts[3] ?? "") ? parts[3]! : null,
    dedupeKey: key,
    createdAt: isoOf(r.created_at),
    sentAt: isoOrNull(r.sent_at),
    attempts: num(r.attempts),
    lastError: strOrNull(r.last_error),
  };
};

export async function listOutbox(db: Queryable, viewer: Viewer, q: { distributor?: string; limit?: number } = {}): Promise<OutboxRow[]> {
  requireStaff(viewer);
  const filter = q.distributor ? sql`where d.code = ${q.distributor.toUpperCase()}` : sql``;
  return rows(
    db,
    sql`
      select o.id, d.code, o.to_address, o.subject, o.kind, o.dedupe_key, o.created_at, o.sent_at, o.attempts, o.last_error
        from outbox o left join distributors d on d.id = o.distributor_id
        ${filter}
       order by o.created_at desc, o.id
       limit ${Math.min(q.limit ?? 500, 2000)}`,
    outboxRow,
  );
}
