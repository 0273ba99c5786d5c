"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { clsx } from "clsx";
import { controlClasses } from "@/components/ui/input";
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
  const control = clsx(controlClasses, "mt-1 h-8");
  return (
    <div role="group" aria-label="Dashboard scope" className="flex flex-wrap items-end gap-3">
      <div className="w-32">
        <label htmlFor="h-period" className="block text-xs font-medium text-slate-700">Period</label>
        <select id="h-period" value={period} onChange={(e) => go({ period: e.target.value })} className={control}>
          {periods.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      <div className="w-56">
        <label htmlFor="h-distributor" className="block text-xs font-medium text-slate-700">Distributor</label>
        <select id="h-distributor" value={distributor ?? ""} onChange={(e) => go({ distributor: e.target.value || undefined })} className={control}>
          <option value="">All channel</option>
          {distributors.map((d) => <option key={d.code} value={d.code}>{d.code} · {d.name}</option>)}
        </select>
      </div>
      <div className="w-36">
        <label htmlFor="h-family" className="block text-xs font-medium text-slate-700">Family</label>
        <select id="h-family" value={family ?? ""} onChange={(e) => go({ family: e.target.value || undefined })} className={control}>
          <option value="">All families</option>
          {families.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>
      </div>
      {pending ? <Spinner size="sm" label="Updating" className="mb-2 text-indigo-600" /> : null}
    </div>
  );
}
