import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createUserSchema } from "./admin";
import { changePasswordSchema, forgotPasswordSchema, profileSchema, resetPasswordSchema, RESET_REQUESTED, RESET_TTL_MINUTES } from "./accounts";
import { hashResetToken, isResetTokenShape, newResetToken, resetLink, resetMessage } from "@/lib/auth/reset-token";
import { publicBaseUrl } from "@/lib/config/public-url";

const token = newResetToken().secret;

describe("password rules", () => {
  it("are the admin user form's: 12 to 1,024 characters", () => {
    for (const pw of ["x".repeat(11), "x".repeat(12), "x".repeat(1024), "x".repeat(1025)]) {
      const admin = createUserSchema.safeParse({ email: "a@b.test", name: "A", role: "admin", password: pw }).success;
      const change = changePasswordSchema.safeParse({ currentPassword: "old one", newPassword: pw, confirmPassword: pw }).success;
      const reset = resetPasswordSchema.safeParse({ token, newPassword: pw, confirmPassword: pw }).success;
      expect([change, reset], `length ${pw.length}`).toEqual([admin, admin]);
    }
  });

  it("change password: the current one is required, the new one typed twice and different", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "long enough password", confirmPassword: "long enough passw0rd" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["currentPassword", "confirmPassword"]));
    const same = changePasswordSchema.safeParse({ currentPassword: "the same password", newPassword: "the same password", confirmPassword: "the same password" });
    expect(same.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["newPassword", "Choose a password other than the current one"]]);
  });

  it("reset: a malformed link is refused before anything else", () => {
    expect(resetPasswordSchema.safeParse({ token: "short", newPassword: "long enough password", confirmPassword: "long enough password" }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token, newPassword: "long enough password", confirmPassword: "long enough password" }).success).toBe(true);
  });

  it("forgot password: the address is trimmed and lower-cased", () => {
    expect(forgotPasswordSchema.parse({ email: "  Ops@Example.TEST " })).toEqual({ email: "ops@example.test" });
    expect(forgotPasswordSchema.safeParse({ email: "not an address" }).success).toBe(false);
  });
});

describe("profile", () => {
  it("stores 'Browser default' as null and accepts only listed locales and real time zones", () => {
    expect(profileSchema.parse({ name: " Ana ", locale: "", timeZone: "", notifyEmail: undefined })).toEqual({ name: "Ana", locale: null, timeZone: null, notifyEmail: false });
    expect(profileSchema.parse({ name: "Ana", locale: "de-DE", timeZone: "Europe/Berlin", notifyEmail: "on" })).toEqual({ name: "Ana", locale: "de-DE", timeZone: "Europe/Berlin", notifyEmail: true });
    const bad = profileSchema.safeParse({ name: "", locale: "xx-YY", timeZone: "Mars/Olympus", notifyEmail: true });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["name", "locale", "timeZone"]);
  });
});

describe("reset tokens", () => {
  it("are 256 random bits in base64url; only their sha256 is stored", () => {
    const a = newResetToken();
    const b = newResetToken();
    expect(a.secret).not.toBe(b.secret);
    expect(isResetTokenShape(a.secret)).toBe(true);
    expect(Buffer.from(a.secret, "base64url")).toHaveLength(32);
    expect(a.hash).toBe(createHash("sha256").update(a.secret).digest("hex"));
    expect(a.hash).toBe(hashResetToken(a.secret));
    expect(a.hash).not.toContain(a.secret);
    expect(isResetTokenShape(a.secret + "x")).toBe(false);
    expect(isResetTokenShape("../../etc/passwd")).toBe(false);
  });

  it("make a link on the configured public address, never on a request's host", () => {
    expect(resetLink("https://sellthru.example.com/", "abc")).toBe("https://sellthru.example.com/reset-password?token=abc");
    expect(publicBaseUrl({ SELLTHRU_PUBLIC_URL: "https://sellthru.example.com/", AUTH_URL: "https://other.test", NEXTAUTH_URL: undefined, PORT: "3000" })).toBe("https://sellthru.example.com");
    expect(publicBaseUrl({ SELLTHRU_PUBLIC_URL: undefined, AUTH_URL: "https://auth.example.com/api/auth", NEXTAUTH_URL: undefined, PORT: "3000" })).toBe("https://auth.example.com");
    expect(publicBaseUrl({ SELLTHRU_PUBLIC_URL: undefined, AUTH_URL: "not a url", NEXTAUTH_URL: undefined, PORT: "3102" })).toBe("http://localhost:3102");
    expect(publicBaseUrl({ SELLTHRU_PUBLIC_URL: undefined, AUTH_URL: undefined, NEXTAUTH_URL: undefined, PORT: undefined })).toBe("http://localhost:3000");
  });

  it("the e-mail names the link, how long it works and what to do if it was not you", () => {
    const m = resetMessage({ name: "Ana", link: "https://x.test/reset-password?token=abc" });
    expect(m.subject).toBe("Reset your Sellthru password");
    expect(m.body.split("\n")).toContain("https://x.test/reset-password?token=abc");
    expect(m.body).toContain(`within ${RESET_TTL_MINUTES} minutes`);
    expect(m.body).toContain("ignore this message");
    expect(RESET_REQUESTED).toContain(`${RESET_TTL_MINUTES} minutes`);
  });
});
