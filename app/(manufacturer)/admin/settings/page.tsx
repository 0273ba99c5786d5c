import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsForm } from "@/components/compliance/settings-form";
import { saveSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Deadline settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const viewer = await requirePageViewer("/admin/settings");
  if (viewer.role !== "admin") notFound();
  const s = await withViewerDb(viewer, (db) => getSettings(db));
  return (
    <div>
      <PageHeader
        title="Periods and deadlines"
        description="When a period's report is due and when partners are reminded. Periods that have ended keep the deadline they were published with; close and reopen periods on the compliance board."
      />
      <SettingsForm initial={{ dueDay: s.dueDay, timeZone: s.timeZone, graceDays: s.graceDays, reminderDaysBefore: s.reminderDaysBefore, refuseOtherSender: s.refuseOtherSender,
          gapUnitsThreshold: s.gapUnitsThreshold, gapPctThreshold: s.gapPctThreshold, outlierFactor: s.outlierFactor, outlierMinUnits: s.outlierMinUnits, version: s.version }} saveSettingsAction={saveSettingsAction} />
    </div>
  );
}
