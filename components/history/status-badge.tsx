import type { ComplianceStatus, Timeliness } from "@/lib/domain/compliance";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export interface StatusBadgeProps {
  status: ComplianceStatus;
  /** Shown with "late". */
  daysLate?: number | null;
  /** Shown with "incomplete": stocked SKUs left out of the latest revision. */
  missingSkus?: number | null;
}

/** A period's compliance status in words (colour is never the only signal). */
export function StatusBadge({ status, daysLate, missingSkus }: StatusBadgeProps) {
  const { tone, text } = describeStatus(status, daysLate, missingSkus);
  return (
    <Badge tone={tone} dot>
      {text}
    </Badge>
  );
}

export function describeStatus(
  status: ComplianceStatus,
  daysLate?: number | null,
  missingSkus?: number | null,
): { tone: BadgeTone; text: string } {
  switch (status) {
    case "on_time":
      return { tone: "green", text: "On time" };
    case "late":
      return { tone: "amber", text: daysLate ? `Late · ${days(daysLate)}` : "Late" };
    case "missing":
      return { tone: "red", text: "Missing" };
    case "incomplete":
      return {
        tone: "amber",
        text: missingSkus ? `Incomplete · ${missingSkus} ${missingSkus === 1 ? "SKU" : "SKUs"} left out` : "Incomplete",
      };
    case "pending":
      return { tone: "blue", text: "Pending" };
  }
}

/** Whether a period's first submission met the deadline: "On time" or "Late · N days". */
export function TimelinessBadge({ timeliness, daysLate }: { timeliness: Timeliness; daysLate: number }) {
  return timeliness === "on_time" ? (
    <Badge tone="green" dot>
      On time
    </Badge>
  ) : (
    <Badge tone="amber" dot>
      {daysLate ? `Late · ${days(daysLate)}` : "Late"}
    </Badge>
  );
}

const SOURCE_LABELS = { portal: "Portal", upload: "File upload", api: "API" } as const;

export function sourceLabel(source: keyof typeof SOURCE_LABELS): string {
  return SOURCE_LABELS[source] ?? source;
}
