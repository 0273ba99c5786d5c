import type { Metadata } from "next";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getException, type PartnerExceptionDetail } from "@/lib/dal/exceptions/get-exception";
import { listExceptions, type PartnerExceptionRow } from "@/lib/dal/exceptions/list-exceptions";
import { exceptionQuerySchema } from "@/lib/validation/exceptions";
import { getFormatter } from "@/lib/format/request-format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Num } from "@/components/ui/num";
import { PageHeader } from "@/components/ui/page-header";
import { NoteForm } from "@/components/exceptions/note-form";
import { StatusBadge } from "@/components/exceptions/status-badge";
import { Thread } from "@/components/exceptions/thread";
import Link from "next/link";
import { MyExceptionList } from "@/components/exceptions/my-exception-list";
import { buttonClasses } from "@/components/ui/button";
import { TabNav } from "@/components/ui/tab-link";
import { answerExceptionAction, bulkAnswerAction } from "./actions";

export const metadata: Metadata = { title: "Exceptions" };

const STATUS_TABS = [
  { value: "open", href: "/my-exceptions?status=open", label: "Open" },
  { value: "all", href: "/my-exceptions?status=all", label: "All" },
] as const;

/**
 * The distributor's side: its exceptions as a compact list (one row each, several answered at once
 * when they share a cause) beside a panel with the chosen one's numbers, thread and answer form, and
 * a link that opens the submit screen on that SKU to fix the figure itself.
 */
export default async function MyExceptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/my-exceptions");
  const f = await getFormatter();
  const sp = await searchParams;
  const status = sp.status === "all" ? "all" : "open";
  const wanted = typeof sp.id === "string" ? sp.id : undefined;
  const { rows, detail } = await withViewerDb(viewer, async (db) => {
    const list = await listExceptions(db, viewer, exceptionQuerySchema.parse({ status: status === "all" ? "" : "active", limit: 200 }));
    const rows = list.rows as PartnerExceptionRow[];
    const chosen = rows.find((r) => r.id === wanted) ?? rows[0];
    return { rows, detail: chosen ? ((await getException(db, viewer, chosen.id)) as PartnerExceptionDetail) : null };
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Exceptions"
        description="Where our calculated inventory and your reported on-hand disagree. Tell us what happened (a transfer, a late return, damage…) and we will sort it out with you, or fix the figure in your report."
        actions={<TabNav label="Which exceptions" current={status} tabs={STATUS_TABS} />}
      />
      {rows.length === 0 || !detail ? (
        <EmptyState
          title={status === "open" ? "No open exceptions" : "No exceptions"}
          description={status === "open" ? "Your reported numbers agree with ours. Nothing to answer." : "None of your rows has been questioned."}
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_28rem] lg:items-start">
          <MyExceptionList rows={rows} selectedId={detail.id} status={status} bulkAction={bulkAnswerAction} />
          <Card data-testid="my-exception" aria-label={`${detail.sku} ${f.period(detail.period)}`} className="lg:sticky lg:top-4">
            <CardHeader
              as="h2"
              title={`${detail.sku} · ${f.period(detail.period)}`}
              description={detail.description}
              actions={<StatusBadge status={detail.status} resolution={detail.resolution} />}
            />
            <CardBody className="space-y-4">
              <dl className="grid grid-cols-2 gap-3 text-sm">
                <div>
                  <dt className="text-xs text-slate-600">Calculated on hand (ours)</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={detail.ledger?.calculated} align="inherit" />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">You reported (yours)</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={detail.ledger?.reported} align="inherit" />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">Gap (ours − yours)</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={detail.ledger?.gap} signed align="inherit" />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">Gap %</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={detail.ledger?.gapPct == null ? null : detail.ledger.gapPct / 100} pct signed align="inherit" />
                  </dd>
                </div>
              </dl>
              <Link href={`/submit?period=${detail.period}&sku=${encodeURIComponent(detail.sku)}`} className={buttonClasses({ size: "sm", variant: "secondary" })}>
                Fix in the grid
              </Link>
              <Thread events={detail.events} partner />
              <NoteForm
                key={detail.id}
                action={answerExceptionAction}
                exceptionId={detail.id}
                label="Your answer"
                submitLabel="Send answer"
                placeholder="e.g. transferred 60 to our Reno branch"
              />
            </CardBody>
          </Card>
        </div>
      )}
    </div>
  );
}
