import { env, type Env } from "./env";

/**
 * The address links in e-mail point to (a password reset link): SELLTHRU_PUBLIC_URL, else the origin
 * of next-auth's AUTH_URL / NEXTAUTH_URL, else http://localhost:$PORT (the demo on this machine).
 * Deliberately never the request's Host or X-Forwarded-Host: whoever asks for a reset could forge
 * them, and the victim's e-mail would carry the secret to the forger's server.
 */
export function publicBaseUrl(e: Pick<Env, "SELLTHRU_PUBLIC_URL" | "AUTH_URL" | "NEXTAUTH_URL" | "PORT"> = env()): string {
  if (e.SELLTHRU_PUBLIC_URL) return e.SELLTHRU_PUBLIC_URL.replace(/\/+$/, "");
  for (const candidate of [e.AUTH_URL, e.NEXTAUTH_URL]) {
    if (!candidate) continue;
    try {
      const u = new URL(candidate);
      if (u.protocol === "https:" || u.protocol === "http:") return u.origin;
    } catch {
      // not a URL: next-auth would refuse it too; fall through
    }
  }
  const port = /^\d{1,5}$/.test(e.PORT ?? "") ? e.PORT : "3000";
  return `http://localhost:${port}`;
}
