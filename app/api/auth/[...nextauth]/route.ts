import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withAuthDb } from "@/lib/auth/viewer-db";
import { clientIp } from "@/lib/auth/client-ip";
import { isThrottled } from "@/lib/dal/auth/sign-in-throttle";
import { errorBody } from "@/lib/http/api-route";

export const { GET } = handlers;

/**
 * Scripted sign-in (POST /api/auth/callback/credentials) gets a plain 429 while the account or the
 * address is throttled; everything else is next-auth's own handler.
 */
export async function POST(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").trim().toLowerCase();
    if (email && (await withAuthDb((db) => isThrottled(db, email, clientIp(req.headers))))) {
      return NextResponse.json(errorBody("rate_limited", "Too many failed sign-in attempts; wait 15 minutes and try again"), {
        status: 429,
        headers: { "retry-after": "900" },
      });
    }
  }
  return handlers.POST(req);
}
