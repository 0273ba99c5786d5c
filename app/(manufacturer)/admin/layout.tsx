import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { AdminSubnav } from "@/components/admin/admin-subnav";
import { adminPagesFor } from "@/components/shell/nav-items";

/**
 * Data admin. Admins see every screen; a channel manager may load sell-in (as the API allows) and
 * nothing else. This is navigation only: every page, action and DAL call checks the role again.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer("/admin");
  const sections = adminPagesFor(viewer.role).map(({ href, label }) => ({ href, label }));
  if (sections.length === 0) notFound();
  return (
    <>
      <AdminSubnav sections={sections} />
      {children}
    </>
  );
}
