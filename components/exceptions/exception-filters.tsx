import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { ValueOptions } from "@/components/ui/value-options";
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
  return (
    <FilterForm action="/exceptions" label="Filter exceptions">
      <FilterSelect label="Status" name="status" defaultValue={values.status ?? "active"} width="w-44">
        <option value="active">Open + investigating</option>
        <option value="">All</option>
        {EXCEPTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Owner" name="owner" defaultValue={values.owner ?? ""} width="w-48">
        <option value="">Anyone</option>
        <option value="me">Me</option>
        <option value="none">Unassigned</option>
        {staff.map((s) => (
          <option key={s.id} value={s.email}>
            {s.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Period" name="period" defaultValue={values.period ?? ""} width="w-36">
        <option value="">All periods</option>
        <ValueOptions values={periods} />
      </FilterSelect>
      <FilterSelect label="Corrections" name="corrections" defaultValue={values.corrections ?? ""} width="w-44">
        <option value="">Any</option>
        <option value="awaiting">Awaiting approval</option>
      </FilterSelect>
      <FilterInput label="Distributor" name="distributor" defaultValue={values.distributor ?? ""} placeholder="Code" width="w-28" />
      <FilterInput label="SKU" name="sku" defaultValue={values.sku ?? ""} placeholder="Starts with" width="w-32" />
    </FilterForm>
  );
}
