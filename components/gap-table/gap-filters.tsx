"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { clsx } from "clsx";
import { controlClasses } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { GAP_FLAGS } from "@/lib/validation/gaps";
import { FLAG_LABELS, viewQuery } from "./columns";
import { ScopeSelects } from "./scope-selects";

export interface GapFiltersProps {
  values: Record<string, string | undefined>;
  period: string;
  periods: string[];
  distributors: { code: string; name: string }[];
  families: string[];
  thresholds: { units: number; pct: number };
}

/**
 * The gap view's filters. Every change becomes the URL (router.push), so the page, a shared link
 * and the exports all read the same state. Selects and toggles apply at once; typed values on Enter or blur.
 */
export function GapFilters({ values, period, periods, distributors, families, thresholds }: GapFiltersProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const flags = new Set((values.flag ?? "").split(",").filter(Boolean));
  const significant = values.significant === "1" || values.significant === "true";
  // Typed values are a draft until applied; a new URL (new `values`) resets the draft.
  const urlKey = viewQuery(values);
  const [draft, setDraft] = useState<Record<string, string | undefined>>(values);
  const [draftKey, setDraftKey] = useState(urlKey);
  if (draftKey !== urlKey) {
    setDraftKey(urlKey);
    setDraft(values);
  }

  function go(patch: Record<string, string | undefined>) {
    const q = viewQuery({ ...values, ...patch });
    if (q === viewQuery(values)) return;
    start(() => router.push(q ? `/gaps?${q}` : "/gaps", { scroll: false }));
  }

  const typed = () => ({ sku: draft.sku?.trim() || undefined, minAbsGap: draft.minAbsGap || undefined, minGapPct: draft.minGapPct || undefined });

  function submit(e?: FormEvent) {
    e?.preventDefault();
    go(typed());
  }

  function select(name: string, value: string) {
    go({ ...typed(), [name]: value || undefined });
  }

  function toggleFlag(f: string) {
    const next = new Set(flags);
    if (next.has(f)) next.delete(f);
    else next.add(f);
    go({ ...typed(), flag: [...next].join(",") || undefined });
  }

  const text = (name: string) => ({
    name,
    value: draft[name] ?? "",
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
    onBlur: () => submit(),
  });

  const label = "block text-xs font-medium text-slate-700";
  const control = clsx(controlClasses, "mt-1 h-8");
  const active = Boolean(values.distributor || values.family || values.sku || values.minAbsGap || values.minGapPct || flags.size || significant);

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter gaps"
      className="mb-3 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xs"
    >
      <div className="flex flex-wrap items-end gap-3">
        <ScopeSelects
          idPrefix="f"
          named
          allDistributors="All distributors"
          value={{ period: values.period ?? period, distributor: values.distributor, family: values.family }}
          periods={periods}
          distributors={distributors}
          families={families}
          onChange={select}
        />
        <div className="w-32">
          <label htmlFor="f-sku" className={label}>SKU starts with</label>
          <input id="f-sku" {...text("sku")} placeholder="e.g. MCU-" className={control} />
        </div>
        <div className="w-24">
          <label htmlFor="f-min-gap" className={label}>|Gap| ≥ units</label>
          <input id="f-min-gap" {...text("minAbsGap")} type="number" min={0} inputMode="numeric" className={control} />
        </div>
        <div className="w-20">
          <label htmlFor="f-min-pct" className={label}>|Gap %| ≥</label>
          <input id="f-min-pct" {...text("minGapPct")} type="number" min={0} step="any" inputMode="decimal" className={control} />
        </div>
        <button type="submit" className="h-8 rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          Apply
        </button>
        {pending ? <Spinner size="sm" label="Updating" className="mb-2 text-indigo-600" /> : null}
      </div>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Quick filters">
        <button
          type="button"
          aria-pressed={significant}
          onClick={() => go({ ...typed(), significant: significant ? undefined : "1" })}
          title={`|gap| ≥ ${thresholds.units} units or |gap %| ≥ ${thresholds.pct} %`}
          className={clsx(
            "inline-flex h-7 items-center gap-1.5 rounded-full px-3 text-xs font-semibold ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
            significant ? "bg-red-600 text-white ring-red-600" : "bg-white text-red-700 ring-red-300 hover:bg-red-50",
          )}
        >
          <span aria-hidden="true">{significant ? "✓" : "!"}</span> Significant mismatches
          <span className={clsx("font-normal", significant ? "text-red-100" : "text-slate-600")}>
            |gap| ≥ {thresholds.units} or ≥ {thresholds.pct} %
          </span>
        </button>
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200" />
        <span className="text-xs font-medium text-slate-600">Flags (any of):</span>
        {GAP_FLAGS.map((f) => {
          const on = flags.has(f);
          return (
            <button
              key={f}
              type="button"
              aria-pressed={on}
              title={FLAG_LABELS[f]?.hint}
              onClick={() => toggleFlag(f)}
              className={clsx(
                "h-7 rounded-full px-3 text-xs font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
                on ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {FLAG_LABELS[f]?.label ?? f}
            </button>
          );
        })}
        {active ? (
          <button
            type="button"
            onClick={() => go({ period: values.period, sort: values.sort, distributor: undefined, family: undefined, sku: undefined, minAbsGap: undefined, minGapPct: undefined, flag: undefined, significant: undefined })}
            className="ml-auto text-xs font-medium text-indigo-700 hover:underline"
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
