/**
 * Column mappings remembered per distributor × header signature (`column_mappings`): the answers a
 * distributor confirmed for a file layout — which column is which field, and optionally the kind of
 * content and the date order — so next month's file from the same system reads with zero clicks.
 *
 * - `findSavedMapping(db, distributorId, signature)` → `SavedMapping | null`
 * - `saveMapping(db, viewer, distributorId, signature, saved)` upserts (the latest confirmation wins).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { columnMappings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { DateOrder, Kind, Mapping } from "@/lib/imports";
import { mappingSchema } from "@/lib/validation/uploads";

export interface SavedMapping {
  columns: Mapping;
  kind?: Kind;
  dateOrder?: DateOrder;
}

/** Stored as `{ columns, kind?, dateOrder? }`; a bare `{ "0": "sku", … }` record is read too. */
function readStored(v: unknown): SavedMapping | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const columns = mappingSchema.safeParse("columns" in o ? o.columns : o);
  if (!columns.success) return null;
  return {
    columns: columns.data as Mapping,
    kind: o.kind === "pos_lines" || o.kind === "summary" ? o.kind : undefined,
    dateOrder: o.dateOrder === "MDY" || o.dateOrder === "DMY" ? o.dateOrder : undefined,
  };
}

export async function findSavedMapping(db: Queryable, distributorId: number, signature: string): Promise<SavedMapping | null> {
  const [row] = await db
    .select({ mapping: columnMappings.mapping })
    .from(columnMappings)
    .where(and(eq(columnMappings.distributorId, distributorId), eq(columnMappings.headerSignature, signature)))
    .limit(1);
  return row ? readStored(row.mapping) : null;
}

export async function saveMapping(db: Queryable, viewer: Viewer, distributorId: number, signature: string, saved: SavedMapping): Promise<void> {
  const value = { columns: saved.columns, ...(saved.kind ? { kind: saved.kind } : {}), ...(saved.dateOrder ? { dateOrder: saved.dateOrder } : {}) };
  await db
    .insert(columnMappings)
    .values({ distributorId, headerSignature: signature, mapping: value, updatedBy: viewer.userId })
    .onConflictDoUpdate({
      target: [columnMappings.distributorId, columnMappings.headerSignature],
      set: { mapping: value, updatedBy: viewer.userId, updatedAt: sql`now()` },
    });
}
