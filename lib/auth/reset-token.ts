/**
 * Password reset links (lib/dal/accounts): a random secret in the link, only its sha256 stored
 * (`password_resets.token_hash`), usable once, for {@link RESET_TTL_MINUTES} minutes. Pure: no I/O.
 */
import { createHash, randomBytes } from "node:crypto";
import { RESET_TOKEN_SHAPE, RESET_TTL_MINUTES } from "@/lib/validation/accounts";

export { RESET_TOKEN_SHAPE, RESET_TTL_MINUTES };
/** The page a reset link opens. */
export const RESET_PATH = "/reset-password";

export function newResetToken(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashResetToken(secret) };
}

/** The secret has 256 bits of entropy, so a fast hash is enough (as for API tokens). */
export function hashResetToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function isResetTokenShape(s: unknown): s is string {
  return typeof s === "string" && RESET_TOKEN_SHAPE.test(s);
}

export function resetLink(baseUrl: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${RESET_PATH}?token=${encodeURIComponent(secret)}`;
}

export function resetExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
}

/** The e-mail: plain text, the link on a line of its own. */
export function resetMessage(input: { name: string; link: string; manufacturer?: string }): { subject: string; body: string } {
  return {
    subject: "Reset your Sellthru password",
    body: [
      `Hello ${input.name},`,
      "",
      "Someone (we hope you) asked to reset the password of your Sellthru account. Open this link to choose a new one:",
      "",
      input.link,
      "",
      `The link works once, within ${RESET_TTL_MINUTES} minutes. Setting a new password signs you out everywhere.`,
      "If you did not ask for it, ignore this message: your password stays as it is.",
      "",
      `— ${input.manufacturer ?? "Halcyon Semiconductor"} channel team`,
    ].join("\n"),
  };
}
