/** `listOutbox(db, viewer, { distributor?, limit? })` — outgoing messages, newest first (staff). */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { requireStaff } from "../authorize";
import { asRows } from "../sql-rows";

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

export async function listOutbox(db: Queryable, viewer: Viewer, q: { distributor?: string; limit?: number } = {}): Promise<OutboxRow[]> {
  requireStaff(viewer);
  const filter = q.distributor ? sql`where d.code = ${q.distributor.toUpperCase()}` : sql``;
  const rows = asRows<Record<string, unknown>>(
    await db.execute(sql`
      select o.id, d.code, o.to_address, o.subject, o.kind, o.dedupe_key, o.created_at, o.sent_at, o.attempts, o.last_error
        from outbox o left join distributors d on d.id = o.distributor_id
        ${filter}
       order by o.created_at desc, o.id
       limit ${Math.min(q.limit ?? 500, 2000)}`),
  );
  return rows.map((r) => {
    const key = String(r.dedupe_key);
    const parts = key.split(":");
    return {
      id: String(r.id),
      distributor: (r.code as string | null) ?? null,
      to: String(r.to_address),
      subject: String(r.subject),
      kind: String(r.kind),
      period: parts[0] === "reminder" && /^\d{4}-\d{2}$/.test(parts[3] ?? "") ? parts[3]! : null,
      dedupeKey: key,
      createdAt: new Date(r.created_at as string).toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at as string).toISOString() : null,
      attempts: Number(r.attempts),
      lastError: (r.last_error as string | null) ?? null,
    };
  });
}
