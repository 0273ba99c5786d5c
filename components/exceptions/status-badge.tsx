import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type ExceptionStatus } from "@/lib/validation/exceptions";
import { STATUS_TONES } from "./format";

/** How a resolved exception came to be resolved, in words (the data layer's `resolution`). */
export const RESOLUTION_LABELS: Record<string, string> = {
  correction: "Resolved by correction",
  revision: "Resolved by revision",
  sell_in: "Resolved by sell-in load",
};

export function StatusBadge({ status, resolution }: { status: ExceptionStatus; resolution?: string | null }) {
  const label = status === "resolved" && resolution ? (RESOLUTION_LABELS[resolution] ?? STATUS_LABELS[status]) : STATUS_LABELS[status];
  return (
    <Badge tone={STATUS_TONES[status]} dot>
      {label}
    </Badge>
  );
}
