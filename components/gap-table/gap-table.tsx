import type { GapPage } from "@/lib/dal/gaps/list-gaps";

const fmt = new Intl.NumberFormat("en-US");
const n = (v: number | null) => (v === null ? "—" : fmt.format(v));

const COLUMNS = [
  ["opening", "Opening"], ["sellIn", "Sell-in"], ["sellThrough", "Sell-through"], ["returns", "Returns"],
  ["adjustments", "Adj."], ["calculated", "Calculated"], ["reported", "Reported"], ["gap", "Gap"],
] as const;

/** The ledger rows of one period with totals; numbers right-aligned in tabular figures. */
export function GapTable({ page }: { page: GapPage }) {
  if (page.rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">No rows match these filters.</p>;
  }
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full whitespace-nowrap text-sm tabular-nums">
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">Distributor</th>
            <th scope="col" className="px-3 py-2 text-left">SKU</th>
            {COLUMNS.map(([, label]) => (
              <th key={label} scope="col" className="px-3 py-2 text-right">{label}</th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">Gap %</th>
            <th scope="col" className="px-3 py-2 text-right">New gap</th>
            <th scope="col" className="px-3 py-2 text-right">Weeks</th>
            <th scope="col" className="px-3 py-2 text-left">Flags</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {page.rows.map((r) => (
            <tr key={`${r.distributor}-${r.sku}`} className="hover:bg-slate-50">
              <td className="px-3 py-1.5 font-medium text-slate-900" title={r.distributorName}>{r.distributor}</td>
              <td className="px-3 py-1.5 text-slate-900" title={r.description}>{r.sku}</td>
              {COLUMNS.map(([key]) => (
                <td key={key} className={`px-3 py-1.5 text-right ${key === "gap" && r.gap ? "font-semibold text-red-700" : "text-slate-800"}`}>{n(r[key])}</td>
              ))}
              <td className="px-3 py-1.5 text-right text-slate-800">{r.gapPct === null ? "—" : `${r.gapPct} %`}</td>
              <td className="px-3 py-1.5 text-right text-slate-800">{n(r.newGap)}</td>
              <td className="px-3 py-1.5 text-right text-slate-800">{r.weeksOfSupply ?? "—"}</td>
              <td className="px-3 py-1.5 text-xs text-slate-700">{r.flags.join(", ").replaceAll("_", " ")}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-50 font-semibold text-slate-900">
          <tr>
            <th scope="row" colSpan={2} className="px-3 py-2 text-left">Total ({fmt.format(page.totals.rows)} rows)</th>
            {COLUMNS.map(([key]) => (
              <td key={key} className="px-3 py-2 text-right">{fmt.format(page.totals[key])}</td>
            ))}
            <td colSpan={4} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
