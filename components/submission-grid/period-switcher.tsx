"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { controlClasses } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

export interface PeriodOption {
  period: string;
  label: string;
}

/** Earlier open periods of the distributor: choosing one loads `/submit?period=YYYY-MM`. */
export function PeriodSwitcher({ current, options }: { current: string; options: PeriodOption[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <form action="/submit" method="get" className="flex items-center gap-2">
      <label htmlFor="period-switcher" className="text-xs font-medium text-slate-700">
        Period
      </label>
      <select
        id="period-switcher"
        name="period"
        value={current}
        onChange={(e) => {
          const period = e.target.value;
          startTransition(() => router.push(`/submit?period=${encodeURIComponent(period)}`));
        }}
        className={`${controlClasses} h-8 w-auto py-0 pr-8 text-sm`}
      >
        {options.map((o) => (
          <option key={o.period} value={o.period}>
            {o.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="text-xs underline">
          Show
        </button>
      </noscript>
      {pending ? <Spinner size="sm" label="Loading the period" /> : null}
    </form>
  );
}
