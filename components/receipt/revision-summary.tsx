import type { ReactNode } from "react";
import type { RevisionDetail } from "@/lib/dal/submissions/get-revision";
import { QUALITY_PARTS, QUALITY_PART_LABELS, type Quality } from "@/lib/domain/quality";
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

/** The revision's data-quality score and its four parts, with the rule in one sentence. */
function QualityBlock({ quality, flagged, confirmed }: { quality: Quality; flagged: number; confirmed: number }) {
  return (
    <div className="border-t border-slate-200 px-4 py-4" data-testid="receipt-quality">
      <p className="text-sm text-slate-900">
        Data quality <strong className="text-lg tabular-nums">{quality.score}</strong>/100
        {flagged ? (
          <span className="text-slate-600">
            {" "}
            · {flagged} flagged line{flagged === 1 ? "" : "s"}
            {confirmed ? `, ${confirmed} confirmed as reported` : ""}
          </span>
        ) : (
          <span className="text-slate-600"> · no flagged lines</span>
        )}
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {QUALITY_PARTS.map((p) => (
          <div key={p}>
            <dt className="text-xs text-slate-600">{QUALITY_PART_LABELS[p]}</dt>
            <dd className="text-sm font-semibold tabular-nums text-slate-900">{quality.parts[p]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        The average of the four parts: SKUs with stock or sell-in you listed; lines that are possible and not far from your usual sales; lines
        that agree with our calculation; lines whose on hand was updated (10 points off freshness per day late).
      </p>
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
      {detail.quality ? <QualityBlock quality={detail.quality} flagged={detail.lines.filter((l) => l.flags.length).length} confirmed={detail.lines.filter((l) => l.confirm).length} /> : null}
    </Card>
  );
}
