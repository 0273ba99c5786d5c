import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ComplianceStatus } from "@/lib/domain/compliance";

const STATUS: Record<ComplianceStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "blue" },
  on_time: { label: "On time", tone: "green" },
  late: { label: "Late", tone: "amber" },
  missing: { label: "Missing", tone: "red" },
  incomplete: { label: "Incomplete", tone: "amber" },
};

export const STATUS_LABELS: Record<ComplianceStatus, string> = Object.fromEntries(
  Object.entries(STATUS).map(([k, v]) => [k, v.label]),
) as Record<ComplianceStatus, string>;

/** A period's reporting status: pending / on time / late / missing / incomplete. */
export function StatusBadge({ status }: { status: ComplianceStatus }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone} dot>
      <span className="sr-only">Status: </span>
      {s.label}
    </Badge>
  );
}
