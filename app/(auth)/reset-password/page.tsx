import type { Metadata } from "next";
import Link from "next/link";
import { withAuthDb } from "@/lib/auth/viewer-db";
import { resetLinkUsable } from "@/lib/dal/accounts/reset-password";
import { RESET_LINK_INVALID } from "@/lib/validation/accounts";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { FormMessage } from "@/components/ui/form-message";
import { FooterLink } from "@/components/auth/footer-link";
import { buttonClasses } from "@/components/ui/button";
import { resetPasswordAction } from "./actions";

// The secret is in this page's address: never hand it on in a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** Opened from the reset e-mail. Looking at it changes nothing (mail scanners open links too); setting the password uses the link. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const usable = token ? await withAuthDb((db) => resetLinkUsable(db, token)) : false;
  return (
    <AuthFrame>
      {usable ? (
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      ) : (
        <div className="space-y-4">
          <h2 className="text-base font-semibold text-slate-900">Reset link not valid</h2>
          <FormMessage testId="reset-password-message" error={RESET_LINK_INVALID} />
          <Link href="/forgot-password" className={buttonClasses({ className: "w-full" })}>
            Ask for a new link
          </Link>
          <FooterLink href="/sign-in">Back to sign in</FooterLink>
        </div>
      )}
    </AuthFrame>
  );
}
