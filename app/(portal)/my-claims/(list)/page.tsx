import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { ClaimsTable } from "@/components/claims-portal/claims-table";
import { loadClaims } from "../_lib/load";

export const metadata: Metadata = { title: "Claims" };

/** The distributor's ship & debit claims, each with what it came to. */
export default async function MyClaimsPage() {
  const viewer = await requirePageViewer("/my-claims");
  const rows = await loadClaims();
  const newClaim = (
    <Link href="/my-claims/new" className={buttonClasses()} data-testid="new-claim">
      New claim
    </Link>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Claims"
        description={`Ship & debit claims of ${viewer.distributorName ?? "your company"}: every line is checked against its authorisation and the sale you reported in your POS. Open a claim for the result of each line and the 849 answer.`}
        actions={newClaim}
      />
      {rows.length === 0 ? (
        <EmptyState
          title="No claims yet"
          description="Claim book cost minus authorised cost for parts you sold to an authorised end customer: type the lines or upload your own file (CSV, Excel or X12 844)."
          action={newClaim}
        />
      ) : (
        <ClaimsTable rows={rows} />
      )}
    </div>
  );
}
