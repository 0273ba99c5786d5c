import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getViewer } from "@/lib/auth/current-viewer";
import { createFormatter, type FormatSettings, type Formatter } from "./formatter";
import { resolveFormatSettings, TIME_ZONE_COOKIE } from "./resolve";

export interface RequestFormat extends FormatSettings {
  /** The browser's zone as its cookie last said (raw), for components/format/time-zone-cookie.tsx. */
  timeZoneCookie: string | null;
  fromProfile: { locale: boolean; timeZone: boolean };
}

/**
 * The locale and time zone of this request (cached for one render): the signed-in user's profile,
 * else the browser's Accept-Language and time-zone cookie, else en-US / UTC. Never throws: a failed
 * viewer look-up (an outage) falls back to the browser's settings.
 */
export const getFormatSettings = cache(async (): Promise<RequestFormat> => {
  const [h, c] = await Promise.all([headers(), cookies()]);
  let profileLocale: string | null = null;
  let profileTimeZone: string | null = null;
  try {
    const viewer = await getViewer();
    profileLocale = viewer?.locale ?? null;
    profileTimeZone = viewer?.timeZone ?? null;
  } catch {
    // Formatting must not turn an outage page into a crash.
  }
  const timeZoneCookie = c.get(TIME_ZONE_COOKIE)?.value ?? null;
  const settings = resolveFormatSettings({ profileLocale, profileTimeZone, acceptLanguage: h.get("accept-language"), timeZoneCookie });
  return {
    ...settings,
    timeZoneCookie,
    fromProfile: { locale: settings.locale === profileLocale, timeZone: settings.timeZone === profileTimeZone },
  };
});

/** The formatter for this request: `const f = await getFormatter(); f.date(row.dueAt)`. */
export async function getFormatter(): Promise<Formatter> {
  const { locale, timeZone } = await getFormatSettings();
  return createFormatter({ locale, timeZone });
}
