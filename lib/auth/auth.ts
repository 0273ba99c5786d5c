import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { withAuthDb } from "./viewer-db";
import { checkCredentials } from "@/lib/dal/auth/check-credentials";
import { recordAudit } from "@/lib/dal/audit/record-audit";
import { isThrottled, recordFailedSignIn } from "@/lib/dal/auth/sign-in-throttle";
import { resolveAuthSecret } from "./secret";
import { clientIp } from "./client-ip";

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
        const ip = clientIp(request?.headers);
        // No viewer yet: the "auth" context of row-level security (users, distributors, tokens).
        if (await withAuthDb((db) => isThrottled(db, email, ip))) throw new ThrottledSignIn();
        return withAuthDb(async (db) => {
          const ok = await checkCredentials(db, email, password);
          if (!ok) {
            await recordFailedSignIn(db, email, ip);
            await recordAudit(db, null, "sign_in_failed", { subject: email, ip });
            return null;
          }
          await recordAudit(db, { userId: ok.userId, email }, "sign_in", { ip });
          return { id: ok.userId, email };
        });
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
}));
