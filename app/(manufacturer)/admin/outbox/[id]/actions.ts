"use server";

import { runAction } from "@/lib/auth/action";
import { revealResetLink } from "@/lib/dal/accounts/outbox-message";
import type { ActionState } from "@/lib/validation/action-state";
import { formDataOf } from "@/lib/validation/form-data";

export type RevealLinkState = ActionState<Record<string, never>, { link: string }>;

/** Shows a reset message's link to an admin (audited: that admin is then taken to know the password set through it). */
export async function revealResetLinkAction(_prev: RevealLinkState, formData: FormData): Promise<RevealLinkState> {
  const id = formDataOf(formData).get("id");
  return runAction({ name: "reveal-reset-link", roles: ["admin"], messages: { not_found: "This message holds no reset link." } }, async ({ db, viewer }) => ({
    data: await revealResetLink(db, viewer, typeof id === "string" ? id : ""),
  }));
}
