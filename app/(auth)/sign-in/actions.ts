"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { signInSchema, type SignInInput } from "@/lib/validation/sign-in";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { formDataOf } from "@/lib/validation/form-data";

export type SignInState = ActionState<Pick<SignInInput, "email">>;

function safeReturnPath(from: FormDataEntryValue | null): string {
  const s = typeof from === "string" ? from : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/api/") ? s : "/";
}

/** Signs in with e-mail and password. The password is never echoed back. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  formData = formDataOf(formData);
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const parsed = signInSchema.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(formData.get("from")) });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = (error as { code?: string }).code === "throttled";
      return {
        ok: false,
        fieldErrors: {},
        formError: throttled
          ? "Too many failed sign-in attempts for this account or from this address. Wait a few minutes and try again; a browser you have signed in from before is not held up."
          : "That e-mail and password do not match an active account.",
        values: { email },
      };
    }
    throw error; // the redirect after a successful sign-in
  }
}
