import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Submit" };

/** The distributor's single screen (the grid arrives with the submission feature). */
export default async function SubmitPage() {
  const viewer = await requirePageViewer("/submit");
  return <PageHeader title="Monthly report" description={`${viewer.distributorName} (${viewer.distributorCode})`} />;
}
