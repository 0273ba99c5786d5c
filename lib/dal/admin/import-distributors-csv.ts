import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { distributors } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import {
  DISTRIBUTOR_CSV_HEADER,
  DISTRIBUTOR_CSV_REQUIRED,
  distributorCsvRowSchema,
  type CsvImportReport,
  type DistributorCsvRow,
} from "@/lib/validation/admin-csv";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { chunks, describeIssues, parseCsvRecords } from "./csv-records";

const BATCH = 500;

/**
 * Imports distributors from a CSV `code,name[,region][,edi_isa_id,edi_gs_id,duns,gln]`. Idempotent:
 * a new code is created; a known code has its name, region and EDI identities updated when they
 * differ (a blank cell keeps the stored value) and is counted unchanged otherwise. Invalid rows and codes repeated in the file are reported by line.
 */
export async function importDistributorsCsv(db: Queryable, viewer: Viewer, csv: string): Promise<CsvImportReport> {
  requireRole(viewer, ["admin"]);
  const records = parseCsvRecords(csv, DISTRIBUTOR_CSV_REQUIRED, DISTRIBUTOR_CSV_HEADER);
  const errors: CsvImportReport["errors"] = [];
  const rows: { line: number; row: DistributorCsvRow }[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const { line, values } of records) {
    const r = distributorCsvRowSchema.safeParse(values);
    if (!r.success) {
      errors.push({ line, message: describeIssues(r.error.issues) });
      continue;
    }
    const seen = firstLineOfCode.get(r.data.code);
    if (seen !== undefined) {
      errors.push({ line, message: `Distributor code ${r.data.code} appears again (first on line ${seen}); only the first row is imported` });
      continue;
    }
    firstLineOfCode.set(r.data.code, line);
    rows.push({ line, row: r.data });
  }

  let created = 0;
  let updated = 0;
  await db.transaction(async (tx) => {
    for (const part of chunks(rows, BATCH)) {
      const written = await tx
        .insert(distributors)
        .values(
          part.map(({ row }) => ({
            code: row.code, name: row.name, region: row.region ?? null,
            ediIsaId: row.edi_isa_id ?? null, ediGsId: row.edi_gs_id ?? null, duns: row.duns ?? null, gln: row.gln ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: distributors.code,
          set: {
            name: sql`excluded.name`,
            region: sql`coalesce(excluded.region, ${distributors.region})`,
            ediIsaId: sql`coalesce(excluded.edi_isa_id, ${distributors.ediIsaId})`,
            ediGsId: sql`coalesce(excluded.edi_gs_id, ${distributors.ediGsId})`,
            duns: sql`coalesce(excluded.duns, ${distributors.duns})`,
            gln: sql`coalesce(excluded.gln, ${distributors.gln})`,
          },
          setWhere: sql`(${distributors.name}, ${distributors.region}, ${distributors.ediIsaId}, ${distributors.ediGsId}, ${distributors.duns}, ${distributors.gln})
            is distinct from (excluded.name, coalesce(excluded.region, ${distributors.region}), coalesce(excluded.edi_isa_id, ${distributors.ediIsaId}),
              coalesce(excluded.edi_gs_id, ${distributors.ediGsId}), coalesce(excluded.duns, ${distributors.duns}), coalesce(excluded.gln, ${distributors.gln}))`,
        })
        .returning({ code: distributors.code, inserted: sql<boolean>`(xmax = 0)` });
      for (const w of written) {
        if (w.inserted) created++;
        else updated++;
      }
    }
    await recordAudit(tx, viewer, "distributor.import", {
      data: { created, updated, unchanged: rows.length - created - updated, rejected: errors.length },
    });
  });
  errors.sort((a, b) => a.line - b.line);
  return { created, updated, unchanged: rows.length - created - updated, errors };
}
