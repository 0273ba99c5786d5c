import type { Metadata } from "next";
import Link from "next/link";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listPrograms } from "@/lib/dal/rebates/programs";
import { computeEligibility } from "@/lib/dal/rebates/get-eligibility";
import { decimalToScaled, centsToDecimal, rulesSummary } from "@/lib/domain/rebates";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TR, HeadRow, numeric } from "@/components/ui/table";

export const metadata: Metadata = { title: "Rebates" };
export const dynamic = "force-dynamic";

export default async function RebatesPage() {
  const viewer = await requirePageViewer("/rebates");
  const canEdit = viewer.role === "rebate_analyst" || viewer.role === "admin";
  const now = new Date();
  const { programs, summaries } = await withViewerDb(viewer, async (db) => {
    const programs = await listPrograms(db, viewer);
    const summaries = await Promise.all(
      programs.map(async (p) => {
        const e = await computeEligibility(db, p, now);
        const total = e.rows.reduce((a, r) => a + decimalToScaled(r.amount, 2), 0n);
        return { p, complete: e.complete, eligible: e.rows.filter((r) => r.eligible).length, count: e.rows.length, frozen: e.rows.filter((r) => r.frozen).length, changed: e.rows.filter((r) => r.changedSinceFrozen).length, total: centsToDecimal(total) };
      }),
    );
    return { programs, summaries };
  });
  const f = await getFormatter();
  return (
    <div>
      <PageHeader
        title="Reporting rebates"
        description="Which distributors earned the reporting incentive, why or why not, and how much. Rules: every period on time, complete, and accurate after approved corrections; rebate = rate × sell-through value at list price."
        actions={canEdit ? <Link className={buttonClasses()} href="/rebates/new">New programme</Link> : null}
      />
      {programs.length === 0 ? (
        <EmptyState title="No rebate programme yet" description="Create one for a quarter to see who qualifies." />
      ) : (
        <Table label="Rebate programmes">
          <HeadRow columns={["Programme", "Periods", "Rules", numeric("Eligible"), numeric("Amount"), "State"]} />
          <TBody>
            {summaries.map(({ p, complete, eligible, count, frozen, changed, total }) => (
              <TR key={p.id}>
                <TD><Link className="font-medium text-indigo-700 hover:underline" href={`/rebates/${p.id}`}>{p.name}</Link></TD>
                <TD className="whitespace-nowrap">{f.period(p.fromPeriod)} – {f.period(p.toPeriod)}</TD>
                <TD className="text-xs text-slate-700">
                  {rulesSummary(p.rules, f)}
                </TD>
                <TD numeric>{eligible} of {count}</TD>
                <TD numeric>{f.money(total, p.currency)}</TD>
                <TD className="space-x-1 whitespace-nowrap">
                  {complete ? <Badge tone="neutral">Ended</Badge> : <Badge tone="blue">Running</Badge>}
                  {frozen ? <Badge tone="green">{frozen} frozen</Badge> : null}
                  {changed ? <Badge tone="amber">{changed} changed since frozen</Badge> : null}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
