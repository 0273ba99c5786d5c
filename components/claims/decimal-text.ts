/**
 * Decimals as people type them in their locale: "1.234,50" for de-DE, "1,234.50" for en-US. The
 * screen and its server action read a typed figure with the same rule (the locale of the request).
 */

/** The locale's decimal separator ("." or ","). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}

/** "1.234,50" (",") / "1,234.50" (".") / "$4.84" / "4.84 USD" → 1234.5 / 4.84; NaN for anything else, blank included. */
export function parseDecimal(text: string, decimal: string): number {
  let t = text.trim().replace(/[\s\u00a0\u202f$€£¥]/g, "").replace(/^(USD|EUR|GBP)|(USD|EUR|GBP)$/i, "");
  if (t === "") return Number.NaN;
  t = decimal === "," ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
  return /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/** A decimal string ("1200.50") as the user would type it: no grouping, the locale's separator. */
export function decimalText(value: string | number, decimal: string): string {
  const s = String(value);
  return decimal === "," ? s.replace(".", ",") : s;
}
