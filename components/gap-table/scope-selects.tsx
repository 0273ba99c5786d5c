import type { ComponentPropsWithoutRef } from "react";
import { clsx } from "clsx";
import { controlClasses } from "@/components/ui/input";

export type ScopeKey = "period" | "distributor" | "family";

export interface ScopeSelectsProps {
  /** The selects' ids are `<idPrefix>-period`, `-distributor`, `-family`. */
  idPrefix: string;
  /** Give each select its key as `name` (inside a form). */
  named?: boolean;
  /** What the empty distributor choice says ("All distributors"). */
  allDistributors: string;
  value: { period: string; distributor?: string; family?: string };
  periods: string[];
  distributors: { code: string; name: string }[];
  families: string[];
  onChange: (key: ScopeKey, value: string) => void;
}

/** A compact select with its name above it, in a block of `width` (a class such as `w-56`). */
function LabelledSelect({ id, label, width, children, ...select }: { id: string; label: string; width: string } & Omit<ComponentPropsWithoutRef<"select">, "id" | "className">) {
  return (
    <div className={width}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <select id={id} {...select} className={clsx(controlClasses, "mt-1 h-8")}>
        {children}
      </select>
    </div>
  );
}

/** Period, distributor and family: the scope of the ledger screens (gaps, channel health). */
export function ScopeSelects({ idPrefix, named = false, allDistributors, value, periods, distributors, families, onChange }: ScopeSelectsProps) {
  const props = (key: ScopeKey) => ({ id: `${idPrefix}-${key}`, name: named ? key : undefined, onChange: (e: { target: { value: string } }) => onChange(key, e.target.value) });
  return (
    <>
      <LabelledSelect {...props("period")} label="Period" width="w-32" value={value.period}>
        {periods.map((p) => <option key={p} value={p}>{p}</option>)}
      </LabelledSelect>
      <LabelledSelect {...props("distributor")} label="Distributor" width="w-56" value={value.distributor ?? ""}>
        <option value="">{allDistributors}</option>
        {distributors.map((d) => <option key={d.code} value={d.code}>{d.code} · {d.name}</option>)}
      </LabelledSelect>
      <LabelledSelect {...props("family")} label="Family" width="w-36" value={value.family ?? ""}>
        <option value="">All families</option>
        {families.map((f) => <option key={f} value={f}>{f}</option>)}
      </LabelledSelect>
    </>
  );
}
