import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { diffRevisions } from "@/lib/dal/submissions/diff-revisions";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { LocalTime } from "@/components/history/local-time";
import { StatusBadge } from "@/components/history/status-badge";
import { RevisionsTable } from "@/components/history/revisions-table";
import { DiffForm } from "@/components/history/diff-form";
import { DiffCounts, DiffTable } from "@/components/history/diff-table";
import { firstParam, orNotFound, periodParam, requireKnownPeriod } from "../../_lib/load";

type Params = { period: string };
type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { period } = await params;
  return { title: `History ${period}` };
}

function pickRevision(raw: string | undefined, valid: Set<number>): number | null {
  if (!raw || !/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return valid.has(n) ? n : null;
}

/** The revisions of one period and a diff between any two of them (?from=&to=). */
export default async function PeriodHistoryPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const period = periodParam((await params).period);
  const viewer = await requirePageViewer(`/history/${period}`);
  const sp = await searchParams;
  const { row, revisions } = await requireKnownPeriod(period);

  const f = await getFormatter();
  const label = f.period(period);
  const numbers = revisions.map((r) => r.revision);
  const latest = numbers[0] ?? null;

  // The diff: defaults to the two newest revisions; unknown numbers in the URL fall back to them.
  let diffSection: ReactNode = null;
  if (revisions.length >= 2) {
    const valid = new Set(numbers);
    const rawFrom = firstParam(sp.from);
    const rawTo = firstParam(sp.to);
    const from = pickRevision(rawFrom, valid) ?? numbers[1]!;
    const to = pickRevision(rawTo, valid) ?? numbers[0]!;
    const ignored = (rawFrom !== undefined && pickRevision(rawFrom, valid) === null) || (rawTo !== undefined && pickRevision(rawTo, valid) === null);
    const diff = from === to ? null : await orNotFound(withViewerDb(viewer, (db) => diffRevisions(db, viewer, { period, from, to })));

    diffSection = (
      <Card>
        <CardHeader
          title="Compare revisions"
          description="Per SKU, the fields that changed between two revisions (old → new), with the net change per column."
        />
        <CardBody className="space-y-4">
          <DiffForm period={period} revisions={numbers} from={from} to={to} />
          {ignored ? (
            <p className="text-sm text-amber-800" role="status">
              That revision does not exist in {label}; showing revision {from} → {to} instead.
            </p>
          ) : null}
          <div aria-live="polite" className="space-y-3">
            {diff === null ? (
              <EmptyState title="Pick two different revisions" description="Choose a “from” and a “to” revision to see what changed." />
            ) : diff.changes.length === 0 ? (
              <EmptyState
                title="No differences"
                description={`Revision ${from} and revision ${to} report the same values for every SKU.`}
              />
            ) : (
              <>
                <h3 className="text-sm font-semibold text-slate-900">
                  Revision {from} → revision {to}
                </h3>
                <DiffCounts counts={diff.counts} />
                <DiffTable
                  changes={diff.changes}
                  label={`Changes from revision ${from} to revision ${to}`}
                  fromName={`revision ${from}`}
                  toName={`revision ${to}`}
                />
              </>
            )}
          </div>
        </CardBody>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <Breadcrumb trail={[{ href: "/history", label: "History" }]} current={label} />

      <PageHeader
        title={`${label} (${period})`}
        description={
          revisions.length === 0
            ? "Nothing has been submitted for this period."
            : `${revisions.length} ${revisions.length === 1 ? "revision" : "revisions"}. Timeliness is judged on the first submission; later revisions correct it.`
        }
        actions={
          latest !== null ? (
            <>
              <a href={`/history/${period}/${latest}/csv`} className={buttonClasses({ variant: "secondary" })} download>
                Download latest CSV
              </a>
              <Link href={`/history/${period}/${latest}`} className={buttonClasses()}>
                View revision {latest}
              </Link>
            </>
          ) : row?.state === "open" ? (
            <Link href={`/submit?period=${period}`} className={buttonClasses()}>
              Submit {label}
            </Link>
          ) : null
        }
      >
        {row ? <StatusBadge status={row.status} daysLate={row.daysLate} missingSkus={row.missingSkus} /> : null}
        {row ? (
          <span className="text-xs text-slate-600">
            Due <LocalTime iso={row.dueAt} />
          </span>
        ) : null}
        {row?.state === "closed" ? <span className="text-xs text-slate-600">· Closed</span> : null}
      </PageHeader>

      {revisions.length === 0 ? (
        <EmptyState
          title={`No revisions for ${label}`}
          description={
            row?.state === "open"
              ? "Submit this period from the report screen; every submission becomes a revision you can see and compare here."
              : "This period was closed without a submission."
          }
          action={
            row?.state === "open" ? (
              <Link href={`/submit?period=${period}`} className={buttonClasses()}>
                Submit {label}
              </Link>
            ) : undefined
          }
        />
      ) : (
        <section aria-labelledby="revisions-heading" className="space-y-3">
          <h2 id="revisions-heading" className="text-base font-semibold text-slate-900">
            Revisions
          </h2>
          <RevisionsTable period={period} revisions={revisions} />
        </section>
      )}

      {revisions.length === 1 ? (
        <EmptyState
          title="Only one revision"
          description="There is nothing to compare yet. When the period is submitted again, you can compare any two revisions here."
        />
      ) : (
        diffSection
      )}
    </div>
  );
}
