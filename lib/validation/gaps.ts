import { z } from "zod";
import { distributorCodeSchema, periodSchema } from "./common";

export const GAP_FLAGS = ["excess", "burning_down", "slowing", "new_gap", "unreported"] as const;
export const GAP_SORTS = [
  "distributor", "sku", "opening", "sellIn", "sellThrough", "returns", "adjustments",
  "calculated", "reported", "gap", "gapPct", "newGap", "weeksOfSupply", "absGap",
] as const;

const optionalNumber = z
  .union([z.literal("").transform(() => undefined), z.coerce.number().min(0)])
  .optional();

export const gapQuerySchema = z.object({
  period: periodSchema.optional(),
  distributor: distributorCodeSchema.optional(),
  family: z.string().trim().max(64).optional(),
  sku: z.string().trim().max(64).optional(),
  minAbsGap: optionalNumber,
  minGapPct: optionalNumber,
  flag: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : []))
    .pipe(z.array(z.enum(GAP_FLAGS))),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/)
    .optional()
    .refine((s) => !s || (GAP_SORTS as readonly string[]).includes(s.replace(/^-/, "")), "Unknown sort column"),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  cursor: z.string().max(200).optional(),
});

export type GapQuery = z.infer<typeof gapQuerySchema>;
