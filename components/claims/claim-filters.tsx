import { FilterForm, FilterSelect } from "@/components/ui/filter-form";

export interface ClaimFilterValues {
  distributor: string | null;
  period: string | null;
  awaiting: boolean;
}

/** A GET form: the queue's filters live in the URL, so a filtered queue can be shared as a link. */
export function ClaimFilters({ values, distributors, periods }: { values: ClaimFilterValues; distributors: { code: string; name: string }[]; periods: { value: string; label: string }[] }) {
  return (
    <FilterForm action="/claims" label="Filter claims">
      <FilterSelect label="Distributor" name="distributor" defaultValue={values.distributor ?? ""} width="w-56">
        <option value="">All distributors</option>
        {distributors.map((d) => (
          <option key={d.code} value={d.code}>
            {d.code}
            {d.name ? ` · ${d.name}` : ""}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Period" name="period" defaultValue={values.period ?? ""} width="w-36">
        <option value="">All periods</option>
        {periods.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Status" name="status" defaultValue={values.awaiting ? "awaiting" : ""} width="w-44">
        <option value="">Any</option>
        <option value="awaiting">Awaiting approval</option>
      </FilterSelect>
    </FilterForm>
  );
}
