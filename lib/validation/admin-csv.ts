import { z } from "zod";
import { createDistributorSchema, createProductSchema, ediIdentitySchema, packSizeSchema, packSizesSchema } from "./admin";

/** Upload limits of the data admin screens. */
export const SELL_IN_MAX_BYTES = 50 * 1024 * 1024;
export const CATALOGUE_CSV_MAX_BYTES = 10 * 1024 * 1024;

/** Columns of the catalogue CSV files; those not in the `_REQUIRED` list are optional. */
export const PRODUCT_CSV_HEADER = ["sku", "description", "family", "list_price", "upc", "pack_size", "pack_sizes"] as const;
export const PRODUCT_CSV_REQUIRED = ["sku", "description", "family", "list_price"] as const;
export const DISTRIBUTOR_CSV_HEADER = ["code", "name", "region", "edi_isa_id", "edi_gs_id", "duns", "gln"] as const;
export const DISTRIBUTOR_CSV_REQUIRED = ["code", "name"] as const;

/** A blank cell is "not given" (so an import never clears a stored UPC or region). */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** One row of a products CSV; same rules as the create form (`createProductSchema`). */
export const productCsvRowSchema = z.object({
  sku: createProductSchema.shape.sku,
  description: createProductSchema.shape.description,
  family: createProductSchema.shape.family,
  list_price: z.preprocess((v) => v ?? "", createProductSchema.shape.listPrice),
  upc: z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{8,14}$/, "UPC/GTIN has 8 to 14 digits").optional()),
  pack_size: z.preprocess(blankToUndefined, packSizeSchema.optional()),
  /** Units per kind of pack in one cell: "CA=12;BX=6" (or "CA:12 BX:6"). */
  pack_sizes: z.preprocess((v) => {
    const s = blankToUndefined(v);
    if (typeof s !== "string") return s;
    return Object.fromEntries(s.split(/[;,\s]+/).filter(Boolean).map((pair) => {
      const [unit, n] = pair.split(/[=:]/);
      return [unit ?? "", n ?? ""];
    }));
  }, packSizesSchema.optional()),
});
export type ProductCsvRow = z.infer<typeof productCsvRowSchema>;

/** One row of a distributors CSV; same rules as the create form (`createDistributorSchema`). */
export const distributorCsvRowSchema = z.object({
  code: createDistributorSchema.shape.code,
  name: createDistributorSchema.shape.name,
  region: z.preprocess(blankToUndefined, z.string().trim().max(100, "region is at most 100 characters").optional()),
  edi_isa_id: z.preprocess(blankToUndefined, ediIdentitySchema.ediIsaId),
  edi_gs_id: z.preprocess(blankToUndefined, ediIdentitySchema.ediGsId),
  duns: z.preprocess(blankToUndefined, ediIdentitySchema.duns),
  gln: z.preprocess(blankToUndefined, ediIdentitySchema.gln),
});
export type DistributorCsvRow = z.infer<typeof distributorCsvRowSchema>;

/** What a catalogue import reports: nothing is dropped silently. */
export interface CsvImportReport {
  created: number;
  updated: number;
  /** Rows identical to what is stored (re-importing a file changes nothing). */
  unchanged: number;
  errors: { line: number; message: string }[];
}

/** Empty form inputs arrive as "", which means "not given". */
export const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const page = z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1));

/** `/admin/products?q=&page=` */
export const productListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  page,
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;
export const PRODUCT_PAGE_SIZE = 50;

const day = z.preprocess(emptyToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date YYYY-MM-DD").optional());

/** `/admin/audit?action=&actor=&distributor=&from=&to=&before=` — `before` is the keyset cursor (an id). */
export const auditQuerySchema = z.object({
  action: z.preprocess(emptyToUndefined, z.string().trim().max(64).optional()),
  actor: z.preprocess(emptyToUndefined, z.string().trim().max(320).optional()),
  distributor: z.preprocess(emptyToUndefined, z.string().trim().max(12).transform((s) => s.toUpperCase()).optional()),
  from: day,
  to: day,
  before: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(50)),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
