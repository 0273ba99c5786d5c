import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listOutbox } from "@/lib/dal/reminders/list-outbox";
import { smtpConfigured } from "@/lib/mail/send-outbox";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, THead, TBody, TR, TH, TD } from "@/components/ui/table";
import { RunJobsButton } from "@/components/compliance/run-jobs-button";
import { runJobsAction } from "./actions";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

const KIND: Record<string, string> = { before: "Before due", due_day: "Due day", overdue: "Overdue", manual: "Manual" };
const fmt = (iso: string) => iso.replace("T", " ").slice(0, 19) + " UTC";

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ distributor?: string }> }) {
  const viewer = await requirePageViewer("/admin/outbox");
  if (viewer.role !== "admin") notFound();
  const { distributor } = await searchParams;
  const rows = await withViewerDb(viewer, (db) => listOutbox(db, viewer, { distributor: typeof distributor === "string" && distributor ? distributor : undefined }));
  const smtp = smtpConfigured();
  return (
    <div className="space-y-4">
      <PageHeader
        title="Outbox"
        description={`Every e-mail Sellthru queues (reminders), newest first. ${smtp ? "SMTP is configured: the job sends unsent messages." : "No SMTP is configured (SMTP_URL): messages stay here, unsent."} The job runs with \`npm run jobs\` (Postgres) or the button below; a reminder is queued once, however often it runs.`}
      />
      <RunJobsButton runJobsAction={runJobsAction} />
      <form method="get" className="flex items-end gap-2 text-xs font-medium text-slate-600">
        <label>
          Distributor
          <input name="distributor" defaultValue={distributor ?? ""} className="mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1 text-sm" placeholder="e.g. MPD" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm">Filter</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="The outbox is empty" description="Reminders appear here when the job queues them or a channel manager reminds a partner from the compliance board." />
      ) : (
        <Table label="Outbox messages" stickyHeader>
          <THead>
            <tr>
              <TH>Created</TH>
              <TH>Distributor</TH>
              <TH>Kind</TH>
              <TH>Period</TH>
              <TH>To</TH>
              <TH>Subject</TH>
              <TH>Sent</TH>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id} data-distributor={r.distributor ?? ""} data-kind={r.kind}>
                <TD className="text-xs whitespace-nowrap">{fmt(r.createdAt)}</TD>
                <TD>{r.distributor ?? "—"}</TD>
                <TD>{KIND[r.kind] ?? r.kind}</TD>
                <TD>{r.period ?? "—"}</TD>
                <TD className="max-w-64 text-xs break-words">{r.to}</TD>
                <TD className="text-sm">{r.subject}</TD>
                <TD className="text-xs">
                  {r.sentAt ? (
                    <Badge tone="green">Sent {fmt(r.sentAt)}</Badge>
                  ) : r.lastError ? (
                    <span className="text-red-700">Not sent — {r.attempts} attempt{r.attempts === 1 ? "" : "s"}: {r.lastError}</span>
                  ) : smtp ? (
                    <Badge tone="amber">Queued</Badge>
                  ) : (
                    <Badge tone="neutral">Not sent — no SMTP configured</Badge>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
