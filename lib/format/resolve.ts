/**
 * Which locale and time zone a request formats in: the user's profile, else the browser (the
 * Accept-Language header; the time-zone cookie set by components/format/time-zone-cookie.tsx), else
 * en-US / UTC. Pure, so it is unit-tested; request-format.ts feeds it from next/headers.
 */
import type { FormatSettings } from "./formatter";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, isSupportedLocale, isTimeZone, matchLocale } from "./locales";

/** The cookie holding the browser's IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`). */
export const TIME_ZONE_COOKIE = "st_tz";

export interface FormatSources {
  profileLocale?: string | null;
  profileTimeZone?: string | null;
  acceptLanguage?: string | null;
  timeZoneCookie?: string | null;
}

export function resolveFormatSettings(src: FormatSources): FormatSettings {
  const locale = isSupportedLocale(src.profileLocale) ? src.profileLocale : (matchLocale(src.acceptLanguage) ?? DEFAULT_LOCALE);
  const cookieZone = src.timeZoneCookie ? safeDecode(src.timeZoneCookie) : null;
  const timeZone = isTimeZone(src.profileTimeZone) ? src.profileTimeZone : isTimeZone(cookieZone) ? cookieZone : DEFAULT_TIME_ZONE;
  return { locale, timeZone };
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
