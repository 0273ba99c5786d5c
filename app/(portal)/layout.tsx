import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { landingPath, requirePageViewer } from "@/lib/auth/current-viewer";

/** The distributor portal; staff are sent to their own landing. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  if (viewer.role !== "distributor") redirect(landingPath(viewer));
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
