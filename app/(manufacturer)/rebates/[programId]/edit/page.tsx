import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { AppError } from "@/lib/errors";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getProgram } from "@/lib/dal/rebates/programs";
import { PageHeader } from "@/components/ui/page-header";
import { ProgramForm } from "@/components/rebates/program-form";
import { saveProgramAction } from "../../actions";

export const metadata: Metadata = { title: "Edit rebate programme" };

export default async function EditProgramPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const viewer = await requirePageViewer(`/rebates/${programId}/edit`);
  if (viewer.role !== "rebate_analyst" && viewer.role !== "admin") notFound();
  const p = await withViewerDb(viewer, (db) => getProgram(db, viewer, programId)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div>
      <PageHeader title={`Edit ${p.name}`} description="Frozen results keep what was frozen; rows whose rules changed are flagged “changed since frozen”." />
      <ProgramForm
        saveProgramAction={saveProgramAction}
        id={p.id}
        version={p.version}
        defaults={{
          name: p.name, fromPeriod: p.fromPeriod, toPeriod: p.toPeriod, graceDays: p.rules.graceDays, lateAllowed: p.rules.lateAllowed,
          minCompletenessPct: Number(p.rules.minCompletenessPct), maxAccuracyPct: Number(p.rules.maxAccuracyPct), ratePct: Number(p.rules.ratePct),
          minQualityScore: p.rules.minQualityScore ?? "", currency: p.currency,
        }}
      />
    </div>
  );
}
