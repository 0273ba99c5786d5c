import type { ClaimOutcome } from "@/lib/domain/claims/types";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const OUTCOMES: Record<ClaimOutcome, { tone: BadgeTone; text: string }> = {
  approved: { tone: "green", text: "Approved" },
  adjusted: { tone: "amber", text: "Adjusted" },
  rejected: { tone: "red", text: "Rejected" },
};

/** A claim line's outcome in words (colour is never the only signal). */
export function OutcomeBadge({ outcome }: { outcome: ClaimOutcome }) {
  const o = OUTCOMES[outcome];
  return (
    <Badge tone={o.tone} dot>
      {o.text}
    </Badge>
  );
}
