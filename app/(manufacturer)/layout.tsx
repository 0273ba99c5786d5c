import { notFound } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { isStaff } from "@/lib/auth/viewer";

/** Manufacturer staff only; a distributor never learns these pages exist. */
export default async function ManufacturerLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  if (!isStaff(viewer)) notFound();
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
