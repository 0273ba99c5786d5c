"use client";

import { createContext, useContext, type ReactNode } from "react";
import { createFormatter, DEFAULT_FORMAT, type FormatSettings, type Formatter } from "@/lib/format/formatter";

const FormatContext = createContext<FormatSettings>(DEFAULT_FORMAT);

/**
 * Hands the request's `{ locale, timeZone }` (lib/format/request-format.ts, in the root layout) to
 * client components, so the server rendering and the browser's are the same text.
 */
export function FormatProvider({ settings, children }: { settings: FormatSettings; children: ReactNode }) {
  return <FormatContext.Provider value={settings}>{children}</FormatContext.Provider>;
}

/** The formatter for the user's locale and time zone (cached per pair). */
export function useFormatter(): Formatter {
  return createFormatter(useContext(FormatContext));
}

/** The `{ locale, timeZone }` in effect. */
export function useFormatSettings(): FormatSettings {
  return useContext(FormatContext);
}
