import type { Metadata } from "next";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listAuthorizations } from "@/lib/dal/claims/authorizations";
import { getFormatter } from "@/lib/format/request-format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { ValueOptions } from "@/components/ui/value-options";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { ClaimsSubnav } from "@/components/claims/claims-subnav";
import { AuthorizationForm } from "@/components/claims/authorization-form";
import { AuthorizationImport } from "@/components/claims/authorization-import";
import { AuthorizationTable } from "@/components/claims/authorization-table";
import { CurrencySums } from "@/components/claims/currency-sums";
import { saveAuthorizationAction } from "./actions";

export const metadata: Metadata = { title: "Authorisations · Claims" };

const CODE = /^[A-Za-z0-9_-]{1,12}$/;

export default async function AuthorizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/authorizations");
  const f = await getFormatter();
  const sp = await searchParams;
  const distributor = typeof sp.distributor === "string" && CODE.test(sp.distributor) ? sp.distributor.toUpperCase() : null;
  const all = await withViewerDb(viewer, (db) => listAuthorizations(db, viewer));
  const rows = distributor ? all.filter((a) => a.distributor === distributor) : all;
  const codes = [...new Set(all.map((a) => a.distributor))].sort();
  const liability = new CurrencySums(["openLiability"] as const);
  for (const a of rows) if (a.active) liability.add(a.currency, { openLiability: a.openLiability });

  return (
    <div className="space-y-6">
      <ClaimsSubnav />
      <PageHeader
        title="Ship & debit authorisations"
        description="What each distributor may sell below book cost, to whom and how much of it is left. Open liability is what the remaining units would cost at today's book cost (latest sell-in cost, else list price) while claims may still come."
      />

      <section aria-label="Open liability" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {liability.rows().map((t) => (
          <Card key={t.currency} className="px-4 py-3" data-testid={`liability-${t.currency}`}>
            <Stat label={`Open liability · ${t.currency}`} value={f.money(t.openLiability, t.currency)} hint={`${f.int(t.count)} authorisation${t.count === 1 ? "" : "s"} open for claims`} />
          </Card>
        ))}
        {liability.rows().length === 0 ? (
          <Card className="px-4 py-3">
            <Stat label="Open liability" value={f.money(0, "USD")} hint="No authorisation is open for claims" />
          </Card>
        ) : null}
      </section>

      <FilterForm action="/authorizations" label="Filter authorisations">
        <FilterSelect label="Distributor" name="distributor" defaultValue={distributor ?? ""} width="w-48">
          <option value="">All distributors</option>
          <ValueOptions values={codes} />
        </FilterSelect>
      </FilterForm>

      {rows.length ? (
        <AuthorizationTable rows={rows} />
      ) : (
        <EmptyState
          title={distributor ? `No authorisation for ${distributor}` : "No authorisation yet"}
          description="Issue one with the form below, or import a CSV of them."
        />
      )}

      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="New authorisation" description="A saved number that exists already gets the new terms (same distributor only)." />
          <CardBody>
            <AuthorizationForm action={saveAuthorizationAction} distributors={codes} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Import a CSV"
            description="One row per authorisation; end_customer_id, min_resale, currency (USD) and claim_window_days (90) may be left out or blank. Good rows are saved; refused rows are listed by line with the reason."
          />
          <CardBody>
            <AuthorizationImport endpoint="/authorizations/import" />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
