/**
 * The demo's line-level POS: what an applied POS upload leaves behind — an `uploads` row with its
 * answer, the accepted lines in stored blocks (lib/imports/split/pos-blocks.ts, format 1) — kept with
 * the distributor's latest revision of the period (`submission_revisions.upload_id`), as if the
 * report had been submitted from that file. The lines add up to the revision's sold per SKU.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { BLOCK_FORMAT, BLOCK_LINES, copyText } from "@/lib/imports/split/pos-blocks";
import type { DemoSale } from "./demo/claims-plan";

export interface StorePosLinesInput {
  distributorId: number;
  userId: string;
  period: string;
  revisionId: string;
  fileName: string;
  sales: DemoSale[];
  productId: (sku: string) => number;
}

/** One stored line: product id, source line, transfer type (none: a sale), quantity, date, invoice, line, price, end customer, ship-to ×3, part. */
function blockLine(s: DemoSale, productId: number, sourceLine: number): string {
  return [productId, sourceLine, null, s.quantity, s.invoiceDate, s.invoice, s.invoiceLine, s.unitPrice, s.endCustomer, null, null, null, null]
    .map((v) => copyText(v))
    .join("\t");
}

export async function storeDemoPosLines(tx: Queryable, o: StorePosLinesInput): Promise<string> {
  const uploadId = crypto.randomUUID();
  const totals = new Map<string, number>();
  for (const s of o.sales) totals.set(s.sku, (totals.get(s.sku) ?? 0) + s.quantity);
  const lines = [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([sku, sold]) => ({ sku, sold, returned: 0, onHand: null }));
  const answer = {
    uploadId, period: o.period, fileName: o.fileName, format: "csv", kind: "pos_lines", rowsRead: o.sales.length, rowsAccepted: o.sales.length,
    lines, errors: [], warnings: [], unknownParts: [], credits: [],
    counts: { errors: 0, outOfPeriod: 0, duplicates: 0, skipped: 0, unknownParts: 0, posLines: o.sales.length },
  };
  const bytes = o.sales.reduce((n, s) => n + 40 + s.sku.length + s.invoice.length + s.endCustomer.length, 80);
  await tx.execute(sql`insert into uploads (id, distributor_id, period, file_name, format, kind, bytes, rows_read, rows_accepted, result, created_by)
    values (${uploadId}::uuid, ${o.distributorId}, ${`${o.period}-01`}::date, ${o.fileName}, 'csv', 'pos_lines', ${bytes},
      ${o.sales.length}, ${o.sales.length}, ${JSON.stringify(answer)}::jsonb, ${o.userId}::uuid)`);
  for (let b = 0; b * BLOCK_LINES < o.sales.length; b++) {
    const part = o.sales.slice(b * BLOCK_LINES, (b + 1) * BLOCK_LINES);
    const text = part.map((s, i) => blockLine(s, o.productId(s.sku), b * BLOCK_LINES + i + 2)).join("\n") + "\n";
    await tx.execute(sql`insert into pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
      values (${uploadId}::uuid, ${b}, ${o.distributorId}, ${BLOCK_FORMAT}, ${part.length}, ${text})`);
  }
  await tx.execute(sql`update submission_revisions set upload_id = ${uploadId}::uuid where id = ${o.revisionId}::uuid`);
  return uploadId;
}
