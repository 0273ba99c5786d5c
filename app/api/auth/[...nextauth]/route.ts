import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withAuthDb } from "@/lib/auth/viewer-db";
import { clientIp } from "@/lib/auth/client-ip";
import { knownDevice } from "@/lib/auth/known-device";
import { signInRefusal } from "@/lib/dal/auth/sign-in-throttle";
import { errorBody } from "@/lib/http/api-route";

export const { GET } = handlers;

/**
 * Scripted sign-in (POST /api/auth/callback/credentials) gets a plain 429 with Retry-After while the
 * account (from an unknown browser), the known browser or the address is throttled; everything
 * else is next-auth's own handler, whose `authorize` counts and decides each attempt atomically.
 */
export async function POST(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").trim().toLowerCase();
    if (email) {
      const attempt = { email, ip: clientIp(req.headers), device: knownDevice(req.headers.get("cookie"), email) };
      const refusal = await withAuthDb((db) => signInRefusal(db, attempt));
      if (refusal) {
        return NextResponse.json(errorBody("rate_limited", `Too many failed sign-in attempts; try again in ${wait(refusal.retryAfterSeconds)}`), {
          status: 429,
          headers: { "retry-after": String(refusal.retryAfterSeconds) },
        });
      }
    }
  }
  return handlers.POST(req);
}

const wait = (s: number) => (s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`);
