"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { runPublicAction } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";
import { signInSchema, type SignInInput } from "@/lib/validation/sign-in";
import type { ActionState } from "@/lib/validation/action-state";
import { formDataOf } from "@/lib/validation/form-data";

export type SignInState = ActionState<Pick<SignInInput, "email">>;

function safeReturnPath(from: FormDataEntryValue | null): string {
  const s = typeof from === "string" ? from : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/api/") ? s : "/";
}

const THROTTLED =
  "Too many failed sign-in attempts for this account or from this address. Wait a few minutes and try again; a browser you have signed in from before is not held up.";

/** Signs in with e-mail and password. The password is never echoed back. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  formData = formDataOf(formData);
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const email = typeof raw.email === "string" ? raw.email : "";
  return runPublicAction({ name: "sign-in", schema: signInSchema, input: raw, values: { email }, messages: { validation_failed: "Enter your e-mail and password." } }, async (input) => {
    try {
      // Succeeds with a redirect (Next's control flow passes through the wrapper).
      await signIn("credentials", { ...input, redirectTo: safeReturnPath(formData.get("from")) });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const throttled = (error as { code?: string }).code === "throttled";
      throw throttled ? new AppError("rate_limited", THROTTLED) : new AppError("unauthenticated", "That e-mail and password do not match an active account.");
    }
  });
}
