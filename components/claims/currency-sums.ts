import { centsToDecimal, decimalToScaled } from "@/lib/domain/rebates";

/** Exact sums of money strings ("1234.50") per currency, in cents: never through floats. */
export class CurrencySums<K extends string> {
  private readonly sums = new Map<string, { count: number; cents: Map<K, bigint> }>();

  constructor(private readonly keys: readonly K[]) {}

  add(currency: string, amounts: Record<K, string>): void {
    let s = this.sums.get(currency);
    if (!s) {
      s = { count: 0, cents: new Map(this.keys.map((k) => [k, 0n])) };
      this.sums.set(currency, s);
    }
    s.count += 1;
    for (const k of this.keys) s.cents.set(k, s.cents.get(k)! + decimalToScaled(amounts[k], 2));
  }

  /** One row per currency, alphabetically: the sums as decimal strings and how many rows were added. */
  rows(): ({ currency: string; count: number } & Record<K, string>)[] {
    return [...this.sums.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, s]) => ({ currency, count: s.count, ...(Object.fromEntries(this.keys.map((k) => [k, centsToDecimal(s.cents.get(k)!)])) as Record<K, string>) }));
  }
}
