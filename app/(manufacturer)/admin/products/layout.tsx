import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/current-viewer";

/**
 * Admins only. Checked here, above this screen's loading boundary, so anyone else gets a real 404
 * before anything streams; the page, its actions and the DAL check again.
 */
export default async function AdminOnlyLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer("/admin/products");
  if (viewer.role !== "admin") notFound();
  return children;
}
