"use client";

import { useFormatter } from "@/components/format/format-provider";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type { ClaimTotals } from "@/lib/domain/claims/totals";
import { money } from "./money";

/** A claim revision's totals: claimed, approved, adjusted, rejected and payable, with their line counts. */
export function ClaimStats({ totals, currency }: { totals: ClaimTotals; currency: string | null }) {
  const f = useFormatter();
  const m = (s: string) => money(f, s, currency);
  const lines = (n: number) => `${f.int(n)} line${n === 1 ? "" : "s"}`;
  const stats = [
    { key: "claimed", label: "Claimed", value: m(totals.claimed), hint: `${lines(totals.lines)} · ${f.int(totals.quantity)} units` },
    { key: "approved", label: "Approved", value: m(totals.approved.amount), hint: lines(totals.approved.lines) },
    { key: "adjusted", label: "Adjusted", value: m(totals.adjusted.amount), hint: `${lines(totals.adjusted.lines)} · claimed ${m(totals.adjusted.claimed)}` },
    { key: "rejected", label: "Rejected", value: m(totals.rejected.claimed), hint: lines(totals.rejected.lines) },
    { key: "payable", label: "Payable", value: m(totals.payable), hint: "Approved + adjusted" },
  ];
  return (
    <Card className="grid grid-cols-2 gap-x-6 gap-y-4 px-4 py-4 sm:grid-cols-3 lg:grid-cols-5" aria-label="Totals" role="group">
      {stats.map((s) => (
        <div key={s.key} data-testid={`claim-${s.key}`}>
          <Stat label={s.label} value={s.value} hint={s.hint} />
        </div>
      ))}
    </Card>
  );
}
