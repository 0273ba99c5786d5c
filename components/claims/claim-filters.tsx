import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

export interface ClaimFilterValues {
  distributor: string | null;
  period: string | null;
  awaiting: boolean;
}

/** A GET form: the queue's filters live in the URL, so a filtered queue can be shared as a link. */
export function ClaimFilters({ values, distributors, periods }: { values: ClaimFilterValues; distributors: { code: string; name: string }[]; periods: { value: string; label: string }[] }) {
  const label = "text-xs font-medium text-slate-700";
  return (
    <form method="get" action="/claims" aria-label="Filter claims" className="flex flex-wrap items-end gap-3">
      <label className={label}>
        Distributor
        <Select name="distributor" defaultValue={values.distributor ?? ""} className="mt-1 h-8 w-56">
          <option value="">All distributors</option>
          {distributors.map((d) => (
            <option key={d.code} value={d.code}>
              {d.code}
              {d.name ? ` · ${d.name}` : ""}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Period
        <Select name="period" defaultValue={values.period ?? ""} className="mt-1 h-8 w-36">
          <option value="">All periods</option>
          {periods.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Status
        <Select name="status" defaultValue={values.awaiting ? "awaiting" : ""} className="mt-1 h-8 w-44">
          <option value="">Any</option>
          <option value="awaiting">Awaiting approval</option>
        </Select>
      </label>
      <button type="submit" className={buttonClasses({ size: "sm", className: "h-8" })}>
        Filter
      </button>
      <Link href="/claims" className={buttonClasses({ size: "sm", variant: "ghost", className: "h-8" })}>
        Reset
      </Link>
    </form>
  );
}
