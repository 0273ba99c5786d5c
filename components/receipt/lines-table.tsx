import type { RevisionDetail } from "@/lib/dal/submissions/get-revision";
import { Num } from "@/components/ui/num";
import { Table, TBody, TD, TFoot, TH, THead, TR } from "@/components/ui/table";

/** Every line of a revision, as submitted, with totals. */
export function LinesTable({ detail }: { detail: RevisionDetail }) {
  return (
    <Table label={`Lines of revision ${detail.revision}`} stickyHeader maxHeight="60vh">
      <THead>
        <tr>
          <TH>SKU</TH>
          <TH>Description</TH>
          <TH numeric>Sold</TH>
          <TH numeric>Returned</TH>
          <TH numeric>On hand</TH>
          <TH>Note</TH>
        </tr>
      </THead>
      <TBody>
        {detail.lines.map((l) => (
          <TR key={l.sku} data-sku={l.sku}>
            <TH scope="row" className="font-mono text-xs">
              {l.sku}
            </TH>
            <TD className="max-w-80 truncate text-slate-700" title={l.description}>
              {l.description}
            </TD>
            <TD numeric>
              <Num value={l.sold} />
            </TD>
            <TD numeric>
              <Num value={l.returned} />
            </TD>
            <TD numeric>
              <Num value={l.onHand} />
            </TD>
            <TD className="max-w-xs text-slate-700">{l.note ? <span className="break-words">{l.note}</span> : null}</TD>
          </TR>
        ))}
      </TBody>
      <TFoot>
        <tr>
          <TH scope="row" colSpan={2} className="border-t border-slate-300 font-semibold">
            Total ({detail.totals.lines} {detail.totals.lines === 1 ? "line" : "lines"})
          </TH>
          <TD numeric>
            <Num value={detail.totals.sold} />
          </TD>
          <TD numeric>
            <Num value={detail.totals.returned} />
          </TD>
          <TD numeric>
            <Num value={detail.totals.onHand} />
          </TD>
          <TD />
        </tr>
      </TFoot>
    </Table>
  );
}
