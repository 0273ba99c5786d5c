import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { AppError } from "@/lib/errors";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getEligibility } from "@/lib/dal/rebates/get-eligibility";
import { centsToDecimal, decimalToScaled } from "@/lib/domain/rebates";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { buttonClasses } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { Card } from "@/components/ui/card";
import { EligibilityTable } from "@/components/rebates/eligibility-table";
import { freezeAction } from "../actions";

export const metadata: Metadata = { title: "Rebate eligibility" };
export const dynamic = "force-dynamic";

export default async function ProgramPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const viewer = await requirePageViewer(`/rebates/${programId}`);
  const e = await withViewerDb(viewer, (db) => getEligibility(db, viewer, programId)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const p = e.program;
  const canEdit = viewer.role === "rebate_analyst" || viewer.role === "admin";
  const total = centsToDecimal(e.rows.reduce((a, r) => a + decimalToScaled(r.amount, 2), 0n));
  const f = await getFormatter();
  const pct = (text: string) => f.pct(Number(text), { maxDigits: 2 });
  return (
    <div>
      <BackLink href="/rebates" label="Rebates" className="mb-2 text-sm" />
      <PageHeader
        title={p.name}
        description={`Periods ${f.period(p.fromPeriod)} – ${f.period(p.toPeriod)}. Every period on time (${p.rules.graceDays} grace day${p.rules.graceDays === 1 ? "" : "s"}, ${p.rules.lateAllowed} late period${p.rules.lateAllowed === 1 ? "" : "s"} allowed), completeness at least ${pct(p.rules.minCompletenessPct)}, error |Σ gap| / Σ calculated at most ${pct(p.rules.maxAccuracyPct)}${p.rules.minQualityScore != null ? `, quality score at least ${p.rules.minQualityScore} in every reported period` : ""}; rebate ${pct(p.rules.ratePct)} of sell-through value at list price, in ${p.currency}.`}
        actions={
          <>
            <a className={buttonClasses({ variant: "secondary" })} href={`/api/v1/rebates/${p.id}/eligibility?format=csv`} download>Export CSV</a>
            {canEdit ? <Link className={buttonClasses({ variant: "secondary" })} href={`/rebates/${p.id}/edit`}>Edit programme</Link> : null}
          </>
        }
      >
        {e.complete ? <Badge>Ended: results final</Badge> : <Badge tone="blue">Running: results provisional</Badge>}
      </PageHeader>
      <Card className="mb-6 grid grid-cols-2 gap-4 p-4 sm:grid-cols-4">
        <Stat label="Distributors" value={e.rows.length} />
        <Stat label="Eligible" value={e.rows.filter((r) => r.eligible).length} />
        <Stat label="Rebate total" value={<span data-testid="rebate-total">{f.money(total, p.currency)}</span>} />
        <Stat label="Frozen for payout" value={`${e.rows.filter((r) => r.frozen).length} of ${e.rows.length}`} hint={e.rows.some((r) => r.changedSinceFrozen) ? "some changed since frozen" : undefined} />
      </Card>
      <EligibilityTable
        programId={p.id}
        currency={p.currency}
        complete={e.complete}
        canFreeze={canEdit}
        freezeAction={freezeAction}
        rows={e.rows.map((r) => ({
          distributor: r.distributor, distributorName: r.distributorName, eligible: r.eligible, amount: r.amount, potentialAmount: r.potentialAmount,
          reasons: r.reasons, rules: r.rules.map(({ rule, pass, detail }) => ({ rule, pass, detail })), frozen: r.frozen, frozenAt: r.frozenAt,
          frozenBy: r.frozenBy, changedSinceFrozen: r.changedSinceFrozen, current: r.current, complete: r.complete,
        }))}
      />
    </div>
  );
}
