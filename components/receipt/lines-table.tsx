import type { RevisionDetail } from "@/lib/dal/submissions/get-revision";
import { Num } from "@/components/ui/num";
import { MessageText } from "@/components/format/text";
import { CHECK_KIND_LABELS, CONFIRM_REASON_LABELS, type ConfirmReason } from "@/lib/domain/submission-checks";
import { Table, TBody, TD, TFoot, TH, TR, HeadRow, numeric } from "@/components/ui/table";
import { SkuCells } from "@/components/history/sku-cells";

/** Every line of a revision, as submitted, with totals. */
export function LinesTable({ detail }: { detail: RevisionDetail }) {
  return (
    <Table label={`Lines of revision ${detail.revision}`} stickyHeader maxHeight="60vh">
      <HeadRow columns={["SKU", "Description", numeric("Sold"), numeric("Returned"), numeric("On hand"), "Note", "Check"]} />
      <TBody>
        {detail.lines.map((l) => (
          <TR key={l.sku} data-sku={l.sku}>
            <SkuCells sku={l.sku} description={l.description} width="max-w-80" />
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
            <TD className="max-w-sm text-xs text-slate-700">
              {l.flags.length ? (
                <div className="space-y-0.5">
                  {l.flags.map((f, i) => (
                    <p key={i}>
                      <span className="font-semibold text-amber-900">{CHECK_KIND_LABELS[f.kind]}:</span> <MessageText text={f.message} />
                    </p>
                  ))}
                  {l.confirm ? (
                    <p className="font-medium text-slate-900">
                      Confirmed as reported: {CONFIRM_REASON_LABELS[l.confirm.reason as ConfirmReason] ?? l.confirm.reason}
                      {l.confirm.note ? ` — ${l.confirm.note}` : ""}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </TD>
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
          <TD />
        </tr>
      </TFoot>
    </Table>
  );
}
