import type { z } from "zod";
import type { Queryable } from "@/db/open";
import { products } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import type { createProductSchema } from "@/lib/validation/admin";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";

export async function createProduct(db: Queryable, viewer: Viewer, input: z.infer<typeof createProductSchema>) {
  requireRole(viewer, ["admin"]);
  const [row] = await db
    .insert(products)
    .values({ sku: input.sku, description: input.description, family: input.family, listPrice: input.listPrice, upc: input.upc ?? null, packSize: input.packSize ?? null, packSizes: input.packSizes ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError("conflict", `SKU ${input.sku} (or its UPC) already exists`, [{ path: "sku", message: "Already exists" }]);
  await recordAudit(db, viewer, "product.create", { subject: row.sku });
  return { sku: row.sku, description: row.description, family: row.family, listPrice: row.listPrice, upc: row.upc, packSize: row.packSize, packSizes: row.packSizes ?? {} };
}
