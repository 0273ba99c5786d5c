import type { ReactNode } from "react";
import type { RevisionDetail } from "@/lib/dal/submissions/get-revision";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { LocalTime } from "@/components/history/local-time";
import { TimelinessBadge, sourceLabel } from "@/components/history/status-badge";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Who submitted a revision, when, whether the period was on time, and its totals. */
export function RevisionSummary({ detail, latestRevision }: { detail: RevisionDetail; latestRevision: number | null }) {
  return (
    <Card>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-4 px-4 py-4 sm:grid-cols-2 lg:grid-cols-4">
        <Item term="Submission ID">
          <code className="font-mono text-xs break-all text-slate-900" data-testid="submission-id">
            {detail.submissionId}
          </code>
        </Item>
        <Item term="Revision">
          <span className="tabular-nums" data-testid="revision-number">
            {detail.revision}
          </span>
          {detail.latest ? (
            <span className="text-slate-600"> (latest)</span>
          ) : latestRevision ? (
            <span className="text-slate-600"> (superseded; latest is {latestRevision})</span>
          ) : null}
        </Item>
        <Item term="Submitted">
          <LocalTime iso={detail.submittedAt} className="whitespace-nowrap" />
          <span className="block text-xs text-slate-600">
            by {detail.submittedBy} · {sourceLabel(detail.source)}
          </span>
        </Item>
        <Item term="Deadline">
          <span data-testid="timeliness">
            <TimelinessBadge timeliness={detail.timeliness} daysLate={detail.daysLate} />
          </span>
          <span className="block text-xs text-slate-600">
            {detail.revision > 1 ? "Judged on the first submission, " : "First submitted "}
            <LocalTime iso={detail.firstSubmittedAt} />
          </span>
        </Item>
      </dl>
      <div className="grid grid-cols-2 gap-4 border-t border-slate-200 px-4 py-4 sm:grid-cols-4" aria-label="Totals" role="group">
        <Stat label="Sold" value={detail.totals.sold} />
        <Stat label="Returned" value={detail.totals.returned} />
        <Stat label="On hand" value={detail.totals.onHand} />
        <Stat label="Lines" value={detail.totals.lines} />
      </div>
    </Card>
  );
}
