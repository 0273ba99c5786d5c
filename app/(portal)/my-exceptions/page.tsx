import type { Metadata } from "next";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getException, type PartnerExceptionDetail } from "@/lib/dal/exceptions/get-exception";
import { listExceptions } from "@/lib/dal/exceptions/list-exceptions";
import { exceptionQuerySchema } from "@/lib/validation/exceptions";
import { formatPeriodLabel } from "@/lib/domain/periods";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Num } from "@/components/ui/num";
import { PageHeader } from "@/components/ui/page-header";
import { NoteForm } from "@/components/exceptions/note-form";
import { StatusBadge } from "@/components/exceptions/status-badge";
import { Thread } from "@/components/exceptions/thread";
import { answerExceptionAction } from "./actions";

export const metadata: Metadata = { title: "Exceptions" };

/** The distributor's side: open questions on its own rows, each answerable with a note. */
export default async function MyExceptionsPage() {
  const viewer = await requirePageViewer("/my-exceptions");
  const details = (await withViewerDb(viewer, async (db) => {
    const list = await listExceptions(db, viewer, exceptionQuerySchema.parse({ status: "active", limit: 100 }));
    return Promise.all(list.rows.map((r) => getException(db, viewer, r.id)));
  })) as PartnerExceptionDetail[];

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title="Exceptions"
        description="Where our calculated inventory and your reported on-hand disagree. Tell us what happened (a transfer, a late return, damage…) and we will sort it out with you."
      />
      {details.length === 0 ? (
        <EmptyState title="No open exceptions" description="Your reported numbers agree with ours. Nothing to answer." />
      ) : (
        details.map((e) => (
          <Card key={e.id} data-testid="my-exception" aria-label={`${e.sku} ${formatPeriodLabel(e.period)}`}>
            <CardHeader
              as="h2"
              title={`${e.sku} · ${formatPeriodLabel(e.period)}`}
              description={e.description}
              actions={<StatusBadge status={e.status} />}
            />
            <CardBody className="space-y-4">
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-xs text-slate-600">Calculated on hand (ours)</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={e.ledger?.calculated} align="inherit" />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">You reported (yours)</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={e.ledger?.reported} align="inherit" />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">Gap (ours − yours)</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={e.ledger?.gap} signed align="inherit" />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">Gap %</dt>
                  <dd className="font-semibold tabular-nums">
                    <Num value={e.ledger?.gapPct == null ? null : e.ledger.gapPct / 100} pct signed align="inherit" />
                  </dd>
                </div>
              </dl>
              <Thread events={e.events} partner />
              <NoteForm
                action={answerExceptionAction}
                exceptionId={e.id}
                label="Your answer"
                submitLabel="Send answer"
                placeholder="e.g. transferred 60 to our Reno branch"
              />
            </CardBody>
          </Card>
        ))
      )}
    </div>
  );
}
