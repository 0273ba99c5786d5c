import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { products } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import {
  PRODUCT_CSV_HEADER,
  PRODUCT_CSV_REQUIRED,
  productCsvRowSchema,
  type CsvImportReport,
  type ProductCsvRow,
} from "@/lib/validation/admin-csv";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { chunks, describeIssues, parseCsvRecords } from "./csv-records";

const BATCH = 500;

/**
 * Imports products from a CSV `sku,description,family,list_price[,upc][,pack_size][,pack_sizes]` (pack_sizes
 * per kind of pack: "CA=12;BX=6"). Idempotent: a
 * new SKU is created; a known SKU has its description, family, list price, UPC and pack size
 * updated when they differ (a blank UPC or pack size cell keeps the stored one), and is counted
 * unchanged otherwise. Rejected rows —
 * invalid values, a SKU repeated in the file, a UPC that belongs to another SKU — are reported
 * by line; the other rows still import.
 */
export async function importProductsCsv(db: Queryable, viewer: Viewer, csv: string): Promise<CsvImportReport> {
  requireRole(viewer, ["admin"]);
  const records = parseCsvRecords(csv, PRODUCT_CSV_REQUIRED, PRODUCT_CSV_HEADER);
  const errors: CsvImportReport["errors"] = [];
  const good: { line: number; row: ProductCsvRow }[] = [];
  const firstLineOfSku = new Map<string, number>();
  const skuOfUpc = new Map<string, { sku: string; line: number }>();

  for (const { line, values } of records) {
    const r = productCsvRowSchema.safeParse(values);
    if (!r.success) {
      errors.push({ line, message: describeIssues(r.error.issues) });
      continue;
    }
    const row = r.data;
    const seen = firstLineOfSku.get(row.sku);
    if (seen !== undefined) {
      errors.push({ line, message: `SKU ${row.sku} appears again (first on line ${seen}); only the first row is imported` });
      continue;
    }
    if (row.upc) {
      const other = skuOfUpc.get(row.upc);
      if (other) {
        errors.push({ line, message: `UPC ${row.upc} is also given to SKU ${other.sku} on line ${other.line}` });
        continue;
      }
      skuOfUpc.set(row.upc, { sku: row.sku, line });
    }
    firstLineOfSku.set(row.sku, line);
    good.push({ line, row });
  }

  // A UPC already stored for another SKU would break the unique index: reject those rows up front.
  const upcs = [...skuOfUpc.keys()];
  const owner = new Map<string, string>();
  for (const part of chunks(upcs, BATCH)) {
    for (const p of await db.select({ sku: products.sku, upc: products.upc }).from(products).where(inArray(products.upc, part))) {
      owner.set(p.upc!, p.sku);
    }
  }
  const rows = good.filter(({ line, row }) => {
    const stored = row.upc ? owner.get(row.upc) : undefined;
    if (stored !== undefined && stored !== row.sku) {
      errors.push({ line, message: `UPC ${row.upc} already belongs to SKU ${stored}` });
      return false;
    }
    return true;
  });

  let created = 0;
  let updated = 0;
  await db.transaction(async (tx) => {
    for (const part of chunks(rows, BATCH)) {
      const written = await tx
        .insert(products)
        .values(part.map(({ row }) => ({ sku: row.sku, description: row.description, family: row.family, listPrice: row.list_price, upc: row.upc ?? null, packSize: row.pack_size ?? null, packSizes: row.pack_sizes ?? null })))
        .onConflictDoUpdate({
          target: products.sku,
          set: {
            description: sql`excluded.description`,
            family: sql`excluded.family`,
            listPrice: sql`excluded.list_price`,
            upc: sql`coalesce(excluded.upc, ${products.upc})`,
            packSize: sql`coalesce(excluded.pack_size, ${products.packSize})`,
            packSizes: sql`coalesce(excluded.pack_sizes, ${products.packSizes})`,
          },
          setWhere: sql`(${products.description}, ${products.family}, ${products.listPrice}, ${products.upc}, ${products.packSize}, ${products.packSizes})
            is distinct from (excluded.description, excluded.family, excluded.list_price, coalesce(excluded.upc, ${products.upc}), coalesce(excluded.pack_size, ${products.packSize}), coalesce(excluded.pack_sizes, ${products.packSizes}))`,
        })
        .returning({ sku: products.sku, inserted: sql<boolean>`(xmax = 0)` });
      for (const w of written) {
        if (w.inserted) created++;
        else updated++;
      }
    }
    await recordAudit(tx, viewer, "product.import", {
      data: { created, updated, unchanged: rows.length - created - updated, rejected: errors.length },
    });
  });
  errors.sort((a, b) => a.line - b.line);
  return { created, updated, unchanged: rows.length - created - updated, errors };
}
