"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { REBATE_TEAM, decideOverride, proposeOverride, withdrawOverride } from "@/lib/dal/claims/overrides";
import { getFormatter } from "@/lib/format/request-format";
import type { FormState } from "@/lib/validation/action-state";
import { overrideDecisionSchema, overrideSchema } from "@/lib/validation/claims";
import { formDataOf } from "@/lib/validation/form-data";
import { decimalSeparator, parseDecimal } from "@/components/claims/decimal-text";

const str = (fd: FormData, k: string) => {
  const v = fd.get(k);
  return typeof v === "string" ? v : "";
};
const valuesOf = (fd: FormData) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
/** A figure as typed in the reader's locale ("1.200,50" in German); blank → `blank`; anything else stays text for zod to refuse. */
const num = (fd: FormData, k: string, blank: number | undefined, decimal = ".") => {
  const s = str(fd, k).trim();
  if (s === "") return blank;
  const n = parseDecimal(s, decimal);
  return Number.isFinite(n) ? n : s;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The queue and the claim's page (only a well-formed id names a page). */
const claimPages = (claimId: string) => (UUID.test(claimId) ? ["/claims", `/claims/${claimId}`] : ["/claims"]);
const lineRef = z.object({ claimId: z.string().regex(UUID, "No such claim"), line: z.number().int().positive() });

/**
 * The rebate team overrides a line's rule outcome. Up to the settings' limit it applies at once;
 * above it, it waits for a second member of the team (the answer says so, with the limit).
 */
export async function proposeOverrideAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  // Before the action's transaction: the formatter reads the user's profile, and the embedded database has one connection.
  const f = await getFormatter();
  const decimal = decimalSeparator(f.locale);
  const claimId = str(fd, "claimId");
  const rejected = str(fd, "outcome") === "rejected";
  const raw = {
    ref: { claimId, line: num(fd, "line", undefined) },
    override: {
      outcome: str(fd, "outcome"),
      approvedQuantity: num(fd, "approvedQuantity", rejected ? 0 : undefined, decimal),
      approvedAmount: num(fd, "approvedAmount", rejected ? 0 : undefined, decimal),
      note: str(fd, "note"),
    },
  };
  const currency = /^[A-Z]{3}$/.test(str(fd, "currency")) ? str(fd, "currency") : null;
  const schema = z.object({ ref: lineRef, override: overrideSchema });
  return runAction(
    { name: "propose-claim-override", roles: REBATE_TEAM, schema, input: raw, values: valuesOf(fd), revalidate: claimPages(claimId) },
    async ({ db, viewer, input }) => {
      const res = await proposeOverride(db, viewer, input.ref.claimId, input.ref.line, input.override);
      if (!res.needsSecondApprover) return "Override applied.";
      const limit = currency ? f.money(res.limit, currency) : f.number(Number(res.limit), { digits: 2 });
      return `Waiting for a second approver (above ${limit}).`;
    },
  );
}

/** Another member of the rebate team approves or rejects a waiting override; the proposer is refused. */
export async function decideOverrideAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const claimId = str(fd, "claimId");
  const decision = str(fd, "decision");
  const raw = { overrideId: str(fd, "overrideId"), decision: { approve: decision === "approve", note: str(fd, "note") || undefined } };
  const schema = z.object({ overrideId: z.string().regex(UUID, "No such override"), decision: overrideDecisionSchema });
  return runAction(
    { name: "decide-claim-override", roles: REBATE_TEAM, schema, input: raw, values: valuesOf(fd), revalidate: claimPages(claimId) },
    async ({ db, viewer, input }) => {
      await decideOverride(db, viewer, input.overrideId, input.decision);
      return input.decision.approve ? "Override approved: the line and the claim's totals now show it." : "Override rejected: the line keeps its outcome.";
    },
  );
}

/** The proposer takes a waiting override back. */
export async function withdrawOverrideAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const claimId = str(fd, "claimId");
  const schema = z.object({ overrideId: z.string().regex(UUID, "No such override") });
  return runAction(
    { name: "withdraw-claim-override", roles: REBATE_TEAM, schema, input: { overrideId: str(fd, "overrideId") }, values: valuesOf(fd), revalidate: claimPages(claimId) },
    async ({ db, viewer, input }) => {
      await withdrawOverride(db, viewer, input.overrideId);
      return "Override withdrawn: the line keeps its outcome.";
    },
  );
}
