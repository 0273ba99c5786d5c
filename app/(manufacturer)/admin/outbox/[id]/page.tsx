import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { getOutboxMessage } from "@/lib/dal/accounts/outbox-message";
import { AppError } from "@/lib/errors";
import { UtcTime } from "@/components/admin/utc-time";
import { RevealResetLink } from "@/components/accounts/reveal-reset-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { revealResetLinkAction } from "./actions";

export const metadata: Metadata = { title: "Outbox message" };
export const dynamic = "force-dynamic";

/** One e-mail of the outbox as it will be (or was) sent: an admin can read it and pass it on when no mail server is set up. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("/admin/outbox");
  if (viewer.role !== "admin") notFound();
  const { id } = await params;
  const message = await withViewerDb(viewer, (db) => getOutboxMessage(db, viewer, id)).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title={message.subject}
        description={
          <>
            To {message.to} · queued <UtcTime iso={message.createdAt} /> ·{" "}
            {message.sentAt ? (
              <>
                sent <UtcTime iso={message.sentAt} />
              </>
            ) : message.lastError ? (
              `not sent yet (${message.attempts} failed ${message.attempts === 1 ? "try" : "tries"}: ${message.lastError})`
            ) : (
              "not sent yet"
            )}
          </>
        }
        actions={
          <Link href="/admin/outbox" className="text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
            Back to the outbox
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <CardHeader title="Message" />
        <CardBody className="space-y-4">
          <pre data-testid="outbox-body" className="font-sans text-sm whitespace-pre-wrap text-slate-800">
            {message.body}
          </pre>
          {message.linkHidden ? <RevealResetLink id={message.id} action={revealResetLinkAction} /> : null}
        </CardBody>
      </Card>
    </div>
  );
}
