/**
 * `searchProducts(db, viewer, { query, limit? })` → `[{ sku, description, family }]`
 *
 * Active catalogue products whose SKU or description contains `query` (case-insensitive), SKUs that
 * start with it first; at most `limit` (default and maximum 20). For the distributor's "add a SKU
 * from the catalogue" box. Any signed-in viewer may read the catalogue (it is the manufacturer's
 * public product list); the viewer is required so an anonymous caller never reaches it.
 */
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { products } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { unauthenticated } from "@/lib/errors";

export interface CatalogueProductRow {
  sku: string;
  description: string;
  family: string;
}

export const MAX_PRODUCT_RESULTS = 20;

export async function searchProducts(
  db: Queryable,
  viewer: Viewer | null,
  input: { query: string; limit?: number },
): Promise<CatalogueProductRow[]> {
  if (!viewer) throw unauthenticated();
  const q = input.query.trim().slice(0, 64);
  if (!q) return [];
  const limit = Math.max(1, Math.min(MAX_PRODUCT_RESULTS, input.limit ?? MAX_PRODUCT_RESULTS));
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ sku: products.sku, description: products.description, family: products.family })
    .from(products)
    .where(and(eq(products.active, true), or(ilike(products.sku, pattern), ilike(products.description, pattern))))
    .orderBy(sql`case when ${products.sku} ilike ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} then 0 else 1 end`, asc(products.sku))
    .limit(limit);
}
