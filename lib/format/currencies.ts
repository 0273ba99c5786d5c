/** ISO 4217 currencies: the common ones offered in pickers, and the check for any code Intl knows. */

export const COMMON_CURRENCIES: readonly { code: string; label: string }[] = [
  { code: "USD", label: "USD — US dollar" },
  { code: "EUR", label: "EUR — Euro" },
  { code: "GBP", label: "GBP — Pound sterling" },
  { code: "CHF", label: "CHF — Swiss franc" },
  { code: "PLN", label: "PLN — Polish złoty" },
  { code: "SEK", label: "SEK — Swedish krona" },
  { code: "DKK", label: "DKK — Danish krone" },
  { code: "NOK", label: "NOK — Norwegian krone" },
  { code: "CAD", label: "CAD — Canadian dollar" },
  { code: "MXN", label: "MXN — Mexican peso" },
  { code: "BRL", label: "BRL — Brazilian real" },
  { code: "JPY", label: "JPY — Japanese yen" },
  { code: "CNY", label: "CNY — Chinese yuan" },
  { code: "INR", label: "INR — Indian rupee" },
  { code: "SGD", label: "SGD — Singapore dollar" },
  { code: "AUD", label: "AUD — Australian dollar" },
];

export const DEFAULT_CURRENCY = "USD";

let known: Set<string> | null = null;

/** True for a three-letter upper-case ISO 4217 code that Intl knows ("EUR"; not "eur", not "XYZ"). */
export function isCurrencyCode(s: unknown): s is string {
  if (typeof s !== "string" || !/^[A-Z]{3}$/.test(s)) return false;
  if (typeof Intl.supportedValuesOf === "function") {
    known ??= new Set(Intl.supportedValuesOf("currency"));
    return known.has(s);
  }
  return COMMON_CURRENCIES.some((c) => c.code === s);
}
