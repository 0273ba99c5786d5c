import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { EXCEPTION_STATUSES, STATUS_LABELS } from "@/lib/validation/exceptions";

export interface ExceptionFilterValues {
  status?: string;
  owner?: string;
  period?: string;
  distributor?: string;
  sku?: string;
  corrections?: string;
}

/** A GET form: the filters live in the URL, so a filtered list can be shared as a link. */
export function ExceptionFilters({ values, staff, periods }: { values: ExceptionFilterValues; staff: { id: string; name: string; email: string }[]; periods: string[] }) {
  const label = "text-xs font-medium text-slate-700";
  return (
    <form method="get" action="/exceptions" aria-label="Filter exceptions" className="flex flex-wrap items-end gap-3">
      <label className={label}>
        Status
        <Select name="status" defaultValue={values.status ?? "active"} className="mt-1 h-8 w-44">
          <option value="active">Open + investigating</option>
          <option value="">All</option>
          {EXCEPTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Owner
        <Select name="owner" defaultValue={values.owner ?? ""} className="mt-1 h-8 w-48">
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Unassigned</option>
          {staff.map((s) => (
            <option key={s.id} value={s.email}>
              {s.name}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Period
        <Select name="period" defaultValue={values.period ?? ""} className="mt-1 h-8 w-36">
          <option value="">All periods</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Corrections
        <Select name="corrections" defaultValue={values.corrections ?? ""} className="mt-1 h-8 w-44">
          <option value="">Any</option>
          <option value="awaiting">Awaiting approval</option>
        </Select>
      </label>
      <label className={label}>
        Distributor
        <Input name="distributor" defaultValue={values.distributor ?? ""} placeholder="Code" className="mt-1 h-8 w-28" />
      </label>
      <label className={label}>
        SKU
        <Input name="sku" defaultValue={values.sku ?? ""} placeholder="Starts with" className="mt-1 h-8 w-32" />
      </label>
      <button type="submit" className={buttonClasses({ size: "sm", className: "h-8" })}>
        Filter
      </button>
      <Link href="/exceptions" className={buttonClasses({ size: "sm", variant: "ghost", className: "h-8" })}>
        Reset
      </Link>
    </form>
  );
}
