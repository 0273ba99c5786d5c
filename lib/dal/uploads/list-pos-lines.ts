/**
 * `findKeptPosLines(db, viewer, { period, distributorCode? })` → `{ distributor, revision, uploadId }`
 * `iteratePosLines(db, target)` → async batches of `PosLineOut` (keyset pages: bounded memory)
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
import { asRows } from "../sql-rows";

export interface PosLineOut {
  sku: string;
  quantity: number;
  invoiceDate: string | null;
  invoice: string | null;
  invoiceLine: string | null;
  unitPrice: string | null;
  endCustomer: string | null;
  shipToCity: string | null;
  shipToState: string | null;
  shipToCountry: string | null;
  transferType: string;
  distributorPart: string | null;
  sourceLine: number;
}

export const POS_LINE_FIELDS = [
  "sku", "quantity", "invoiceDate", "invoice", "invoiceLine", "unitPrice", "endCustomer",
  "shipToCity", "shipToState", "shipToCountry", "transferType", "distributorPart", "sourceLine",
] as const satisfies readonly (keyof PosLineOut)[];

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

const PAGE = 5_000;

export async function* iteratePosLines(db: Queryable | DbRunner, target: PosLinesTarget, pageSize = PAGE): AsyncGenerator<PosLineOut[]> {
  if (!target.uploadId) return;
  const run = runnerOf(db);
  let after = 0;
  for (;;) {
    const rows = asRows<Record<string, unknown>>(
      await run((d) => d.execute(sql`
        select l.id, p.sku, l.quantity, to_char(l.invoice_date, 'YYYY-MM-DD') as invoice_date, l.invoice, l.invoice_line,
               l.unit_price::text as unit_price, l.end_customer, l.ship_to_city, l.ship_to_state, l.ship_to_country,
               l.transfer_type, l.distributor_part, l.source_line
          from pos_lines l join products p on p.id = l.product_id
         where l.upload_id = ${target.uploadId}::uuid and l.distributor_id = ${target.distributor.id} and l.id > ${after}
         order by l.id
         limit ${pageSize}`)),
    );
    if (!rows.length) return;
    after = Number(rows[rows.length - 1]!.id);
    yield rows.map((r) => ({
      sku: String(r.sku),
      quantity: Number(r.quantity),
      invoiceDate: (r.invoice_date as string | null) ?? null,
      invoice: (r.invoice as string | null) ?? null,
      invoiceLine: (r.invoice_line as string | null) ?? null,
      unitPrice: r.unit_price === null || r.unit_price === undefined ? null : trimPrice(String(r.unit_price)),
      endCustomer: (r.end_customer as string | null) ?? null,
      shipToCity: (r.ship_to_city as string | null) ?? null,
      shipToState: (r.ship_to_state as string | null) ?? null,
      shipToCountry: (r.ship_to_country as string | null) ?? null,
      transferType: String(r.transfer_type),
      distributorPart: (r.distributor_part as string | null) ?? null,
      sourceLine: Number(r.source_line),
    }));
    if (rows.length < pageSize) return;
  }
}

/** "2.5300" → "2.53", "4.0000" → "4": exact decimal text, no float. */
function trimPrice(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

export async function listPosLines(db: Queryable, viewer: Viewer, input: { period: string; distributorCode?: string | null }) {
  const target = await findKeptPosLines(db, viewer, input);
  const lines: PosLineOut[] = [];
  for await (const batch of iteratePosLines(db, target)) lines.push(...batch);
  return { ...target, lines };
}
