"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { ScopeSelects } from "@/components/gap-table/scope-selects";
import { Spinner } from "@/components/ui/spinner";

export interface HealthScopeProps {
  period: string;
  periods: string[];
  distributor?: string;
  family?: string;
  distributors: { code: string; name: string }[];
  families: string[];
}

/** Scope selectors of the health dashboard; the choice lives in the URL. */
export function HealthScope({ period, periods, distributor, family, distributors, families }: HealthScopeProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  function go(patch: Record<string, string | undefined>) {
    const next = { period, distributor, family, ...patch };
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) u.set(k, v);
    start(() => router.push(`/health?${u.toString()}`, { scroll: false }));
  }
  return (
    <div role="group" aria-label="Dashboard scope" className="flex flex-wrap items-end gap-3">
      <ScopeSelects
        idPrefix="h"
        allDistributors="All channel"
        value={{ period, distributor, family }}
        periods={periods}
        distributors={distributors}
        families={families}
        onChange={(key, value) => go({ [key]: value || undefined })}
      />
      {pending ? <Spinner size="sm" label="Updating" className="mb-2 text-indigo-600" /> : null}
    </div>
  );
}
