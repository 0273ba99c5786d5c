/**
 * Reported line-level POS for tests, the demo and benchmarks: an upload with its blocks in the stored
 * format (lib/imports/split/pos-blocks.ts), used by a new revision of the distributor's submission —
 * what an applied upload leaves behind, without reading a file.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { BLOCK_LINES, copyText } from "@/lib/imports/split/pos-blocks";
import { addRevision } from "./fixtures";

export interface PosSale {
  productId: number;
  quantity: number;
  invoice: string;
  invoiceLine?: string | null;
  invoiceDate?: string;
  unitPrice?: number | null;
  endCustomer: string;
  /** Stored transfer type (none: a sales line; "SD" an 867 ship & debit sale; "RV" not a sale). */
  transferType?: string | null;
}

/** One stored POS line (13 tab-separated COPY-text fields). */
export function posBlockLine(s: PosSale, sourceLine: number): string {
  return [
    s.productId, sourceLine, s.transferType ?? null, s.quantity, s.invoiceDate ?? null, s.invoice, s.invoiceLine ?? null,
    s.unitPrice ?? null, s.endCustomer, null, null, null, null,
  ].map((v) => copyText(v as string | number | null)).join("\t");
}

export async function addPosSales(db: Queryable, o: { distributorId: number; userId: string; period: string; sales: PosSale[] }) {
  const uploadId = crypto.randomUUID();
  await db.execute(sql`insert into uploads (id, distributor_id, period, file_name, format, kind, bytes, rows_read, rows_accepted, result, created_by)
    values (${uploadId}::uuid, ${o.distributorId}, ${`${o.period}-01`}::date, 'pos.csv', 'csv', 'pos_lines', 0, ${o.sales.length}, ${o.sales.length}, '{}'::jsonb, ${o.userId}::uuid)`);
  for (let b = 0; b * BLOCK_LINES < o.sales.length; b++) {
    const part = o.sales.slice(b * BLOCK_LINES, (b + 1) * BLOCK_LINES);
    const text = part.map((s, i) => posBlockLine(s, b * BLOCK_LINES + i + 2)).join("\n") + "\n";
    await db.execute(sql`insert into pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
      values (${uploadId}::uuid, ${b}, ${o.distributorId}, 1, ${part.length}, ${text})`);
  }
  const rev = await addRevision(db, { distributorId: o.distributorId, period: o.period, userId: o.userId, lines: [] });
  await db.execute(sql`update submission_revisions set upload_id = ${uploadId}::uuid where id = ${rev.revisionId}::uuid`);
  return { uploadId, ...rev };
}
