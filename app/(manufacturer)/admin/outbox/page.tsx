import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listOutbox } from "@/lib/dal/reminders/list-outbox";
import { smtpConfigured } from "@/lib/mail/send-outbox";
import { MAX_ATTEMPTS } from "@/lib/dal/reminders/outbox-rows";
import { env } from "@/lib/config/env";
import type { OutboxRow } from "@/lib/dal/reminders/list-outbox";
import { UtcTime } from "@/components/admin/utc-time";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TR, HeadRow } from "@/components/ui/table";
import { RunJobsButton } from "@/components/compliance/run-jobs-button";
import { runJobsAction } from "./actions";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

const KIND: Record<string, string> = {
  before: "Reminder before the due date",
  due_day: "Reminder on the due day",
  overdue: "Overdue reminder",
  manual: "Manual reminder (compliance board)",
};
/** A kind this page has no words for yet ("password_reset") still reads as words: "Password reset". */
const kindLabel = (kind: string) => KIND[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll("_", " ");

/** Where a message stands, in an admin's words: sent, waiting, failed and tried again, or given up. */
function Status({ r, smtp, everyMinutes }: { r: OutboxRow; smtp: boolean; everyMinutes: number }) {
  const nextRun = everyMinutes > 0 ? `with the next run of the reminder job (every ${everyMinutes} minutes) or when you press “Run reminder job now”` : "when you press “Run reminder job now”";
  if (r.sentAt) {
    return (
      <span className="space-y-0.5">
        <Badge tone="green">Sent</Badge>
        <span className="block text-slate-600"><UtcTime iso={r.sentAt} /></span>
      </span>
    );
  }
  if (r.lastError) {
    const gaveUp = r.attempts >= MAX_ATTEMPTS;
    return (
      <span className="space-y-0.5">
        <Badge tone="red">{gaveUp ? "Failed — no more tries" : "Failed"}</Badge>
        <span className="block text-red-700">Reason: {r.lastError}</span>
        <span className="block text-slate-600">
          Tried {r.attempts} {r.attempts === 1 ? "time" : "times"}. {gaveUp ? `Sellthru stops after ${MAX_ATTEMPTS} tries; check the address, then remind the partner again.` : `Next try: ${nextRun}.`}
        </span>
      </span>
    );
  }
  if (!smtp) {
    return (
      <span className="space-y-0.5">
        <Badge tone="neutral">Not sent — no SMTP configured</Badge>
        <span className="block text-slate-600">Kept here until a mail server is set up.</span>
      </span>
    );
  }
  return (
    <span className="space-y-0.5">
      <Badge tone="amber">Queued</Badge>
      <span className="block text-slate-600">Goes out {nextRun}.</span>
    </span>
  );
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ distributor?: string }> }) {
  const viewer = await requirePageViewer("/admin/outbox");
  if (viewer.role !== "admin") notFound();
  const { distributor } = await searchParams;
  const rows = await withViewerDb(viewer, (db) => listOutbox(db, viewer, { distributor: typeof distributor === "string" && distributor ? distributor : undefined }));
  const smtp = smtpConfigured();
  const everyMinutes = env().SELLTHRU_JOBS_EVERY_MINUTES;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Outbox"
        description="Every e-mail Sellthru sends passes through here, newest first: reminders to partners before and after their report is due, and the reminders channel managers send from the compliance board."
      />
      <div className="max-w-3xl space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="outbox-explainer">
        <p>
          <strong className="font-semibold text-slate-900">How it works.</strong> A message is first <em>queued</em> here, then the reminder job sends it
          {everyMinutes > 0 ? ` — it runs by itself every ${everyMinutes} minutes` : ""}, and the button below runs it at once. A message that could not be
          sent shows the reason and is tried again, up to {MAX_ATTEMPTS} times. The job never queues the same reminder twice, however often it runs.
        </p>
        <p>
          {smtp
            ? "A mail server is set up: queued messages go out with the next run."
            : "No mail server (SMTP) is set up for this installation, so messages are kept here and not sent. Whoever runs Sellthru can set one up; nothing is lost meanwhile."}
        </p>
      </div>
      <RunJobsButton runJobsAction={runJobsAction} />
      <form method="get" className="flex items-end gap-2 text-xs font-medium text-slate-600">
        <label>
          Distributor
          <input name="distributor" defaultValue={distributor ?? ""} className="mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1 text-sm" placeholder="e.g. MPD" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm">Filter</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No e-mails yet" description="Reminders appear here when the reminder job queues them or a channel manager reminds a partner from the compliance board." />
      ) : (
        <Table label="Outbox messages" stickyHeader>
          <HeadRow columns={["Queued", "Distributor", "What", "Period", "To", "Subject", "Status"]} />
          <TBody>
            {rows.map((r) => (
              <TR key={r.id} data-distributor={r.distributor ?? ""} data-kind={r.kind}>
                <TD className="text-xs whitespace-nowrap"><UtcTime iso={r.createdAt} /></TD>
                <TD>{r.distributor ?? "—"}</TD>
                <TD>{kindLabel(r.kind)}</TD>
                <TD>{r.period ?? "—"}</TD>
                <TD className="max-w-64 text-xs break-words">{r.to}</TD>
                <TD className="text-sm">
                  {/* The message as written for its recipient (English), not formatted for the reader. */}
                  <Link href={`/admin/outbox/${r.id}`} lang="en" data-mail-content className="text-indigo-700 hover:text-indigo-900 hover:underline">
                    {r.subject}
                  </Link>
                </TD>
                <TD className="text-xs">
                  <Status r={r} smtp={smtp} everyMinutes={everyMinutes} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
