/** A plain GET form: the filter state lives in the URL, so a link can be shared. */
export function GapFilters({ values, period }: { values: Record<string, string>; period: string }) {
  const field = "block w-36 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filter gaps">
      <label className="text-xs font-medium text-slate-600">
        Period
        <input name="period" defaultValue={values.period ?? period} pattern="\d{4}-\d{2}" className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Distributor
        <input name="distributor" defaultValue={values.distributor ?? ""} className={field} placeholder="e.g. NWC" />
      </label>
      <label className="text-xs font-medium text-slate-600">
        SKU starts with
        <input name="sku" defaultValue={values.sku ?? ""} className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        |Gap| at least
        <input name="minAbsGap" type="number" min={0} defaultValue={values.minAbsGap ?? ""} className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        |Gap %| at least
        <input name="minGapPct" type="number" min={0} defaultValue={values.minGapPct ?? ""} className={field} />
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
        Apply
      </button>
    </form>
  );
}
