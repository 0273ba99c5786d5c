import { z } from "zod";
import { distributorCodeSchema, periodSchema } from "./common";

export const GAP_FLAGS = ["excess", "burning_down", "slowing", "new_gap", "unreported"] as const;
export type GapFlag = (typeof GAP_FLAGS)[number];
export const GAP_SORTS = [
  "distributor", "sku", "family", "opening", "sellIn", "sellThrough", "returns", "adjustments",
  "calculated", "reported", "gap", "gapPct", "newGap", "weeksOfSupply", "absGap",
] as const;
export type GapSort = (typeof GAP_SORTS)[number];

export const DEFAULT_GAP_SORT = "-absGap";
/** Upper bound of rows one CSV/XLSX export streams. */
export const GAP_EXPORT_CAP = 1_000_000;

const optionalNumber = z
  .union([z.literal("").transform(() => undefined), z.coerce.number().min(0).max(1e9)])
  .optional();

const flagList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((s) => {
    const parts = (Array.isArray(s) ? s : s ? [s] : []).flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean);
    return [...new Set(parts)];
  })
  .pipe(z.array(z.enum(GAP_FLAGS, { error: `Flags are ${GAP_FLAGS.join(", ")}` })));

const booleanish = z
  .union([z.boolean(), z.enum(["", "0", "1", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "1" || v === "true");

/**
 * Query of the gap view, shared by the REST API (`GET /api/v1/gaps`), the page and the exports.
 * `flag` takes one or several comma-separated flags: a row matches when it carries any of them.
 * `significant` keeps rows with |gap| ≥ the settings' unit threshold or |gap %| ≥ its % threshold.
 * `sort` is a column name, descending with a leading "-" (default `-absGap`).
 * `cursor` is an opaque keyset cursor from a previous page's `nextCursor`.
 */
export const gapQuerySchema = z.object({
  period: periodSchema.optional(),
  distributor: distributorCodeSchema.optional().or(z.literal("").transform(() => undefined)),
  family: z.string().trim().max(64).optional().transform((s) => s || undefined),
  sku: z.string().trim().max(64).optional().transform((s) => s || undefined),
  minAbsGap: optionalNumber,
  minGapPct: optionalNumber,
  flag: flagList,
  significant: booleanish,
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/, "Sort by a column name, with a leading - for descending")
    .optional()
    .refine((s) => !s || (GAP_SORTS as readonly string[]).includes(s.replace(/^-/, "")), `Sort by one of ${GAP_SORTS.join(", ")}`),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  cursor: z.string().max(1000).optional(),
});

export type GapQuery = z.infer<typeof gapQuerySchema>;
export type GapFilterInput = z.input<typeof gapQuerySchema>;

/** The URL parameters that define a gap view (not paging): what a shared link and an export carry. */
export const GAP_VIEW_PARAMS = ["period", "distributor", "family", "sku", "minAbsGap", "minGapPct", "flag", "significant", "sort"] as const;

export const healthQuerySchema = z.object({
  period: periodSchema.optional(),
  distributor: distributorCodeSchema.optional().or(z.literal("").transform(() => undefined)),
  family: z.string().trim().max(64).optional().transform((s) => s || undefined),
});
export type HealthQuery = z.infer<typeof healthQuerySchema>;
