import Link from "next/link";
import { clsx } from "clsx";
import type { ClaimDetail } from "@/lib/dal/claims/read-claims";
import { getFormatter } from "@/lib/format/request-format";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/history/local-time";
import { CLAIM_CURRENCY } from "./claim-money";
import { sourceText } from "./claim-source";

/** Every revision of the claim, newest first; each opens as it was judged (?revision=N). */
export async function RevisionHistory({ claimId, revisions, shown, latest }: { claimId: string; revisions: ClaimDetail["revisions"]; shown: number; latest: number }) {
  const f = await getFormatter();
  return (
    <Card data-testid="claim-revisions">
      <CardHeader title="Revision history" description="A resubmission is a new revision; earlier ones are kept as they were judged." />
      <ol className="divide-y divide-slate-100">
        {revisions.map((r) => {
          const current = r.revision === shown;
          const t = r.totals;
          return (
            <li key={r.id} className={clsx("flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2.5 text-sm", current && "bg-indigo-50/70")}>
              <span className="min-w-0">
                <Link
                  href={r.revision === latest ? `/my-claims/${claimId}` : `/my-claims/${claimId}?revision=${r.revision}`}
                  aria-current={current ? "page" : undefined}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline"
                >
                  Revision {r.revision}
                </Link>
                {r.revision === latest ? <span className="ml-2 text-xs text-slate-600">(latest)</span> : null}
                <span className="block text-xs text-slate-600">
                  <LocalTime iso={r.submittedAt} /> · {sourceText(r.source)}
                </span>
              </span>
              <span className="text-xs text-slate-700 tabular-nums">
                {t.approved.lines} approved · {t.adjusted.lines} adjusted · {t.rejected.lines} rejected · payable{" "}
                <span className="font-semibold text-slate-900">{f.money(t.payable, CLAIM_CURRENCY)}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
