"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { runAction, runSystemAction } from "@/lib/auth/action";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { changeOwnPassword } from "@/lib/dal/accounts/change-password";
import { updateProfile } from "@/lib/dal/accounts/profile";
import { changePasswordSchema, PASSWORD_CHANGED_PARAM, profileSchema, type ChangePasswordState, type ProfileState } from "@/lib/validation/accounts";
import { formDataOf } from "@/lib/validation/form-data";

const SIGNED_OUT = "Your session has ended. Sign in again to change your profile.";

/** Saves the signed-in user's name, locale, time zone and e-mail notices. */
export async function updateProfileAction(_prev: ProfileState, formData: FormData): Promise<ProfileState> {
  formData = formDataOf(formData);
  const str = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" ? v : "";
  };
  const raw = { name: str("name"), locale: str("locale"), timeZone: str("timeZone"), notifyEmail: formData.get("notifyEmail") ?? false };
  const values = { name: raw.name, locale: raw.locale, timeZone: raw.timeZone, notifyEmail: raw.notifyEmail === "on" || raw.notifyEmail === "true" };
  return runAction(
    { name: "update-profile", schema: profileSchema, input: raw, values, revalidate: ["/profile"], messages: { unauthenticated: SIGNED_OUT } },
    async ({ db, viewer, input }) => {
      await updateProfile(db, viewer, input);
      return "Profile saved.";
    },
  );
}

/**
 * Changes the signed-in user's password. Every session of the user ends (the session version moves
 * on); this browser's is then re-issued by signing in again with the new password — next-auth's own
 * path, with its throttle and audit — rather than by rewriting the session cookie's version (a
 * session "update" whose version came from the request could revive a session that was ended), then
 * back to /profile, which says so.
 * runSystemAction, not runAction: the two scrypt steps (~0.3 s each) run outside any transaction,
 * in short viewer transactions of their own (lib/dal/accounts/change-password.ts), as at sign-in.
 */
export async function changePasswordAction(_prev: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  formData = formDataOf(formData);
  const raw = { currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword"), confirmPassword: formData.get("confirmPassword") };
  return runSystemAction<Record<string, never>, { signedOut: boolean }>(
    // No `revalidate`: this request still carries the old session cookie, and a page rendered with it would find nobody signed in.
    { name: "change-password", messages: { unauthenticated: "Your session has ended. Sign in again to change your password." } },
    async (viewer) => {
      const input = changePasswordSchema.parse(raw);
      await changeOwnPassword((fn) => withViewerDb(viewer, fn), viewer, input, clientIp(await headers()));
      try {
        await signIn("credentials", { email: viewer.email, password: input.newPassword, redirect: false });
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        return { message: "Your password was changed and every session signed out. Sign in again with the new password.", data: { signedOut: true } };
      }
      // A redirect, not a message: Next renders the target with the cookie just set (the new session), where
      // re-rendering this page in this request would still see the old one.
      return { redirectTo: `/profile?${PASSWORD_CHANGED_PARAM}=1` };
    },
  );
}
