import type { Metadata } from "next";
import Link from "next/link";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getFormatter } from "@/lib/format/request-format";
import type { Formatter } from "@/lib/format/formatter";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { DiffCounts, DiffTable } from "@/components/history/diff-table";
import { ReceiptBanner } from "@/components/receipt/receipt-banner";
import { countQuestionedRows } from "@/lib/dal/exceptions/sync-automatic";
import { RevisionSummary } from "@/components/receipt/revision-summary";
import { LinesTable } from "@/components/receipt/lines-table";
import { changesOfRevision, type RevisionChanges } from "../../_lib/changes";
import { firstParam, loadRevision, loadRevisions, orNotFound, periodParam, revisionParam } from "../../_lib/load";

type Params = { period: string; revision: string };
type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }): Promise<Metadata> {
  const { period, revision } = await params;
  const receipt = firstParam((await searchParams).receipt) === "1";
  return { title: receipt ? `Receipt ${period} revision ${revision}` : `${period} revision ${revision}` };
}

function changesTitle(changes: RevisionChanges, revision: number, f: Formatter): { title: string; description: string } {
  switch (changes.basis.kind) {
    case "previous":
      return {
        title: `Changed from revision ${changes.basis.revision}`,
        description: `The rows of revision ${revision} that differ from revision ${changes.basis.revision} (old → new).`,
      };
    case "prefill":
      return {
        title: `Changed from last period’s values`,
        description: `The rows that differ from what the report was prefilled with: ${f.period(changes.basis.period)}’s sold and on hand (revision ${changes.basis.revision}), returned 0.`,
      };
    case "none":
      return { title: "Rows submitted", description: "Nothing was reported the period before, so there is nothing to compare with." };
  }
}

/** One revision in detail; with ?receipt=1 it is the receipt shown right after submitting. */
export default async function RevisionPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const p = await params;
  const period = periodParam(p.period);
  const revision = revisionParam(p.revision);
  const viewer = await requirePageViewer(`/history/${period}/${revision}`);
  const sp = await searchParams;
  const receipt = firstParam(sp.receipt) === "1";
  // The rows of this period the submission left out of tolerance: the automatic exceptions its own
  // transaction opened (or kept open), read — the receipt writes nothing.
  const questioned = receipt ? await withViewerDb(viewer, (db) => countQuestionedRows(db, viewer, period)) : null;
  const detail = await loadRevision(period, revision);
  const [changes, revisions] = await Promise.all([orNotFound(withViewerDb(viewer, (db) => changesOfRevision(db, viewer, detail))), loadRevisions(period)]);
  const latestRevision = revisions[0]?.revision ?? null;
  const f = await getFormatter();
  const label = f.period(period);
  const csvHref = `/history/${period}/${revision}/csv`;
  const heading = changesTitle(changes, revision, f);

  return (
    <div className="space-y-6">
      <Breadcrumb
        trail={[
          { href: "/history", label: "History" },
          { href: `/history/${period}`, label },
        ]}
        current={<>Revision {revision}</>}
      />

      {receipt ? (
        <ReceiptBanner period={period} revision={revision}>
          {detail.distributor.name} reported {label}. Keep this receipt: the submission ID below identifies it.
          {questioned !== null ? (
            <span className="block" data-testid="receipt-exceptions-opened">
              {questioned === 0
                ? "No row was questioned: every row agrees with our calculation within tolerance."
                : `${questioned} row${questioned === 1 ? "" : "s"} will be questioned: ${questioned === 1 ? "it differs" : "they differ"} from our calculation by more than the tolerance (see My exceptions).`}
            </span>
          ) : null}
        </ReceiptBanner>
      ) : null}

      <PageHeader
        title={receipt ? `Receipt — ${label}, revision ${revision}` : `${label}, revision ${revision}`}
        description={`${detail.distributor.name} (${detail.distributor.code})`}
        actions={
          <>
            <a href={csvHref} download className={buttonClasses({ variant: "secondary" })}>
              Download CSV of what was submitted
            </a>
            {revision > 1 ? (
              <Link href={`/history/${period}?from=${revision - 1}&to=${revision}`} className={buttonClasses({ variant: "secondary" })}>
                Compare with revision {revision - 1}
              </Link>
            ) : null}
            {receipt ? (
              <Link href="/history" className={buttonClasses()}>
                Done
              </Link>
            ) : (
              <Link href={`/history/${period}`} className={buttonClasses({ variant: "secondary" })}>
                All revisions of {label}
              </Link>
            )}
          </>
        }
      />

      <RevisionSummary detail={detail} latestRevision={latestRevision} />

      <Card>
        <CardHeader title={heading.title} description={heading.description} />
        <CardBody className="space-y-3">
          {changes.basis.kind === "none" ? (
            <p className="text-sm text-slate-700">All {detail.totals.lines} rows are listed under “What was submitted”.</p>
          ) : changes.changes.length === 0 ? (
            <EmptyState
              title="No differences"
              description={
                changes.basis.kind === "previous"
                  ? `Revision ${revision} reports the same values as revision ${changes.basis.revision}.`
                  : "Every row was submitted as prefilled from last period."
              }
            />
          ) : (
            <>
              <DiffCounts counts={changes.counts} />
              <DiffTable
                changes={changes.changes}
                label={heading.title}
                fromName={changes.basis.kind === "previous" ? `revision ${changes.basis.revision}` : "last period"}
                toName={`revision ${revision}`}
              />
            </>
          )}
        </CardBody>
      </Card>

      <section aria-labelledby="lines-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="lines-heading" className="text-base font-semibold text-slate-900">
            What was submitted
          </h2>
          <a href={csvHref} download className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
            Download CSV<span className="sr-only"> of revision {revision}</span>
          </a>
        </div>
        {detail.lines.length === 0 ? (
          <EmptyState title="No lines" description="This revision has no lines." />
        ) : (
          <LinesTable detail={detail} />
        )}
      </section>
    </div>
  );
}
