import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { withAuthDb, withSystemDb } from "./viewer-db";
import { endSessions } from "@/lib/dal/auth/end-sessions";
import { cookies } from "next/headers";
import { findCredentials, verifyCredentials } from "@/lib/dal/auth/check-credentials";
import { recordAudit } from "@/lib/dal/audit/record-audit";
import { admitSignIn, settleSignIn } from "@/lib/dal/auth/sign-in-throttle";
import { resolveAuthSecret } from "./secret";
import { clientIp } from "./client-ip";
import { KNOWN_DEVICE_COOKIE, knownDevice, rememberDevice } from "./known-device";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome (audited), not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
      console.error("[auth]", error.name, error.message);
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const cookieHeader = request?.headers?.get("cookie");
        const attempt = { email, ip: clientIp(request?.headers), device: knownDevice(cookieHeader, email) };
        // Counted and decided in one step before the password is checked (no viewer yet: the "auth"
        // context of row-level security, which may read users and distributors only).
        const admission = await withAuthDb((db) => admitSignIn(db, attempt));
        if (!admission.ok) throw new ThrottledSignIn();
        let ok: Awaited<ReturnType<typeof verifyCredentials>> = null;
        try {
          // The scrypt verification runs outside any transaction: it holds no connection while it works.
          ok = await verifyCredentials(await withAuthDb((db) => findCredentials(db, email)), password);
        } finally {
          await withAuthDb(async (db) => {
            await settleSignIn(db, admission.attemptId, ok !== null);
            if (ok) await recordAudit(db, { userId: ok.userId, email }, "sign_in", { ip: attempt.ip });
            else await recordAudit(db, null, "sign_in_failed", { subject: email, ip: attempt.ip });
          });
        }
        if (!ok) return null;
        // This browser is now known to the account: its attempts skip the account's back-off.
        (await cookies()).set(KNOWN_DEVICE_COOKIE, rememberDevice(cookieHeader, email), {
          httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 60 * 60,
          secure: new URL(request.url).protocol === "https:",
        });
        return { id: ok.userId, email, sv: ok.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        // The user's session version at sign-in: when it moves on (sign-out, reset, deactivation), this session ends.
        token.sv = (user as { sv?: number }).sv;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") Object.assign(session.user as object, { id: token.uid, sv: token.sv });
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user — this cookie, if replayed, and those on other devices.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.uid === "string" && Number.isInteger(token.sv)) {
        await withSystemDb((db) => endSessions(db, token.uid as string, token.sv as number));
      }
    },
  },
}));
