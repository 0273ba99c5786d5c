import { asc, count, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { products } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { PRODUCT_PAGE_SIZE, type ProductListQuery } from "@/lib/validation/admin-csv";
import { requireRole } from "../authorize";

export interface ProductListRow {
  sku: string;
  description: string;
  family: string;
  listPrice: string;
  upc: string | null;
  packSize: number | null;
  /** Units per kind of pack ({ CA: 12 }); empty when only `packSize` (any pack) or nothing is known. */
  packSizes: Record<string, number>;
  active: boolean;
}

export interface ProductListPage {
  rows: ProductListRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** `%text%` for ILIKE with the wildcards of the text itself escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
}

/** The catalogue, by SKU, searched in SKU, description and family; one page at a time. Admins only. */
export async function listProducts(db: Queryable, viewer: Viewer, query: ProductListQuery, pageSize = PRODUCT_PAGE_SIZE): Promise<ProductListPage> {
  requireRole(viewer, ["admin"]);
  let where: SQL | undefined;
  if (query.q) {
    const p = containsPattern(query.q);
    where = or(ilike(products.sku, p), ilike(products.description, p), ilike(products.family, p));
  }
  const [{ n }] = (await db.select({ n: count() }).from(products).where(where)) as [{ n: number }];
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select({ sku: products.sku, description: products.description, family: products.family, listPrice: products.listPrice, upc: products.upc, packSize: products.packSize, packSizes: sql<Record<string, number>>`coalesce(${products.packSizes}, '{}'::jsonb)`, active: products.active })
    .from(products)
    .where(where)
    .orderBy(asc(products.sku))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total, page, pageCount, pageSize };
}
