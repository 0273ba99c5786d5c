import type { ClaimError, ClaimWarning } from "@/lib/imports/claims/types";
import type { ClaimFieldInfo } from "./claim-fields";

/** Why a file could not become a claim: each bad line with the field at fault. Nothing was stored. */
export function FileProblems({ message, errors, warnings, fields, x12 }: { message: string; errors: ClaimError[]; warnings: ClaimWarning[]; fields: ClaimFieldInfo[]; x12: boolean }) {
  const label = (f?: string) => fields.find((x) => x.field === f)?.label ?? f ?? "";
  /** An 844 is counted in segments; a spreadsheet in lines (rows of the file). */
  const where = x12 ? "Segment" : "Line";
  return (
    <div className="space-y-2 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="claim-file-errors">
      <p className="font-semibold">{message}</p>
      {errors.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead>
              <tr className="text-xs text-red-800">
                <th scope="col" className="py-1 pr-4 font-medium">{where}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{x12 ? "Element" : "Field"}</th>
                <th scope="col" className="py-1 font-medium">Problem</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i} className="align-top">
                  <td className="py-0.5 pr-4 tabular-nums">{e.line || "—"}</td>
                  <td className="py-0.5 pr-4 whitespace-nowrap">{e.field ? label(e.field) : (e.segment ?? "")}</td>
                  <td className="py-0.5">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {warnings.length ? (
        <>
          <p className="pt-1 font-medium text-slate-800">Also noted while reading:</p>
          <ul className="list-disc space-y-0.5 pl-5 text-slate-800">
            {warnings.map((w, i) => (
              <li key={i}>
                {w.line ? `${where} ${w.line}: ` : ""}
                {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
