import type { Metadata } from "next";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listAssignableStaff } from "@/lib/dal/exceptions/shared";
import { currentLedgerPeriod } from "@/lib/dal/ledger/current-period";
import { requireStaff } from "@/lib/dal/authorize";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { OpenExceptionForm } from "@/components/exceptions/open-exception-form";
import { openExceptionAction } from "../actions";

export const metadata: Metadata = { title: "Open an exception" };

/** `/exceptions/new?distributor=NWC&sku=MCU-1000&period=2026-10`: a link target for the gap view. */
export default async function NewExceptionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/exceptions/new");
  requireStaff(viewer);
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const [staff, period] = await withViewerDb(viewer, (db) => Promise.all([listAssignableStaff(db), currentLedgerPeriod(db)]));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <BackLink href="/exceptions" label="Exceptions" />
      <PageHeader title="Open an exception" description="On one distributor × SKU × period. If that row already has an exception, you are taken to it." />
      <Card>
        <CardHeader title="Row" />
        <CardBody>
          <OpenExceptionForm action={openExceptionAction} staff={staff} defaults={{ distributor: one("distributor"), sku: one("sku"), period: one("period") ?? period }} />
        </CardBody>
      </Card>
    </div>
  );
}
