import type { Formatter } from "@/lib/format/formatter";

/** Money in its currency; with no single currency (a claim over several) the plain amount with two decimals. */
export function money(f: Formatter, amount: string | number, currency: string | null): string {
  if (currency) return f.money(amount, currency);
  const n = typeof amount === "string" ? Number(amount) : amount;
  return f.number(n, { digits: 2 });
}

/** A unit cost: up to 4 decimals, at least 2, in its currency. */
export function unitCost(f: Formatter, amount: string | number, currency: string): string {
  const n = typeof amount === "string" ? Number(amount) : amount;
  const digits = Math.abs(Math.round(n * 100) - n * 100) > 1e-9 ? 4 : 2;
  return f.money(amount, currency, { digits });
}
