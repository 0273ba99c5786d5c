"use server";

import { headers } from "next/headers";
import { runPublicAction } from "@/lib/auth/action";
import { clientIp } from "@/lib/auth/client-ip";
import { withAuthDb } from "@/lib/auth/viewer-db";
import { completePasswordReset } from "@/lib/dal/accounts/reset-password";
import { RESET_LINK_INVALID, resetPasswordSchema, type ResetPasswordState } from "@/lib/validation/accounts";
import { formDataOf } from "@/lib/validation/form-data";

/** Sets a new password through a reset link (no viewer: the `auth` context). The passwords are never echoed back. */
export async function resetPasswordAction(_prev: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  formData = formDataOf(formData);
  const raw = { token: formData.get("token"), newPassword: formData.get("newPassword"), confirmPassword: formData.get("confirmPassword") };
  return runPublicAction({ name: "reset-password", schema: resetPasswordSchema, input: raw, messages: { not_found: RESET_LINK_INVALID } }, async (input) => {
    await completePasswordReset((fn) => withAuthDb(fn), input, clientIp(await headers()));
    return "Your new password is set, and every session of your account has been signed out. Sign in with the new password.";
  });
}
