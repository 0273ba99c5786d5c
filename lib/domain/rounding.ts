/**
 * Rounds numerator / denominator to `decimals` places, half away from zero — the same rule as
 * PostgreSQL's round(numeric, n), so values computed here agree with values computed in SQL.
 * Integer inputs are handled exactly (BigInt); anything else falls back to floating point.
 */
export function roundQuotient(numerator: number, denominator: number, decimals: number): number {
  if (denominator === 0) throw new RangeError("roundQuotient: division by zero");
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError("roundQuotient: decimals must be a non-negative integer");
  const scale = 10 ** decimals;
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    let n = BigInt(numerator) * BigInt(scale);
    let d = BigInt(denominator);
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const negative = n < 0n;
    const abs = negative ? -n : n;
    let q = abs / d;
    if (2n * (abs % d) >= d) q += 1n;
    const result = Number(q) / scale;
    return negative && result !== 0 ? -result : result;
  }
  const x = numerator / denominator;
  const r = Math.round(Math.abs(x) * scale) / scale;
  return x < 0 && r !== 0 ? -r : r;
}
