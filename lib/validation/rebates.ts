import { z } from "zod";
import { isCurrencyCode } from "@/lib/format/currencies";
import { periodSchema } from "./common";

const pct = (label: string, max = 100) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} is at most ${max} %`)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, `${label} has at most 2 decimals`);

const count = (label: string, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} is at most ${max}`);

/** A rebate programme as the form and the API send it. Percentages are numbers (95 means 95 %). */
export const rebateProgramSchema = z
  .object({
    name: z.string().trim().min(3, "Give the programme a name (3+ characters)").max(120, "At most 120 characters"),
    fromPeriod: periodSchema,
    toPeriod: periodSchema,
    graceDays: count("Grace days", 31),
    lateAllowed: count("Late periods allowed", 24),
    minCompletenessPct: pct("Minimum completeness"),
    maxAccuracyPct: pct("Maximum accuracy gap"),
    ratePct: pct("Rate", 50),
    /**
     * ISO 4217 code of the programme's money ("EUR"); left out = USD for a new programme, unchanged
     * on an edit.
     */
    currency: z
      .preprocess(
        (v) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim() : v),
        z
          .string({ error: "Currency must be a three-letter code such as USD or EUR" })
          .regex(/^[A-Z]{3}$/, "Currency must be a three-letter code such as USD or EUR")
          .refine(isCurrencyCode, "Not an ISO 4217 currency code")
          .describe("ISO 4217 code of the programme's money (amounts, sales value); default USD; left out on an edit = unchanged")
          .optional(),
      )
      .optional(),
    /** The quality rule (0–100); empty, null or left out = no quality rule. */
    minQualityScore: z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), count("Minimum quality score", 100).nullable()).optional(),
  })
  .refine((p) => p.fromPeriod <= p.toPeriod, { message: "The last period must not be before the first", path: ["toPeriod"] })
  .refine(
    (p) => {
      const [fy, fm] = p.fromPeriod.split("-").map(Number);
      const [ty, tm] = p.toPeriod.split("-").map(Number);
      return (ty! - fy!) * 12 + (tm! - fm!) < 24;
    },
    { message: "A programme covers at most 24 periods", path: ["toPeriod"] },
  );

export type RebateProgramInput = z.infer<typeof rebateProgramSchema>;
/** What the form holds before coercion. */
export type RebateProgramFormValues = z.input<typeof rebateProgramSchema>;

export const freezeSchema = z.object({
  /** Distributor codes to freeze; empty or omitted = every unfrozen row. */
  distributors: z.array(z.string().trim().min(1).max(12)).max(500).optional(),
});
