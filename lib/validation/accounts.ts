/**
 * The signed-in user's own account (profile, change password) and the signed-out password reset:
 * one schema each, used by the forms (zodResolver) and by the server actions.
 */
import { z } from "zod";
import { isSupportedLocale, isTimeZone } from "@/lib/format/locales";
import type { ActionState } from "./action-state";

/** Reset links (lib/auth/reset-token.ts makes them): how long they work, and the secret's shape (32 random bytes, base64url). */
export const RESET_TTL_MINUTES = 60;
export const RESET_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The same strength rule as the admin's user form (lib/validation/admin.ts): 12 to 1,024 characters. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Passwords have at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Passwords have at most ${PASSWORD_MAX} characters`);

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(v: T) => v.newPassword === v.confirmPassword;
const CONFIRM = { path: ["confirmPassword"], message: "The two new passwords differ" };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(PASSWORD_MAX),
  })
  .refine(confirmed, CONFIRM)
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password other than the current one" });

export const forgotPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your e-mail address").email("Enter a valid e-mail address").max(320),
});

export const resetPasswordSchema = z
  .object({
    token: z.string().regex(RESET_TOKEN_SHAPE, "This reset link is not valid"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(PASSWORD_MAX),
  })
  .refine(confirmed, CONFIRM);

/** "" (the form's "Browser default") is stored as null. */
const orNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const profileSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(200, "Name is at most 200 characters"),
  locale: z.preprocess(orNull, z.string().refine(isSupportedLocale, "Choose one of the listed languages").nullable()),
  timeZone: z.preprocess(orNull, z.string().refine(isTimeZone, "Choose a time zone from the list (e.g. Europe/Berlin)").nullable()),
  /** A checkbox: "on"/"true" when ticked, absent when not (or a boolean from a script). */
  notifyEmail: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;

// ---- What the account actions answer (passwords are never echoed back) ---------------------------
export type ChangePasswordState = ActionState<Record<string, never>, { signedOut: boolean }>;
export type ForgotPasswordState = ActionState<Pick<ForgotPasswordInput, "email">>;
export type ResetPasswordState = ActionState<Record<string, never>>;
export type ProfileState = ActionState<{ name: string; locale: string; timeZone: string; notifyEmail: boolean }>;

/** /profile?passwordChanged=1: where a successful password change lands (the session re-issued). */
export const PASSWORD_CHANGED_PARAM = "passwordChanged";
export const PASSWORD_CHANGED = "Password changed. Your other sessions have been signed out; this one stays signed in.";

/** The one answer to a reset request, whether or not the address has an account (no account enumeration). */
export const RESET_REQUESTED =
  `If an active account uses that address, we have sent it a link to choose a new password. The link works once, within ${RESET_TTL_MINUTES} minutes. No e-mail? Check the address, or ask your channel manager.`;
/** The one answer for an unknown, used or expired link. */
export const RESET_LINK_INVALID = "This reset link cannot be used: it has expired, was already used, or is not a link we sent. Ask for a new one.";
