import { Badge } from "@/components/ui/badge";
import type { ReportedLine } from "@/lib/dal/exceptions/get-exception";
import { CHECK_KIND_LABELS, CONFIRM_REASON_LABELS, type CheckKind, type ConfirmReason } from "@/lib/domain/submission-checks";

/**
 * The row as the distributor's latest revision reported it: what the submission check flagged when
 * it was stored, and whether the distributor confirmed the number as reported (with the reason).
 */
export function ReportedLineNote({ line }: { line: ReportedLine | null }) {
  if (!line || (!line.flags.length && !line.confirm)) return null;
  const kinds = [...new Set(line.flags.map((f) => f.kind))];
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3 text-sm text-slate-700" data-testid="reported-line">
      <span className="font-medium text-slate-900">As reported (revision {line.revision}):</span>
      {kinds.map((k) => (
        <Badge key={k} tone="amber">
          {CHECK_KIND_LABELS[k as CheckKind] ?? k}
        </Badge>
      ))}
      {line.confirm ? (
        <span data-testid="reported-confirm">
          confirmed as reported — {CONFIRM_REASON_LABELS[line.confirm.reason as ConfirmReason] ?? line.confirm.reason}
          {line.confirm.note ? <> · “{line.confirm.note}”</> : null}
        </span>
      ) : (
        <span className="text-slate-600">not confirmed by the distributor</span>
      )}
    </div>
  );
}
