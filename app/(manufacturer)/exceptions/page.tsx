import type { Metadata } from "next";
import { getFormatter } from "@/lib/format/request-format";
import Link from "next/link";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listExceptions, type ExceptionList, type StaffExceptionRow } from "@/lib/dal/exceptions/list-exceptions";
import { EXCEPTION_WORKERS, listAssignableStaff } from "@/lib/dal/exceptions/shared";
import { listPeriods } from "@/lib/dal/periods/list-periods";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { exceptionQuerySchema } from "@/lib/validation/exceptions";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AutoOpenButton } from "@/components/exceptions/auto-open-button";
import { ExceptionFilters } from "@/components/exceptions/exception-filters";
import { ExceptionTable } from "@/components/exceptions/exception-table";
import { OpenExceptionForm } from "@/components/exceptions/open-exception-form";
import { bulkUpdateAction, openAutomaticAction, openExceptionAction } from "./actions";

export const metadata: Metadata = { title: "Exceptions" };

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/exceptions");
  const f = await getFormatter();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const filters = { status: raw.status ?? "active", owner: raw.owner, period: raw.period, distributor: raw.distributor, sku: raw.sku, corrections: raw.corrections };
  const parsed = exceptionQuerySchema.safeParse(filters);
  const query = parsed.success ? parsed.data : exceptionQuerySchema.parse({ status: "active" });
  const [list, staff, periods, settings] = await withViewerDb(viewer, (db) =>
    Promise.all([
      listExceptions(db, viewer, query) as Promise<ExceptionList<StaffExceptionRow>>,
      listAssignableStaff(db),
      listPeriods(db, viewer),
      getSettings(db),
    ]),
  );
  const ended = periods.filter((p) => p.state !== "future").map((p) => p.period);
  const autoPeriod = query.period ?? ended[0] ?? "";
  const canWork = viewer.role === "admin" || (EXCEPTION_WORKERS as readonly string[]).includes(viewer.role);

  return (
    <div className="space-y-4">
      <PageHeader
        title="Exceptions"
        description={`Gaps being worked to a cause. Rows of a period with |gap| ≥ ${settings.gapUnitsThreshold} units or |gap %| ≥ ${settings.gapPctThreshold} get an exception automatically when the submission, correction or sell-in load that puts them there is stored, and it is resolved when a later one brings the row back.`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/exceptions/approvals" className="text-sm font-medium text-indigo-700 hover:underline">
              Corrections to approve
            </Link>
            {canWork ? <AutoOpenButton action={openAutomaticAction} period={autoPeriod} /> : null}
          </div>
        }
      />

      <ExceptionFilters values={filters} staff={staff} periods={ended.slice(0, 24)} />
      {!parsed.success ? <p className="text-sm text-red-700">Some filters were not understood and were ignored.</p> : null}

      {list.rows.length ? (
        <ExceptionTable rows={list.rows} staff={staff} bulkAction={bulkUpdateAction} canWork={canWork} />
      ) : (
        <EmptyState title="No exceptions match these filters" description="Change the filters, or open one by hand below." />
      )}
      <p className="text-xs text-slate-600">
        {f.int(list.rows.length)} shown{list.rows.length >= query.limit ? ` (the first ${f.int(query.limit)})` : ""}.
      </p>

      {canWork ? (
        <Card>
          <CardHeader title="Open an exception by hand" description="On one distributor × SKU × period. A row has one exception: if it already has one, you are taken there." />
          <CardBody>
            <OpenExceptionForm action={openExceptionAction} staff={staff} defaults={{ period: autoPeriod, distributor: raw.distributor, sku: raw.sku }} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
