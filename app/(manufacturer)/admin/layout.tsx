import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { AdminSubnav, type AdminSection } from "@/components/admin/admin-subnav";

const ADMIN_SECTIONS: AdminSection[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/sell-in", label: "Sell-in" },
  { href: "/admin/distributors", label: "Distributors" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/settings", label: "Settings" },
];

const MANAGER_SECTIONS: AdminSection[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/sell-in", label: "Sell-in" },
];

/**
 * Data admin. Admins see every screen; a channel manager may load sell-in (as the API allows) and
 * nothing else. This is navigation only: every page, action and DAL call checks the role again.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer("/admin");
  if (viewer.role !== "admin" && viewer.role !== "channel_manager") notFound();
  return (
    <>
      <AdminSubnav sections={viewer.role === "admin" ? ADMIN_SECTIONS : MANAGER_SECTIONS} />
      {children}
    </>
  );
}
