import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type ExceptionStatus } from "@/lib/validation/exceptions";
import { STATUS_TONES } from "./format";

export function StatusBadge({ status }: { status: ExceptionStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} dot>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
