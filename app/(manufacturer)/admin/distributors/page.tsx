import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listDistributors } from "@/lib/dal/admin/list-distributors";
import { CATALOGUE_CSV_MAX_BYTES, DISTRIBUTOR_CSV_HEADER } from "@/lib/validation/admin-csv";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TR, HeadRow, numeric } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Num } from "@/components/ui/num";
import { DistributorForm } from "@/components/admin/distributor-form";
import { CatalogueImport } from "@/components/admin/catalogue-import";
import { CreateOrImport } from "@/components/admin/create-or-import";
import { UtcTime } from "@/components/admin/utc-time";
import { createDistributorAction } from "./actions";

export const metadata: Metadata = { title: "Distributors" };

export default async function DistributorsPage() {
  const viewer = await requirePageViewer("/admin/distributors");
  if (viewer.role !== "admin") notFound();
  const rows = await withViewerDb(viewer, (db) => listDistributors(db, viewer));
  return (
    <div className="space-y-6">
      <PageHeader title="Distributors" description="The partners who report POS and inventory. Codes are what ERP files and the API use." />
      <CreateOrImport
        createTitle="New distributor"
        form={<DistributorForm action={createDistributorAction} />}
        importDescription="Header code,name,region,edi_isa_id,edi_gs_id,duns,gln (all but code and name optional; edi_isa_id is qualifier:ID such as ZZ:NORTHWIND). New codes are created; known codes get their name, region and EDI identities updated (a blank cell keeps the stored value); identical rows are left as they are."
        importer={<CatalogueImport endpoint="/admin/distributors/import" maxBytes={CATALOGUE_CSV_MAX_BYTES} header={DISTRIBUTOR_CSV_HEADER.join(",")} noun="distributors" />}
      />
      <section aria-labelledby="distributors-heading" className="space-y-2">
        <h2 id="distributors-heading" className="text-sm font-semibold text-slate-900">
          All distributors <span className="font-normal text-slate-600 tabular-nums">({rows.length})</span>
        </h2>
        {rows.length === 0 ? (
          <EmptyState title="No distributors yet" description="Create the first one above, or import a CSV of codes and names." />
        ) : (
          <Table label="Distributors" stickyHeader>
            <HeadRow columns={["Code", "Name", "Region", "EDI identities", numeric("Active users"), "Status", "Created"]} />
            <TBody>
              {rows.map((d) => (
                <TR key={d.code}>
                  <TD className="font-mono text-xs font-medium">{d.code}</TD>
                  <TD>{d.name}</TD>
                  <TD>{d.region ?? <span className="text-slate-500">—</span>}</TD>
                  <TD className="font-mono text-xs">
                    {[d.ediIsaId && `ISA ${d.ediIsaId}`, d.ediGsId && `GS ${d.ediGsId}`, d.duns && `DUNS ${d.duns}`, d.gln && `GLN ${d.gln}`].filter(Boolean).join(" · ") || (
                      <span className="text-slate-500">—</span>
                    )}
                  </TD>
                  <TD numeric>
                    <Num value={d.activeUsers} />
                  </TD>
                  <TD>{d.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}</TD>
                  <TD>
                    <UtcTime iso={d.createdAt} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
