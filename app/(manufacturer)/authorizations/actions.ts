"use server";

import { runAction } from "@/lib/auth/action";
import { saveAuthorizations } from "@/lib/dal/claims/authorizations";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/validation/action-state";
import { authorizationSchema } from "@/lib/validation/claims";
import { formDataOf } from "@/lib/validation/form-data";
import { getFormatter } from "@/lib/format/request-format";
import { decimalSeparator, parseDecimal } from "@/components/claims/decimal-text";

const text = (fd: FormData, k: string) => {
  const v = fd.get(k);
  return typeof v === "string" ? v : "";
};
/** A figure as typed in the reader's locale ("1.250,50" in German); blank → `blank`; anything else stays text for zod to refuse by name. */
const num = <B,>(fd: FormData, k: string, blank: B, decimal: string): number | B | string => {
  const s = text(fd, k).trim();
  if (s === "") return blank;
  const n = parseDecimal(s, decimal);
  return Number.isFinite(n) ? n : s;
};

/** The data layer's refusal of a row (unknown distributor or SKU, another distributor's number) on the field it is about. */
function fieldOf(message: string): string {
  if (message.startsWith("No distributor")) return "distributor";
  if (message.startsWith("No SKU")) return "sku";
  if (message.includes("belongs to another distributor")) return "number";
  return "_form";
}

/**
 * New authorisation (or a change of one with the same number), parsed with the schema the form and
 * the REST API use. Any staff role may issue them, as `saveAuthorizations` allows.
 */
export async function saveAuthorizationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  // The locale the form was typed in (before the action's transaction: it reads the user's profile).
  const decimal = decimalSeparator((await getFormatter()).locale);
  const values = Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const raw = {
    number: text(fd, "number"),
    distributor: text(fd, "distributor"),
    endCustomer: { id: text(fd, "endCustomer.id") || null, name: text(fd, "endCustomer.name") },
    sku: text(fd, "sku"),
    authorizedCost: num(fd, "authorizedCost", undefined, decimal),
    minResale: num(fd, "minResale", null, decimal),
    quantityLimit: num(fd, "quantityLimit", undefined, decimal),
    validFrom: text(fd, "validFrom"),
    validTo: text(fd, "validTo"),
    currency: text(fd, "currency") || "USD",
    claimWindowDays: num(fd, "claimWindowDays", undefined, decimal),
  };
  return runAction(
    { name: "save-authorization", roles: ["rebate_analyst", "channel_manager", "admin"], schema: authorizationSchema, input: raw, values, revalidate: ["/authorizations"] },
    async ({ db, viewer, input }) => {
      const res = await saveAuthorizations(db, viewer, [{ ...input, endCustomer: input.endCustomer }]);
      const problem = res.errors[0];
      if (problem) throw new AppError("validation_failed", problem.message, [{ path: fieldOf(problem.message), message: problem.message }]);
      return res.created ? `Authorisation ${input.number} created.` : `Authorisation ${input.number} updated (it existed: its terms are replaced).`;
    },
  );
}
