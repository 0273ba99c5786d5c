import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getException, type StaffExceptionDetail } from "@/lib/dal/exceptions/get-exception";
import { EXCEPTION_WORKERS, listAssignableStaff } from "@/lib/dal/exceptions/shared";
import { AppError } from "@/lib/errors";
import { getFormatter } from "@/lib/format/request-format";
import { ACTIVE_STATUSES, REASON_LABELS } from "@/lib/validation/exceptions";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { Stat } from "@/components/ui/stat";
import { Num } from "@/components/ui/num";
import { CorrectionsPanel } from "@/components/exceptions/corrections-panel";
import { ExceptionControls } from "@/components/exceptions/exception-controls";
import { formatTime } from "@/components/exceptions/format";
import { NoteForm } from "@/components/exceptions/note-form";
import { ReportedLineNote } from "@/components/exceptions/reported-line";
import { StatusBadge } from "@/components/exceptions/status-badge";
import { Thread } from "@/components/exceptions/thread";
import { addNoteAction, decideCorrectionAction, proposeCorrectionAction, updateExceptionAction } from "../actions";

export const metadata: Metadata = { title: "Exception" };

export default async function ExceptionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/exceptions/${id}`);
  const f = await getFormatter();
  const sp = await searchParams;
  let e: StaffExceptionDetail;
  let staff: Awaited<ReturnType<typeof listAssignableStaff>>;
  try {
    [e, staff] = await withViewerDb(viewer, async (db) => [(await getException(db, viewer, id)) as StaffExceptionDetail, await listAssignableStaff(db)] as const);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const canWork = viewer.role === "admin" || (EXCEPTION_WORKERS as readonly string[]).includes(viewer.role);
  const active = ACTIVE_STATUSES.includes(e.status);
  const l = e.ledger;
  const gapsLink = `/gaps?${new URLSearchParams({ period: e.period, distributor: e.distributor, sku: e.sku })}`;
  const answers = e.events.filter((x) => x.isAnswer).length;

  return (
    <div className="space-y-4">
      <BackLink href="/exceptions" label="Exceptions" />
      {sp.opened === "existing" ? (
        <p role="status" className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-800">
          This row already had an exception, so nothing new was opened: this is it.
        </p>
      ) : sp.proposed === "1" ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Correction proposed. It takes effect when a second channel manager approves it: they see it under &ldquo;To approve&rdquo;.
        </p>
      ) : sp.asked === "1" ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Question sent: {e.distributor} sees it on their exceptions page.
        </p>
      ) : sp.opened === "new" ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Exception opened.
        </p>
      ) : null}

      <PageHeader
        title={`${e.distributor} · ${e.sku} · ${f.period(e.period)}`}
        description={`${e.distributorName} — ${e.description}`}
        actions={
          <Link href={gapsLink} className="text-sm font-medium text-indigo-700 hover:underline">
            Open in the gap view
          </Link>
        }
      >
        <StatusBadge status={e.status} resolution={e.resolution} />
        {e.reason ? <Badge>{REASON_LABELS[e.reason]}</Badge> : null}
        <span className="text-xs text-slate-600">
          {e.automatic ? `Opened automatically (${e.automatic})` : `Opened by ${e.openedBy?.name ?? "someone"}`} ·{" "}
          <time dateTime={e.openedAt}>{formatTime(e.openedAt)}</time> · gap at opening <Num value={e.gapAtOpen} signed align="inherit" />
        </span>
      </PageHeader>

      <Card>
        <CardBody>
          <div className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4" role="group" aria-label="Ledger row now">
            <div data-testid="ledger-calculated">
              <Stat label="Calculated" value={l?.calculated ?? null} hint="opening + sell-in − sell-through − returns ± adjustments" />
            </div>
            <div data-testid="ledger-reported">
              <Stat label="Reported" value={l?.reported ?? null} hint="on hand, as the distributor counted it" />
            </div>
            <div data-testid="ledger-gap">
              <Stat label="Gap" value={l?.gap ?? null} signed hint="calculated − reported" />
            </div>
            <div data-testid="ledger-gap-pct">
              <Stat label="Gap %" value={l?.gapPct == null ? null : l.gapPct / 100} pct signed hint="gap ÷ calculated" />
            </div>
          </div>
          {l ? (
            <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-600 tabular-nums">
              Opening {f.int(l.opening)} · sell-in {f.int(l.sellIn)} · sell-through {f.int(l.sellThrough)} · returns{" "}
              {f.int(l.returns)} · adjustments <Num value={l.adjustments} signed align="inherit" />
            </p>
          ) : null}
          <ReportedLineNote line={e.reportedLine} />
        </CardBody>
      </Card>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card>
            <CardHeader
              title="Notes"
              description={answers ? `${answers} answer${answers === 1 ? "" : "s"} from ${e.distributor}` : "Notes are shared with the distributor unless marked internal"}
            />
            <CardBody className="space-y-4">
              <Thread events={e.events} />
              {canWork ? <NoteForm action={addNoteAction} exceptionId={e.id} allowInternal placeholder="Ask the distributor, or record what you found" /> : null}
            </CardBody>
          </Card>
        </div>
        <div className="space-y-4">
          <Card>
            <CardHeader title="Status, reason, owner" />
            <CardBody>
              <ExceptionControls action={updateExceptionAction} exceptionId={e.id} status={e.status} reason={e.reason} ownerId={e.owner?.id ?? null} version={e.version} staff={staff} canWork={canWork} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Corrections" description="A ledger adjustment in this period; it takes effect when a second person approves it" />
            <CardBody>
              <CorrectionsPanel
                exceptionId={e.id}
                corrections={e.corrections}
                viewerId={viewer.userId}
                canWork={canWork}
                active={active}
                proposeAction={proposeCorrectionAction}
                decideAction={decideCorrectionAction}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
}
