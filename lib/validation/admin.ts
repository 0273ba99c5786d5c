import type { ActionState } from "./action-state";
import { z } from "zod";
import { ROLES } from "@/lib/domain/constants";
import { packUnit } from "@/lib/domain/units";
import { identitiesFromEdiIds } from "@/lib/domain/edi-sender";
import { distributorCodeSchema, skuSchema } from "./common";

/**
 * A distributor's EDI identities (X12 files it uploads are checked against them): the ISA sender
 * as qualifier:ID ("ZZ:NORTHWIND", "01:123456789"), GS02, the 9-digit DUNS and the 13-digit GLN.
 */
export const ediIdentitySchema = {
  ediIsaId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{2}:[^:\s][^:]{0,34}$/, "ISA sender is qualifier:ID, e.g. ZZ:NORTHWIND or 01:123456789")
    .optional(),
  ediGsId: z.string().trim().toUpperCase().min(2, "GS02 has 2 to 15 characters").max(15, "GS02 has 2 to 15 characters").optional(),
  duns: z.string().trim().regex(/^\d{9}$/, "DUNS has 9 digits").optional(),
  gln: z.string().trim().regex(/^\d{13}$/, "GLN has 13 digits").optional(),
};

export const createDistributorSchema = z.object({
  code: distributorCodeSchema,
  name: z.string().trim().min(1, "Name is required").max(200),
  region: z.string().trim().max(100).optional(),
  ...ediIdentitySchema,
  /** The contract's form of the identities: `[{ qualifier, id }]` (see identitiesFromEdiIds); the named fields win. */
  ediIds: z
    .array(z.object({ qualifier: z.string().trim().min(1).max(4), id: z.string().trim().min(1).max(35) }))
    .max(8)
    .superRefine((list, ctx) => {
      const r = identitiesFromEdiIds(list);
      if (!r.ok) ctx.addIssue({ code: "custom", path: [r.index], message: r.message });
    })
    .optional(),
});

/** Units per case/box/pack/reel (files giving cases are converted with it). */
export const packSizeSchema = z.coerce
  .number({ error: "Pack size is a whole number of units" })
  .int("Pack size is a whole number of units")
  .min(1, "Pack size is at least 1")
  .max(1_000_000, "Pack size is at most 1,000,000");

/**
 * Units per kind of pack, as the contract writes it: `{ "CA": 12, "BX": 6 }`. Keys are pack units
 * in any spelling (CS, CASE, CTN, KRT…), stored as one code per kind; eaches and dozens need none.
 */
export const packSizesSchema = z.record(z.string().trim().min(1).max(10), packSizeSchema).transform((sizes, ctx) => {
  const out: Record<string, number> = {};
  for (const [unit, n] of Object.entries(sizes)) {
    const group = packUnit(unit);
    if (group) out[group] = n;
    else ctx.addIssue({ code: "custom", path: [unit], message: `${unit} is not a pack unit (cases, boxes, packs, cartons, reels, tubes, trays): eaches and dozens need no pack size` });
  }
  return Object.keys(out).length > 0 ? out : undefined;
});

export const createProductSchema = z.object({
  sku: skuSchema,
  description: z.string().trim().min(1, "Description is required").max(500),
  family: z.string().trim().min(1, "Family is required").max(64),
  listPrice: z
    .union([z.number(), z.string().trim()])
    .transform((v) => String(v))
    .pipe(z.string().regex(/^\d{1,10}(\.\d{1,4})?$/, "List price is a non-negative amount with at most 4 decimals")),
  upc: z.string().trim().regex(/^\d{8,14}$/, "UPC/GTIN has 8 to 14 digits").optional(),
  packSize: packSizeSchema.optional(),
  packSizes: packSizesSchema.optional(),
});

/** The roles a user may have (the domain's list). */
export const ROLE_VALUES = ROLES;

export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(320),
    name: z.string().trim().min(1, "Name is required").max(200),
    role: z.enum(ROLE_VALUES),
    distributorCode: distributorCodeSchema.optional(),
    password: z.string().min(12, "Passwords have at least 12 characters").max(1024),
  })
  .refine((u) => (u.role === "distributor") === Boolean(u.distributorCode), {
    path: ["distributorCode"],
    message: "Distributor users need a distributorCode; staff users must not have one",
  });

export const updateUserSchema = z
  .object({
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLE_VALUES).optional(),
    password: z.string().min(12, "Passwords have at least 12 characters").max(1024).optional(),
  })
  .refine((u) => Object.keys(u).length > 0, "Nothing to change");

// ---- What the admin screens' server actions answer (app/(manufacturer)/admin/*/actions.ts) ---------
export type UserFormState = ActionState<Record<keyof z.input<typeof createUserSchema>, unknown>, { email: string }>;
export type ProductFormState = ActionState<Record<keyof z.input<typeof createProductSchema>, unknown>, { sku: string }>;
export type DistributorFormState = ActionState<Record<keyof z.input<typeof createDistributorSchema>, unknown>, { code: string }>;
export type UserActiveState = ActionState<{ email: string; active: boolean }>;
