/**
 * `getUpload(db, viewer, id)` → the stored answer of one of the distributor's uploads (404 for
 * another tenant's or an unknown id; staff may read any).
 * `rejectedRowsCsv(answer)` → the rejected rows (and the rows set aside: outside the period,
 * duplicates, unknown parts, skipped) as a formula-safe CSV: line, column, reason.
 */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { uploads } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { toCsv } from "@/lib/http/csv";
import type { UploadAnswer } from "./answer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getUpload(db: Queryable, viewer: Viewer, id: string): Promise<{ answer: UploadAnswer; distributorId: number }> {
  if (!UUID.test(id)) throw notFound("No such upload");
  const where =
    viewer.role === "distributor"
      ? and(eq(uploads.id, id), eq(uploads.distributorId, viewer.distributorId ?? -1))
      : eq(uploads.id, id);
  const [row] = await db.select({ result: uploads.result, distributorId: uploads.distributorId, format: uploads.format }).from(uploads).where(where).limit(1);
  if (!row || row.format === "pending") throw notFound("No such upload");
  return { answer: row.result as UploadAnswer, distributorId: row.distributorId };
}

export function rejectedRowsCsv(a: UploadAnswer): string {
  const rows: unknown[][] = [];
  for (const e of a.errors ?? []) rows.push([e.line, "rejected", e.column ?? "", e.message]);
  for (const o of a.outOfPeriod ?? []) rows.push([o.line, "outside the period", "", `Dated ${o.date}, outside ${a.period}`]);
  for (const d of a.duplicates ?? []) rows.push([d.line, "duplicate", "", `Invoice ${d.invoice} line ${d.invoiceLine} appears earlier in the file`]);
  for (const s of a.skipped ?? []) rows.push([s.line, "skipped", "", s.reason]);
  for (const u of a.unknownParts ?? []) rows.push(["", "unknown part", "", `${u.part}: not in the catalogue or your cross-reference (${u.rows} row${u.rows === 1 ? "" : "s"})`]);
  rows.sort((x, y) => (Number(x[0]) || Infinity) - (Number(y[0]) || Infinity));
  return toCsv(["line", "status", "column", "reason"], rows);
}
