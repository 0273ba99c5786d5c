import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listAudit, listAuditActions } from "@/lib/dal/audit/list-audit";
import { listDistributorOptions } from "@/lib/dal/admin/list-distributors";
import { auditQuerySchema } from "@/lib/validation/admin-csv";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TR, HeadRow } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { StackedField, SubmitOrClear } from "@/components/ui/filter-form";
import { DistributorOptions, ValueOptions } from "@/components/ui/value-options";
import { JsonCompact } from "@/components/admin/json-compact";
import { UtcTime } from "@/components/admin/utc-time";

export const metadata: Metadata = { title: "Audit log" };

const FILTER_KEYS = ["action", "actor", "distributor", "from", "to"] as const;

function toneOf(action: string): BadgeTone {
  if (action.endsWith("_failed") || action.includes("revoke") || action.includes("deactivat")) return "red";
  if (action.startsWith("sign_")) return "neutral";
  if (action.includes("approve") || action.includes("freeze") || action.includes("close")) return "amber";
  return "blue";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/admin/audit");
  if (viewer.role !== "admin") notFound();
  const sp = await searchParams;
  const raw = Object.fromEntries(Object.entries(sp).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const [page, actions, distributors] = await withViewerDb(viewer, (db) =>
    Promise.all([listAudit(db, viewer, query), listAuditActions(db, viewer), listDistributorOptions(db, viewer)]),
  );

  const filters: Record<string, string> = {};
  for (const k of FILTER_KEYS) if (query[k]) filters[k] = String(query[k]);
  const filtered = Object.keys(filters).length > 0;
  const older = page.nextCursor ? `/admin/audit?${new URLSearchParams({ ...filters, before: String(page.nextCursor) })}` : null;
  const newest = query.before ? `/admin/audit?${new URLSearchParams(filters)}` : null;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Audit log"
        description="Who did what, newest first: sign-ins and failures, submissions, sell-in loads, corrections and approvals, period closes, freezes, user and token changes. Times are in your time zone."
      />
      <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xs" aria-label="Filter the audit log">
        <StackedField id="audit-action" label="Action" width="w-48">
          <Select id="audit-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">All actions</option>
            <ValueOptions values={[...new Set([...actions, ...(query.action ? [query.action] : [])])]} />
          </Select>
        </StackedField>
        <StackedField id="audit-actor" label="Actor e-mail contains" width="w-56">
          <Input id="audit-actor" name="actor" type="search" defaultValue={query.actor ?? ""} autoComplete="off" />
        </StackedField>
        <StackedField id="audit-distributor" label="Distributor" width="w-56">
          <Select id="audit-distributor" name="distributor" defaultValue={query.distributor ?? ""}>
            <option value="">All distributors</option>
            <DistributorOptions distributors={distributors} />
          </Select>
        </StackedField>
        <StackedField id="audit-from" label="From (UTC day)" width="w-40">
          <Input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </StackedField>
        <StackedField id="audit-to" label="To (UTC day, inclusive)" width="w-40">
          <Input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </StackedField>
        <SubmitOrClear label="Filter" clear={filtered ? { href: "/admin/audit", label: "Clear filters" } : null} />
      </form>
      {!parsed.success ? <p className="text-sm text-red-700">Some filters were not understood and were ignored.</p> : null}

      {page.rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No entries match these filters" : "The audit log is empty"}
          description={filtered ? "Widen the date range or clear a filter." : "Entries appear as people sign in and change data."}
        />
      ) : (
        <Table label="Audit log entries" stickyHeader>
          <HeadRow columns={["When", "Actor", "Action", "Distributor", "Subject", "Details", "IP"]} />
          <TBody>
            {page.rows.map((r) => (
              <TR key={r.id}>
                <TD className="text-xs">
                  <UtcTime iso={r.at} seconds />
                </TD>
                <TD className="text-xs">{r.actorEmail ?? <span className="text-slate-500">system</span>}</TD>
                <TD>
                  <Badge tone={toneOf(r.action)}>{r.action}</Badge>
                </TD>
                <TD className="font-mono text-xs">{r.distributorCode ?? <span className="text-slate-500">—</span>}</TD>
                <TD className="max-w-56 truncate text-xs" title={r.subject ?? undefined}>
                  {r.subject ?? <span className="text-slate-500">—</span>}
                </TD>
                <TD>
                  <JsonCompact value={r.data} />
                </TD>
                <TD className="font-mono text-xs whitespace-nowrap">{r.ip ?? <span className="text-slate-500">—</span>}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <nav aria-label="Audit log pages" className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600 tabular-nums">
          {page.rows.length} entries shown{query.before ? " (older page)" : ""}
        </p>
        <div className="flex gap-2">
          {newest ? (
            <Link href={newest} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              ← Newest
            </Link>
          ) : null}
          {older ? (
            <Link href={older} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
              Older →
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
