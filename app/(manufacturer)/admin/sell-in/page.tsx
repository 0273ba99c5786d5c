import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { adminOverview } from "@/lib/dal/admin/admin-overview";
import { SELL_IN_HEADER } from "@/lib/validation/sell-in";
import { SELL_IN_MAX_BYTES } from "@/lib/validation/admin-csv";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getFormatter } from "@/lib/format/request-format";
import { SellInLoader } from "@/components/admin/sell-in-loader";
import { UtcTime } from "@/components/admin/utc-time";

export const metadata: Metadata = { title: "Load sell-in" };

export default async function SellInPage() {
  const viewer = await requirePageViewer("/admin/sell-in");
  const f = await getFormatter();
  if (viewer.role !== "admin" && viewer.role !== "channel_manager") notFound();
  const o = await withViewerDb(viewer, (db) => adminOverview(db, viewer));
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Load sell-in"
        description="Shipments from the ERP become sell-in in the ledger: what each distributor received, per SKU and month."
      >
        <span className="text-sm text-slate-600 tabular-nums">
          {f.int(o.sellInLines)} shipment lines loaded
          {o.lastSellInLoad ? (
            <>
              {" "}
              · last load <UtcTime iso={o.lastSellInLoad} />
            </>
          ) : null}
        </span>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <SellInLoader maxBytes={SELL_IN_MAX_BYTES} header={SELL_IN_HEADER.join(",")} />
        <Card className="self-start">
          <CardHeader title="How loading works" as="h2" />
          <CardBody className="space-y-3 text-sm text-slate-700">
            <p>
              <strong className="font-semibold text-slate-900">Loading is idempotent.</strong> Each shipment line is keyed by its{" "}
              <code className="font-mono text-xs">document</code> and <code className="font-mono text-xs">line</code>: re-loading the same file
              (or an overlapping export) loads nothing twice — those rows are counted as duplicates.
            </p>
            <p>
              Bad rows (unknown distributor or SKU, a date that is not <code className="font-mono text-xs">YYYY-MM-DD</code>, a quantity that is
              not a whole number of at least 1) are listed by line with the reason; the good rows still load.
            </p>
            <p>Files up to 50 MB. The same load is available to ERP jobs at <code className="font-mono text-xs">POST /api/v1/sell-in</code>.</p>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
