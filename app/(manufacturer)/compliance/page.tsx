import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { withViewerReadDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listCompliance } from "@/lib/dal/compliance/list-compliance";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";
import { ComplianceBoard } from "@/components/compliance/compliance-board";
import { PeriodControls } from "@/components/compliance/period-controls";
import { closePeriodAction, remindAction, reopenPeriodAction } from "./actions";
import { getFormatter } from "@/lib/format/request-format";

export const metadata: Metadata = { title: "Compliance" };
export const dynamic = "force-dynamic";

export default async function CompliancePage() {
  const viewer = await requirePageViewer("/compliance");
  const board = await withViewerReadDb(viewer, (db) => listCompliance(db, viewer, {}));
  const canAct = viewer.role === "channel_manager" || viewer.role === "admin";
  const f = await getFormatter();
  return (
    <div>
      <PageHeader
        title="Reporting compliance"
        description={`Who reported, on time or late, for ${f.period(board.from)} – ${f.period(board.to)}. Status is judged on each period's first submission; incomplete means SKUs with stock or sell-in were left out.`}
        actions={
          <a className={buttonClasses({ variant: "secondary" })} href={`/api/v1/compliance?from=${board.from}&to=${board.to}&format=csv`} download>
            Export CSV
          </a>
        }
      />
      <ComplianceBoard board={board} canRemind={canAct} requestId={randomUUID()} remindAction={remindAction} />
      <PeriodControls periods={board.periods} canClose={canAct} timeZone={board.timeZone} closePeriodAction={closePeriodAction} reopenPeriodAction={reopenPeriodAction} />
    </div>
  );
}
