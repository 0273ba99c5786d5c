/**
 * Upload schemas shared by `POST /api/v1/uploads`, `POST /api/v1/uploads/{id}/xrefs`, the portal's
 * upload actions and the data layer. Pure: no I/O.
 *
 * - `uploadOptionsSchema`  the caller's answers: `{ period, mapping?, kind?, dateOrder?, sheet?, replaces?, fileName? }`.
 *                          `mapping` may arrive as a JSON string (query string / form field):
 *                          `{"0":"date","3":"sku","5":"quantity","4":null}` (column index → field or null = ignore).
 * - `mapPartsSchema`       `{ mappings: [{ part, sku }] }`: the distributor's unknown part numbers → our SKUs.
 * - `posLinesQuerySchema`  `?distributor=CODE` (staff).
 */
import { z } from "zod";
import { FIELDS } from "@/lib/imports/types";
import { distributorCodeSchema, partNumberSchema, periodSchema, skuSchema } from "./common";

export const mappingSchema = z.record(
  z.string().regex(/^\d{1,4}$/, "mapping keys are column indexes (0, 1, 2, …)"),
  z.enum(FIELDS, { error: `a mapped field is one of ${FIELDS.join(", ")} (or null to ignore the column)` }).nullable(),
);

/** A JSON string (query/form) or an object. */
const jsonMapping = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return v; // reported by the record schema as "expected record"
  }
}, mappingSchema.optional());

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const uploadOptionsSchema = z.object({
  period: periodSchema,
  mapping: jsonMapping,
  kind: z.preprocess(blankToUndefined, z.enum(["pos_lines", "summary"], { error: "kind is pos_lines or summary" }).optional()),
  dateOrder: z.preprocess(blankToUndefined, z.enum(["MDY", "DMY"], { error: "dateOrder is MDY (month/day) or DMY (day/month)" }).optional()),
  sheet: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200).optional()),
  /** The earlier upload of the same file this one replaces (a re-read with other answers): it is deleted unless a revision uses it. */
  replaces: z.preprocess(blankToUndefined, z.uuid("replaces must be an upload id").optional()),
  fileName: z.preprocess(blankToUndefined, z.string().trim().max(255).optional()),
  /** Earlier partial uploads of the period to combine this one with into the month (comma-separated ids or a list; at most 11). */
  combine: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.split(",").map((s) => s.trim())) : v),
    z.array(z.uuid("combine lists upload ids")).min(1).max(11, "combine at most 11 earlier uploads").optional(),
  ),
  /** The answer to `needs.duplicates`: lines identical in every field are kept (counted) or dropped. */
  duplicates: z.preprocess(blankToUndefined, z.enum(["keep", "drop"], { error: "duplicates is keep or drop" }).optional()),
  /** The answer to `needs.packSizes`: SKU → units per case/box/pack (JSON string or object), e.g. `{"MCU-1000":250}`. */
  packSizes: z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      if (v.trim() === "") return undefined;
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    },
    z.record(skuSchema, z.number({ error: "a pack size is a whole number of units" }).int("a pack size is a whole number of units").min(1, "a pack size is at least 1").max(1_000_000)).optional(),
  ),
});
export type UploadOptions = z.output<typeof uploadOptionsSchema>;

export const mapPartsSchema = z.object({
  mappings: z
    .array(
      z.object({
        part: partNumberSchema,
        sku: skuSchema,
      }),
    )
    .min(1, "Map at least one part")
    .max(1000, "At most 1,000 parts at once"),
});
export type MapPartsInput = z.output<typeof mapPartsSchema>;

export const posLinesQuerySchema = z.object({
  distributor: z.preprocess(blankToUndefined, distributorCodeSchema.optional()),
});

/** The raw-body content types `POST /api/v1/uploads` names (any other non-multipart body is sniffed too). */
export const UPLOAD_CONTENT_TYPES = [
  "text/csv",
  "text/tab-separated-values",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/edi-x12",
  "application/octet-stream",
] as const;
