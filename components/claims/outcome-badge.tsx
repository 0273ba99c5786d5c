import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ClaimOutcome } from "@/lib/domain/claims/types";

export const OUTCOME_LABELS: Record<ClaimOutcome, string> = { approved: "Approved", adjusted: "Adjusted", rejected: "Rejected" };
const TONES: Record<ClaimOutcome, BadgeTone> = { approved: "green", adjusted: "amber", rejected: "red" };

/** A claim line's outcome in words and colour (the word carries it; the colour only repeats it). */
export function OutcomeBadge({ outcome }: { outcome: ClaimOutcome }) {
  return (
    <Badge tone={TONES[outcome]} dot>
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}
