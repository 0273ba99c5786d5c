/**
 * `loadPartResolver(db, distributorId)` → `{ resolvePart, productIdOf, products }`
 *
 * The part resolver of one distributor's uploads, from the database: our SKUs (case-insensitive),
 * the distributor's cross-reference (`part_xrefs`) and UPC/GTINs (`products.upc`), in that order of
 * preference per identifier (see `lib/imports/resolver.ts`). `productIdOf(sku)` gives the product id a
 * resolved SKU stands for (for staging POS lines). Loaded once per upload: a catalogue of tens of
 * thousands of SKUs is a few MB.
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { partXrefs, products } from "@/db/schema";
import { createPartResolver, type PartResolver } from "@/lib/imports";
import { packSizeFor } from "@/lib/domain/units";

export interface DistributorResolver {
  resolvePart: PartResolver;
  productIdOf: (sku: string) => number | undefined;
  /** SKU → description and family (for the review and to add rows the grid does not have). */
  productOf: (sku: string) => { sku: string; description: string; family: string } | undefined;
  /** Units per case/box/pack of a SKU in a unit (catalogue: its size for that pack, else its one pack size), null when not known. */
  packSizeOf: (sku: string, unit: string) => number | null;
  /** The resolver's tables and SKU → product id, as plain data (for a parser on another thread). */
  tables: { skus: string[]; crossRef: [string, string][]; barcodes: [string, string][] };
  productIds: [string, number][];
}

export async function loadPartResolver(db: Queryable, distributorId: number): Promise<DistributorResolver> {
  const [prods, xrefs] = await Promise.all([
    db.select({ id: products.id, sku: products.sku, upc: products.upc, description: products.description, family: products.family, packSize: products.packSize, packSizes: products.packSizes }).from(products),
    db
      .select({ part: partXrefs.distributorPart, sku: products.sku })
      .from(partXrefs)
      .innerJoin(products, eq(products.id, partXrefs.productId))
      .where(eq(partXrefs.distributorId, distributorId)),
  ]);
  const bySku = new Map<string, (typeof prods)[number]>();
  for (const p of prods) bySku.set(p.sku, p);
  const byUpper = new Map<string, (typeof prods)[number]>();
  for (const p of prods) if (!byUpper.has(p.sku.toUpperCase())) byUpper.set(p.sku.toUpperCase(), p);
  const find = (sku: string) => bySku.get(sku) ?? byUpper.get(sku.toUpperCase());
  const tables = {
    skus: prods.map((p) => p.sku),
    crossRef: xrefs.map((x) => [x.part, x.sku] as [string, string]),
    barcodes: prods.filter((p) => p.upc).map((p) => [p.upc!, p.sku] as [string, string]),
  };
  return {
    resolvePart: createPartResolver(tables),
    tables,
    productIds: prods.map((p) => [p.sku, p.id] as [string, number]),
    productIdOf: (sku) => find(sku)?.id,
    packSizeOf: (sku, unit) => {
      const p = find(sku);
      return p ? packSizeFor(p.packSizes, p.packSize, unit) : null;
    },
    productOf: (sku) => {
      const p = find(sku);
      return p ? { sku: p.sku, description: p.description, family: p.family } : undefined;
    },
  };
}
