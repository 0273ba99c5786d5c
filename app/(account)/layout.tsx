import { AppShell } from "@/components/shell/app-shell";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { isStaff } from "@/lib/auth/viewer";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { countToApprove } from "@/lib/dal/corrections/approval-queue";

/**
 * The signed-in user's own pages (/profile), for every role: the same shell as the role's own pages
 * (the portal's for a distributor, the staff's with its approval count for staff).
 */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer("/profile");
  const toApprove = isStaff(viewer) ? await withViewerDb(viewer, (db) => countToApprove(db, viewer)) : 0;
  return (
    <AppShell viewer={viewer} toApprove={toApprove}>
      {children}
    </AppShell>
  );
}
