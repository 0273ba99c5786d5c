/**
 * Issue 15 item 5 in the data layer: an upload that covers part of the period is combined, when the
 * distributor says so (`combine=<uploadId>,…`), with its earlier partial uploads of the period into
 * the month (`combinePartials`: sales and receipts added, on hand from the latest-dated file); the
 * earlier files' POS lines are copied to this upload, so the revision that keeps it keeps every line.
 * Without `combine`, a partial upload lists the earlier partial files it could be combined with.
 * Runs in the upload's transaction; reads only the distributor's own uploads (and row-level security
 * checks it again).
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { uploads } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { periodToDate } from "@/lib/domain/periods";
import { combinePartials, type PartialFile } from "@/lib/imports/combine";
import type { Coverage } from "@/lib/imports/coverage";
import type { ParseOutcome, SkuTotals } from "@/lib/imports";
import { mapRows, num } from "@/db/sql-rows";

/** An earlier upload of the period this one could be combined with (or was). */
export interface PartialUpload {
  uploadId: string;
  fileName: string | null;
  coverage: Coverage;
}

const MAX_COMBINED = 12;

type Stored = { lines?: SkuTotals[]; coverage?: Coverage };

/** The period's uploads of the distributor, newest first: only the stored answer's coverage (and, to combine, its per-SKU lines). */
async function earlier(tx: Queryable, distributorId: number, period: string, ids?: string[]) {
  return tx
    .select({
      id: uploads.id, fileName: uploads.fileName, kind: uploads.kind,
      result: ids ? sql<Stored>`jsonb_build_object('coverage', ${uploads.result}->'coverage', 'lines', ${uploads.result}->'lines')` : sql<Stored>`jsonb_build_object('coverage', ${uploads.result}->'coverage')`,
    })
    .from(uploads)
    .where(and(eq(uploads.distributorId, distributorId), eq(uploads.period, periodToDate(period)), ids ? inArray(uploads.id, ids) : undefined))
    .orderBy(desc(uploads.createdAt))
    .limit(ids ? MAX_COMBINED : 200);
}

/** Combines `result` (this upload's, in place) with the uploads named; refuses (nothing stored) when they cannot be. */
export async function combineWithEarlier(
  tx: Queryable,
  d: { id: number },
  period: string,
  uploadId: string,
  fileName: string | null,
  result: ParseOutcome,
  ids: string[],
): Promise<{ combinedWith: PartialUpload[]; copiedLines: number }> {
  const rows = await earlier(tx, d.id, period, ids);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) {
    throw new AppError("validation_failed", `No upload ${missing[0]} of yours for period ${period} to combine with; nothing was stored`, [{ path: "combine", message: "Not an upload of yours for this period" }]);
  }
  const files: PartialFile[] = [
    { uploadId, fileName, kind: result.kind, coverage: result.coverage, lines: result.lines },
    ...rows.map((r) => ({ uploadId: r.id, fileName: r.fileName, kind: r.kind as PartialFile["kind"], coverage: (r.result as Stored).coverage, lines: (r.result as Stored).lines ?? [] })),
  ];
  const c = combinePartials(files);
  if (!c.ok) throw new AppError("validation_failed", `${c.message}; nothing was stored`, [{ path: "combine", message: c.message }]);
  result.lines = c.lines;
  result.coverage = c.coverage;
  result.warnings.unshift({ code: "combined", message: c.message });

  let copiedLines = 0;
  if (result.kind === "pos_lines") {
    // The earlier files' POS lines, block by block, numbered after this upload's own blocks.
    const copied = await tx.execute(sql`
      insert into pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
      select ${uploadId}::uuid,
             (select coalesce(max(block_no), -1) + 1 from pos_line_blocks where upload_id = ${uploadId}::uuid)
               + row_number() over (order by b.upload_id, b.block_no) - 1,
             b.distributor_id, b.format, b.line_count, b.lines
        from pos_line_blocks b
       where b.upload_id = any(${sql.param(ids)}::uuid[]) and b.distributor_id = ${d.id}
      returning line_count`);
    copiedLines = mapRows(copied, (r) => num(r.line_count)).reduce((n, c) => n + c, 0);
  }
  return { combinedWith: rows.map((r) => ({ uploadId: r.id, fileName: r.fileName, coverage: (r.result as Stored).coverage! })), copiedLines };
}

/**
 * The earlier partial uploads of the period a partial upload could be combined with: same kind, days
 * known and not overlapping this file's or each other's (the newest of overlapping ones).
 */
export async function combinableUploads(tx: Queryable, d: { id: number }, period: string, result: ParseOutcome): Promise<PartialUpload[]> {
  if (!result.coverage?.partial || result.rowsAccepted === 0) return [];
  const taken: Coverage[] = [result.coverage];
  const out: PartialUpload[] = [];
  for (const r of await earlier(tx, d.id, period)) {
    const cov = (r.result as Stored).coverage;
    if (r.kind !== result.kind || !cov?.partial || taken.some((t) => cov.from <= t.to && t.from <= cov.to)) continue;
    taken.push(cov);
    out.push({ uploadId: r.id, fileName: r.fileName, coverage: cov });
    if (out.length >= MAX_COMBINED - 1) break;
  }
  return out.sort((a, b) => (a.coverage.from < b.coverage.from ? -1 : 1));
}
