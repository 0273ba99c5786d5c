/**
 * `findKeptPosLines(db, viewer, { period, distributorCode? })` → `{ distributor, revision, uploadId }`
 * `iteratePosLines(db, target)` → async batches of `PosLineOut` (one stored block each: bounded memory)
 * `listPosLines(db, viewer, input)` → every line (small periods, tests)
 *
 * The line-level POS kept with the LATEST revision of a period: the POS lines of the upload that
 * revision names (`submission_revisions.upload_id`). Nothing submitted, or a revision without an
 * upload: no lines. A distributor reads its own (another code → 404); staff name one with
 * `distributorCode`.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { runnerOf, type DbRunner } from "@/db/rls";
import { submissionRevisions, submissions } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { resolveDistributor } from "../authorize";
import { parsePeriodParam } from "../submissions/period-info";
import { firstRow, num, rows, str, type RowMapper } from "@/db/sql-rows";
import { BLOCK_FORMAT, decodePosBlock, productIdsOf, type PosLineOut } from "@/lib/imports/split";

export type { PosLineOut } from "@/lib/imports/split";

export const POS_LINE_FIELDS = [
  "sku", "quantity", "invoiceDate", "invoice", "invoiceLine", "unitPrice", "endCustomer",
  "shipToCity", "shipToState", "shipToCountry", "transferType", "distributorPart", "sourceLine",
] as const satisfies readonly (keyof PosLineOut)[];

const blockRow: RowMapper<{ block_no: number; format: number; lines: string }> = (r) => ({
  block_no: num(r.block_no),
  format: num(r.format),
  lines: str(r.lines),
});

export interface PosLinesTarget {
  distributor: { id: number; code: string; name: string };
  period: string;
  revision: number | null;
  uploadId: string | null;
}

export async function findKeptPosLines(db: Queryable, viewer: Viewer, input: { period: string; distributorCode?: string | null }): Promise<PosLinesTarget> {
  const period = parsePeriodParam(input.period);
  const d = await resolveDistributor(db, viewer, input.distributorCode ?? null);
  const [row] = await db
    .select({ revision: submissionRevisions.revision, uploadId: submissionRevisions.uploadId })
    .from(submissions)
    .innerJoin(submissionRevisions, eq(submissionRevisions.id, submissions.latestRevisionId))
    .where(and(eq(submissions.distributorId, d.id), eq(submissions.period, periodToDate(period))))
    .limit(1);
  return { distributor: d, period, revision: row?.revision ?? null, uploadId: row?.uploadId ?? null };
}

/** One block (≤ 4,096 lines) per query: bounded memory however large the upload. */
export async function* iteratePosLines(db: Queryable | DbRunner, target: PosLinesTarget): AsyncGenerator<PosLineOut[]> {
  if (!target.uploadId) return;
  const run = runnerOf(db);
  const skus = new Map<number, string>();
  let after = -1;
  for (;;) {
    const block = await run((d) =>
      firstRow(
        d,
        sql`
        select block_no, format, lines from pos_line_blocks
         where upload_id = ${target.uploadId}::uuid and distributor_id = ${target.distributor.id} and block_no > ${after}
         order by block_no
         limit 1`,
        blockRow,
      ),
    );
    if (!block) return;
    if (block.format !== BLOCK_FORMAT) throw new Error(`POS line block format ${block.format} is not known to this version`);
    after = block.block_no;
    const missing = [...productIdsOf(block.lines)].filter((id) => !skus.has(id));
    if (missing.length) {
      const found = await run((d) =>
        rows(d, sql`select id, sku from products where id in (${sql.join(missing.map((id) => sql`${id}`), sql`, `)})`, (r) => ({ id: num(r.id), sku: str(r.sku) })),
      );
      for (const r of found) skus.set(r.id, r.sku);
    }
    yield decodePosBlock(block.lines, (id) => skus.get(id));
  }
}

export async function listPosLines(db: Queryable, viewer: Viewer, input: { period: string; distributorCode?: string | null }) {
  const target = await findKeptPosLines(db, viewer, input);
  const lines: PosLineOut[] = [];
  for await (const batch of iteratePosLines(db, target)) lines.push(...batch);
  return { ...target, lines };
}
