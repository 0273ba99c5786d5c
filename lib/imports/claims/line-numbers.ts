/**
 * Claim line numbers as the distributor counts them (PAD01, a "Line" column), or — when they are
 * missing, not whole numbers or repeated — 1 … n in file order, said in a warning. A line is never
 * dropped or merged for its number.
 */
import type { ClaimLineInput } from "@/lib/domain/claims/types";
import type { ClaimWarning } from "./types";

/** `given`: each line's own number (0 when it has none). Numbers the lines in place; a warning when renumbered. */
export function numberLines(lines: ClaimLineInput[], source: string): ClaimWarning | null {
  const numbers = lines.map((l) => l.line);
  if (numbers.every((n) => Number.isInteger(n) && n > 0) && new Set(numbers).size === numbers.length) return null;
  lines.forEach((l, i) => (l.line = i + 1));
  if (lines.length === 0) return null;
  return { code: "line_numbers", message: `${source} line numbers are missing, not whole numbers or repeated: the ${lines.length} lines are numbered 1 to ${lines.length} in file order` };
}
