/**
 * The locales a user may pick on the profile page, and the check for an IANA time zone.
 * Pure (no React, no I/O): imported by the profile form, its zod schema and lib/format.
 */

export interface SupportedLocale {
  /** BCP 47 tag handed to Intl. */
  code: string;
  /** The language's own name, shown in the picker. */
  label: string;
}

export const SUPPORTED_LOCALES: readonly SupportedLocale[] = [
  { code: "en-US", label: "English (United States)" },
  { code: "en-GB", label: "English (United Kingdom)" },
  { code: "de-DE", label: "Deutsch (Deutschland)" },
  { code: "fr-FR", label: "Français (France)" },
  { code: "es-ES", label: "Español (España)" },
  { code: "it-IT", label: "Italiano (Italia)" },
  { code: "pl-PL", label: "Polski (Polska)" },
  { code: "nl-NL", label: "Nederlands (Nederland)" },
];

export const DEFAULT_LOCALE = "en-US";
export const DEFAULT_TIME_ZONE = "UTC";

const LOCALE_CODES = new Set(SUPPORTED_LOCALES.map((l) => l.code));

/** True when `s` is one of SUPPORTED_LOCALES' codes (exact, case-sensitive). */
export function isSupportedLocale(s: unknown): s is string {
  return typeof s === "string" && LOCALE_CODES.has(s);
}

let zoneSet: Set<string> | null = null;

function knownZones(): Set<string> {
  if (!zoneSet) {
    const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    zoneSet = new Set(list);
    zoneSet.add("UTC");
  }
  return zoneSet;
}

/**
 * True when `s` is an IANA time zone this runtime knows: one of `Intl.supportedValuesOf('timeZone')`,
 * or an alias Intl accepts (e.g. "Etc/UTC", "Asia/Calcutta").
 */
export function isTimeZone(s: unknown): s is string {
  if (typeof s !== "string" || s.length === 0 || s.length > 64) return false;
  if (knownZones().has(s)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: s });
    return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(s);
  } catch {
    return false;
  }
}

/** Every IANA time zone this runtime knows, sorted, for a picker. */
export function timeZoneList(): string[] {
  return [...knownZones()].sort();
}

/**
 * The best supported locale for an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8"):
 * exact tag first, then the first supported locale sharing the language. Null when none fits.
 */
export function matchLocale(acceptLanguage: string | null | undefined): string | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: (tag ?? "").trim(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { tag } of ranges) {
    const exact = SUPPORTED_LOCALES.find((l) => l.code.toLowerCase() === tag.toLowerCase());
    if (exact) return exact.code;
    const lang = tag.split("-")[0]!.toLowerCase();
    const sameLang = SUPPORTED_LOCALES.find((l) => l.code.split("-")[0]!.toLowerCase() === lang);
    if (sameLang) return sameLang.code;
  }
  return null;
}
