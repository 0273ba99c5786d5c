import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import type { HistoryRow } from "@/lib/dal/submissions/list-submission-history";
import type { ComplianceStatus } from "@/lib/domain/compliance";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { buttonClasses } from "@/components/ui/button";
import { HistoryTable } from "@/components/history/history-table";
import { Pager } from "@/components/admin/pager";
import { firstParam, loadHistory } from "../_lib/load";

export const metadata: Metadata = { title: "History" };

/** Periods per page: a year at a glance; older years on the next pages (?page=2 …). */
const HISTORY_PAGE_SIZE = 12;

function countBy(rows: HistoryRow[]): Record<ComplianceStatus, number> {
  const out: Record<ComplianceStatus, number> = { pending: 0, on_time: 0, late: 0, missing: 0, incomplete: 0 };
  for (const r of rows) out[r.status] += 1;
  return out;
}

/** Every reporting period of this distributor, newest first. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/history");
  const rows = await loadHistory();
  const counts = countBy(rows);
  const submitted = rows.filter((r) => r.revisions > 0).length;
  const pages = Math.max(1, Math.ceil(rows.length / HISTORY_PAGE_SIZE));
  const asked = Number(firstParam((await searchParams).page) ?? "1");
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  const shown = rows.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE);
  const href = (p: number) => (p === 1 ? "/history" : `/history?page=${p}`);

  return (
    <div className="space-y-6">
      <PageHeader
        title="History"
        description={`Every reporting period of ${viewer.distributorName ?? "your company"}, newest first: its status, every revision, who submitted it and when.`}
        actions={
          <Link href="/submit" className={buttonClasses({ variant: "secondary" })}>
            Go to this month’s report
          </Link>
        }
      />

      {rows.length === 0 ? (
        <EmptyState
          title="No reporting periods yet"
          description="Periods appear here once your first month of sales and stock has been recorded."
          action={
            <Link href="/submit" className={buttonClasses()}>
              Report a period
            </Link>
          }
        />
      ) : (
        <>
          <Card className="grid grid-cols-2 gap-4 px-4 py-4 sm:grid-cols-5">
            <Stat label="Periods" value={rows.length} hint={`${submitted} submitted`} />
            <Stat label="On time" value={counts.on_time} />
            <Stat label="Late" value={counts.late} />
            <Stat label="Missing or incomplete" value={counts.missing + counts.incomplete} />
            <Stat label="Pending" value={counts.pending} />
          </Card>
          <HistoryTable rows={shown} />
          {pages > 1 ? (
            <Pager
              label="History pages"
              summary={`Page ${page} of ${pages} · ${shown.length} of ${rows.length} periods, newest first`}
              prevHref={page > 1 ? href(page - 1) : null}
              nextHref={page < pages ? href(page + 1) : null}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
