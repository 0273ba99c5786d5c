import { sql } from "drizzle-orm";
import { boolean, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, jsonb, uuid } from "drizzle-orm/pg-core";
import { distributors, users } from "./organisation";

export const products = pgTable(
  "products",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    sku: text("sku").notNull(),
    description: text("description").notNull(),
    family: text("family").notNull(),
    /** List price per unit in the manufacturer's currency; numeric, never float. */
    listPrice: numeric("list_price", { precision: 14, scale: 4 }).notNull(),
    upc: text("upc"),
    /** Units per case/box/pack/reel: quantities a file gives in cases are converted with it (null: not known — the upload asks). */
    packSize: integer("pack_size"),
    /** Units per kind of pack ({ "CA": 12, "BX": 6 }, keys as lib/domain/units packUnit); wins over pack_size for that pack. */
    packSizes: jsonb("pack_sizes").$type<Record<string, number>>(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_sku_key").on(t.sku),
    uniqueIndex("products_upc_key").on(t.upc).where(sql`${t.upc} is not null`),
    index("products_family_idx").on(t.family),
    check("products_pack_size_positive", sql`${t.packSize} is null or ${t.packSize} > 0`),
  ],
);

/** A distributor's own part number (or a UPC/GTIN it uses) mapped to our SKU. */
export const partXrefs = pgTable(
  "part_xrefs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    distributorPart: text("distributor_part").notNull(),
    productId: integer("product_id").notNull().references(() => products.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [uniqueIndex("part_xrefs_distributor_part_key").on(t.distributorId, sql`upper(${t.distributorPart})`)],
);

/** Column mappings remembered per distributor and header signature. */
export const columnMappings = pgTable(
  "column_mappings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    headerSignature: text("header_signature").notNull(),
    mapping: jsonb("mapping").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("column_mappings_key").on(t.distributorId, t.headerSignature)],
);
