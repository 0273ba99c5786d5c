import type { Metadata } from "next";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listApprovalQueue, worksExceptions } from "@/lib/dal/corrections/approval-queue";
import { listOpenNotices } from "@/lib/dal/corrections/approval-notices";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { ApprovalQueue } from "@/components/exceptions/approval-queue";
import { formatTime } from "@/components/exceptions/format";
import { decideCorrectionAction } from "../actions";

export const metadata: Metadata = { title: "To approve · Exceptions" };

/** The second approver's queue: every proposed correction, those waiting for the viewer first. */
export default async function ApprovalsPage() {
  const viewer = await requirePageViewer("/exceptions/approvals");
  const [rows, notices] = await withViewerDb(viewer, (db) => Promise.all([listApprovalQueue(db, viewer), listOpenNotices(db, viewer)]));
  const canApprove = worksExceptions(viewer);
  const theirs = rows.filter((r) => !r.mine);
  const mine = rows.filter((r) => r.mine);
  const approvalNotices = notices.filter((n) => n.kind === "approval");

  return (
    <div className="space-y-4">
      <BackLink href="/exceptions" label="Exceptions" />
      <PageHeader
        title="To approve"
        description="A correction changes the ledger only when a second person approves it; the proposer cannot. Approving moves the row's calculated inventory by the signed quantity and resolves its exception when the row is then within tolerance."
      />

      {approvalNotices.length ? (
        <section aria-label="Notices" className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3">
          <p className="text-sm font-medium text-indigo-950">
            {approvalNotices.length} notice{approvalNotices.length === 1 ? "" : "s"} for you
          </p>
          <ul className="mt-1 space-y-0.5 text-sm text-indigo-900">
            {approvalNotices.slice(0, 5).map((n) => (
              <li key={n.id}>
                <a href={n.href} className="hover:underline">
                  {n.body}
                </a>{" "}
                <time dateTime={n.createdAt} className="text-xs text-indigo-800">
                  {formatTime(n.createdAt)}
                </time>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Card>
        <CardHeader
          title={canApprove ? `Waiting for you · ${theirs.length}` : `Proposed · ${theirs.length}`}
          description={canApprove ? "Proposed by colleagues, oldest first." : "Channel managers approve corrections; you can read them."}
        />
        <ApprovalQueue
          rows={theirs}
          canApprove={canApprove}
          action={decideCorrectionAction}
          empty={<EmptyState className="m-4" title="Nothing waits for your approval" description="When a colleague proposes a correction, it appears here and in the navigation." />}
        />
      </Card>

      {mine.length ? (
        <Card>
          <CardHeader title={`Yours, waiting for a colleague · ${mine.length}`} description="You may withdraw a correction you proposed; a colleague approves it." />
          <ApprovalQueue rows={mine} canApprove={canApprove} action={decideCorrectionAction} />
        </Card>
      ) : null}
    </div>
  );
}
