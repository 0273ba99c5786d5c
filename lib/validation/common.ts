import { z } from "zod";
import { confusableCharIn, confusableMessage } from "@/lib/imports/part-number";

export const periodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a period in the form YYYY-MM");

/** A unit count: whole, not negative, not absurd. */
export const MAX_UNITS = 100_000_000;
export const unitsSchema = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number of units`)
    .min(0, `${label} cannot be negative`)
    .max(MAX_UNITS, `${label} is implausibly large (over ${MAX_UNITS.toLocaleString("en-US")})`);

export const distributorCodeSchema = z
  .string()
  .trim()
  .min(2, "A distributor code has 2–12 characters")
  .max(12, "A distributor code has 2–12 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, - and _ only")
  .transform((s) => s.toUpperCase());

/** No invisible or direction-changing characters: they make a look-alike of another part (lib/imports/part-number.ts). */
const noConfusables = (what: string) => (s: string, ctx: z.RefinementCtx) => {
  const char = confusableCharIn(s);
  if (char) ctx.addIssue({ code: "custom", message: confusableMessage(what, char) });
};

export const skuSchema = z.string().trim().min(1, "SKU is required").max(64, "SKU is at most 64 characters").superRefine(noConfusables("The SKU"));

/** A distributor's own part number (cross-references): the same rule as SKUs. */
export const partNumberSchema = z.string().trim().min(1, "part is required").max(100, "part is at most 100 characters").superRefine(noConfusables("The part number"));
