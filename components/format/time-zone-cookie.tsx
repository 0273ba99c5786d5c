"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { TIME_ZONE_COOKIE } from "@/lib/format/resolve";

/**
 * Tells the server the browser's time zone (a cookie read by lib/format/request-format.ts) for users
 * who have not chosen one in their profile. When the page was rendered in another zone and the
 * profile does not decide it, the page is rendered again once (router.refresh).
 */
export function TimeZoneCookie({ cookieValue, rendered, fromProfile }: { cookieValue: string | null; rendered: string; fromProfile: boolean }) {
  const router = useRouter();
  useEffect(() => {
    let zone: string | undefined;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      return;
    }
    if (!zone || zone === cookieValue || encodeURIComponent(zone) === cookieValue) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    if (!fromProfile && zone !== rendered) router.refresh();
  }, [cookieValue, rendered, fromProfile, router]);
  return null;
}
