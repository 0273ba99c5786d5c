"use client";

import { createContext, useMemo } from "react";
import { useFormatSettings } from "@/components/format/format-provider";
import type { DraftValue } from "@/lib/validation/submission";

/**
 * Numbers are shown in the user's locale (lib/format: the profile's, else the browser's), the same
 * on the server and in the browser. Input parsing does not depend on it (what a cell accepts is
 * decided by the submission schema).
 */
const SERVER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

export function useNumberFormat(): Intl.NumberFormat {
  const { locale } = useFormatSettings();
  return useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }), [locale]);
}

export const NumberFormatContext = createContext<Intl.NumberFormat>(SERVER_FORMAT);

/** A number for display, with a real minus sign; "—" for none. */
export function formatUnits(f: Intl.NumberFormat, v: number | null | undefined, signed = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = f.format(v).replace("-", "\u2212");
  return signed && v > 0 ? `+${s}` : s;
}

/** What a quantity cell shows when not focused: the formatted number, or the raw text typed. */
export function displayValue(f: Intl.NumberFormat, v: DraftValue): string {
  return typeof v === "number" ? formatUnits(f, v) : v;
}

/** What a quantity cell holds while focused: plain digits, easy to edit. */
export function editValue(v: DraftValue): string {
  return typeof v === "number" ? String(v) : v;
}
