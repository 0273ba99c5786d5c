"use client";

import { createContext, useSyncExternalStore } from "react";
import type { DraftValue } from "@/lib/validation/submission";

/**
 * Numbers are shown in the browser's locale (`Intl.NumberFormat(undefined)`). The server cannot know
 * that locale, so the first render (server and hydration) uses en-US and the grid switches to the
 * browser's formatter right after hydration — one re-render of the visible rows, no mismatch.
 */
const SERVER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
let browserFormat: Intl.NumberFormat | null = null;

const noSubscribe = () => () => {};
const getBrowserFormat = () => (browserFormat ??= new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }));
const getServerFormat = () => SERVER_FORMAT;

export function useNumberFormat(): Intl.NumberFormat {
  return useSyncExternalStore(noSubscribe, getBrowserFormat, getServerFormat);
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
