import { createFormatter, type Formatter } from "@/lib/format/formatter";

const FALLBACK = createFormatter(null);

/**
 * Formats a number with a real minus sign (−), or null for no value. Pass the user's formatter —
 * `await getFormatter()` (lib/format/request-format) in server code, `useFormatter()` in client
 * components; without one it is en-US.
 */
export function formatNum(
  value: number | null | undefined,
  opts: { signed?: boolean; pct?: boolean; digits?: number } = {},
  f: Formatter = FALLBACK,
): string | null {
  if (value == null || !Number.isFinite(value)) return null;
  const { pct = false, signed = false, digits = pct ? 1 : 0 } = opts;
  return pct ? f.percent(value, { digits, signed }) : f.number(value, { digits, signed });
}
