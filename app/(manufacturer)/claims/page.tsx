import type { Metadata } from "next";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listAuthorizations } from "@/lib/dal/claims/authorizations";
import { listClaims } from "@/lib/dal/claims/read-claims";
import { listPeriods } from "@/lib/dal/periods/list-periods";
import { getFormatter } from "@/lib/format/request-format";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ClaimsSubnav } from "@/components/claims/claims-subnav";
import { ClaimFilters } from "@/components/claims/claim-filters";
import { ClaimQueueTable } from "@/components/claims/claim-queue-table";
import { claimCurrencies, currencyOfDistributor } from "@/components/claims/currency-of";

export const metadata: Metadata = { title: "Claims" };

const CODE = /^[A-Za-z0-9_-]{1,12}$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const LIMIT = 500;

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/claims");
  const f = await getFormatter();
  const sp = await searchParams;
  const str = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const filters = {
    distributor: CODE.test(str("distributor")) ? str("distributor").toUpperCase() : null,
    period: PERIOD.test(str("period")) ? str("period") : null,
    awaiting: str("status") === "awaiting",
  };
  const [claims, auths, periods] = await withViewerDb(viewer, (db) =>
    Promise.all([
      listClaims(db, viewer, { distributorCode: filters.distributor, period: filters.period, awaiting: filters.awaiting, limit: LIMIT }),
      listAuthorizations(db, viewer),
      listPeriods(db, viewer),
    ]),
  );
  const currencies = claimCurrencies(auths);
  const rows = claims.map((c) => ({ ...c, currency: currencyOfDistributor(currencies, c.distributor.code) }));
  const names = new Map<string, string>(auths.map((a) => [a.distributor, ""]));
  for (const c of claims) names.set(c.distributor.code, c.distributor.name);
  if (filters.distributor && !names.has(filters.distributor)) names.set(filters.distributor, "");
  const distributors = [...names.entries()].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
  const awaiting = rows.filter((r) => r.status === "awaiting_approval").length;

  return (
    <div className="space-y-4">
      <ClaimsSubnav />
      <PageHeader
        title="Claims"
        description="Ship & debit claims as the distributors sent them, each line judged by the three-way match: a valid authorisation, a reported POS sale that supports it, and no earlier claim of the same line. Open a claim to read the reasons and override a line."
      />
      <ClaimFilters values={filters} distributors={distributors} periods={periods.slice(0, 24).map((p) => ({ value: p.period, label: f.period(p.period) }))} />
      {rows.length ? (
        <>
          <ClaimQueueTable rows={rows} />
          <p className="text-xs text-slate-600">
            {f.int(rows.length)} claim{rows.length === 1 ? "" : "s"} shown{rows.length >= LIMIT ? ` (the first ${f.int(LIMIT)}: narrow the filters)` : ""}
            {awaiting ? ` · ${f.int(awaiting)} with an override awaiting a second approver` : ""}.
          </p>
        </>
      ) : (
        <EmptyState
          title={filters.distributor || filters.period || filters.awaiting ? "No claim matches these filters" : "No claim yet"}
          description={filters.awaiting ? "No override waits for a second approver." : "Distributors send claims from their portal, as a file (X12 844, CSV, XLSX) or through the API."}
        />
      )}
    </div>
  );
}
