"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { runPublicAction } from "@/lib/auth/action";
import { clientIp } from "@/lib/auth/client-ip";
import { withAuthDb, withSystemDb } from "@/lib/auth/viewer-db";
import { publicBaseUrl } from "@/lib/config/public-url";
import { requestPasswordReset } from "@/lib/dal/accounts/request-password-reset";
import { AppError } from "@/lib/errors";
import { sendOutbox, smtpConfigured } from "@/lib/mail/send-outbox";
import { forgotPasswordSchema, RESET_REQUESTED, type ForgotPasswordState } from "@/lib/validation/accounts";
import { formDataOf } from "@/lib/validation/form-data";

const THROTTLED = "Too many reset requests for this address or from your network. Wait a few minutes and try again.";

/**
 * "Forgot password?": one answer whether or not the address has an account. No viewer: the `auth`
 * context, as signing in (lib/dal/accounts/request-password-reset.ts).
 */
export async function forgotPasswordAction(_prev: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  formData = formDataOf(formData);
  const raw = { email: formData.get("email") };
  const email = typeof raw.email === "string" ? raw.email : "";
  return runPublicAction(
    { name: "forgot-password", schema: forgotPasswordSchema, input: raw, values: { email }, messages: { validation_failed: "Enter the e-mail address you sign in with." } },
    async (input) => {
      const ip = clientIp(await headers());
      const outcome = await withAuthDb((db) => requestPasswordReset(db, { email: input.email, ip, baseUrl: publicBaseUrl() }));
      if (outcome.throttled) throw new AppError("rate_limited", THROTTLED);
      // The link is worth something for an hour: with SMTP, send now rather than at the job's next run
      // (after the answer, whichever the address; rows are claimed `skip locked`, so never twice).
      if (smtpConfigured()) {
        after(() => withSystemDb((tx) => sendOutbox(tx)).then(
          () => undefined,
          (error: unknown) => console.error("[forgot-password] sending the outbox failed", error),
        ));
      }
      return RESET_REQUESTED;
    },
  );
}
