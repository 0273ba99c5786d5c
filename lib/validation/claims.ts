import { z } from "zod";
import { CLAIM_OUTCOMES } from "@/lib/domain/claims/types";
import { periodSchema, skuSchema } from "./common";

/** A claim holds at most this many lines (a year of a large distributor's ship & debit in one file). */
export const MAX_CLAIM_LINES = 200_000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date in the form YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a calendar date");
const money = (label: string, max = 1e9) =>
  z.number({ error: `${label} must be a number` }).min(0, `${label} cannot be negative`).max(max, `${label} is implausibly large`)
    .refine((n) => Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6, `${label} has more than 4 decimals`);
const text = (label: string, max: number) => z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} is at most ${max} characters`);

export const claimLineSchema = z.object({
  line: z.number().int().positive().optional(),
  authorization: text("authorization", 64),
  invoice: text("invoice", 64),
  invoiceLine: z.string().trim().max(32).nullish().transform((s) => (s ? s : null)),
  shipDate: isoDate,
  endCustomer: text("endCustomer", 200),
  sku: skuSchema,
  quantity: z.number({ error: "quantity must be a number" }).int("quantity must be whole units").positive("quantity must be above zero").max(10_000_000, "quantity is implausibly large"),
  bookCost: money("bookCost", 1e7),
  authorizedCost: money("authorizedCost", 1e7),
  claimedAmount: money("claimedAmount").refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "claimedAmount has more than 2 decimals"),
});

export const claimBodySchema = z.object({
  period: periodSchema,
  reference: z.string().trim().max(64).nullish(),
  /** A new revision of this claim (the distributor's resubmission of corrected lines). */
  claim: z.string().uuid().nullish(),
  lines: z.array(claimLineSchema).min(1, "A claim has at least one line").max(MAX_CLAIM_LINES, `A claim has at most ${MAX_CLAIM_LINES.toLocaleString("en-US")} lines`),
});
export type ClaimBody = z.input<typeof claimBodySchema>;

export const authorizationSchema = z.object({
  number: text("number", 64),
  distributor: text("distributor", 12).transform((s) => s.toUpperCase()),
  endCustomer: z.object({ id: z.string().trim().max(64).nullish().transform((s) => (s ? s : null)), name: text("endCustomer.name", 200) }),
  sku: skuSchema,
  authorizedCost: money("authorizedCost", 1e7),
  minResale: money("minResale", 1e7).nullish(),
  quantityLimit: z.number({ error: "quantityLimit must be a number" }).int().positive("quantityLimit must be above zero").max(100_000_000),
  validFrom: isoDate,
  validTo: isoDate,
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "currency is an ISO 4217 code such as USD").default("USD"),
  claimWindowDays: z.number().int().min(0).max(3660).default(90),
}).refine((a) => a.validTo >= a.validFrom, { path: ["validTo"], message: "validTo is before validFrom" });
export type AuthorizationBody = z.input<typeof authorizationSchema>;

export const overrideSchema = z.object({
  outcome: z.enum(CLAIM_OUTCOMES),
  approvedQuantity: z.number().int().min(0),
  approvedAmount: z.number().min(0).refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "at most 2 decimals"),
  note: z.string().trim().min(3, "Say why (a note of at least 3 characters)").max(1000),
});
export type OverrideBody = z.input<typeof overrideSchema>;

export const overrideDecisionSchema = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});
