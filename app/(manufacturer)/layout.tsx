import { notFound } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { isStaff } from "@/lib/auth/viewer";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { countToApprove } from "@/lib/dal/corrections/approval-queue";

/** Manufacturer staff only; a distributor never learns these pages exist. */
export default async function ManufacturerLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  if (!isStaff(viewer)) notFound();
  const toApprove = await withViewerDb(viewer, (db) => countToApprove(db, viewer));
  return (
    <AppShell viewer={viewer} toApprove={toApprove}>
      {children}
    </AppShell>
  );
}
