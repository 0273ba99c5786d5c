import { z } from "zod";

/** The columns every sell-in CSV has (in any order). */
export const SELL_IN_HEADER = ["distributor_code", "sku", "ship_date", "quantity", "document", "line"] as const;
/** Columns a file may add: `unit_cost`, the distributor's cost per unit (its book cost on record for ship & debit). */
export const SELL_IN_OPTIONAL = ["unit_cost"] as const;

/** One shipment line of the manufacturer's ERP export. */
export const sellInRowSchema = z.object({
  distributor_code: z.string().trim().min(1, "distributor_code is empty").transform((s) => s.toUpperCase()),
  sku: z.string().trim().min(1, "sku is empty"),
  ship_date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "ship_date must be YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(s + "T00:00:00Z")) && new Date(s + "T00:00:00Z").toISOString().startsWith(s), "ship_date is not a real date"),
  quantity: z
    .string()
    .trim()
    .regex(/^\d+$/, "quantity must be a positive whole number")
    .transform(Number)
    .pipe(z.number().int().min(1, "quantity must be at least 1").max(100_000_000, "quantity is implausibly large")),
  document: z.string().trim().min(1, "document is empty").max(64),
  line: z.string().trim().min(1, "line is empty").max(16),
  /** Decimal text with up to 4 decimals ("4.84", "1,204.5" or "$4.84" are read too); blank or absent = unknown. */
  unit_cost: z
    .string()
    .optional()
    .transform((s) => (s === undefined ? "" : s.trim().replace(/^\$/, "").replace(/,(?=\d{3}(\D|$))/g, "")))
    .pipe(z.string().regex(/^(\d{1,10}(\.\d{1,4})?)?$/, "unit_cost must be a cost per unit such as 4.84 (at most 4 decimals, not negative)"))
    .transform((s) => (s === "" ? null : s)),
});

export type SellInRow = z.infer<typeof sellInRowSchema>;
