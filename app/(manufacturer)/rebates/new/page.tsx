import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { PageHeader } from "@/components/ui/page-header";
import { ProgramForm } from "@/components/rebates/program-form";
import { saveProgramAction } from "../actions";

export const metadata: Metadata = { title: "New rebate programme" };

export default async function NewProgramPage() {
  const viewer = await requirePageViewer("/rebates/new");
  if (viewer.role !== "rebate_analyst" && viewer.role !== "admin") notFound();
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3) * 3 + 1;
  const p = (m: number) => `${now.getUTCFullYear()}-${String(m).padStart(2, "0")}`;
  return (
    <div>
      <PageHeader title="New rebate programme" description="The periods it covers and the rules a distributor must meet to earn the reporting rebate." />
      <ProgramForm
        saveProgramAction={saveProgramAction}
        id={null}
        defaults={{ name: `Reporting rebate Q${(q + 2) / 3} ${now.getUTCFullYear()}`, fromPeriod: p(q), toPeriod: p(q + 2), graceDays: 0, lateAllowed: 0, minCompletenessPct: 95, maxAccuracyPct: 2, ratePct: 1 }}
      />
    </div>
  );
}
