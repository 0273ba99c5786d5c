import type { DiffField, LineChange } from "@/lib/domain/revision-diff";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Num } from "@/components/ui/num";
import { Table, TBody, TD, TFoot, TH, TR, HeadRow, numeric } from "@/components/ui/table";
import { SkuCells } from "./sku-cells";

const NUMERIC_FIELDS = ["sold", "returned", "onHand"] as const;
type NumericField = (typeof NUMERIC_FIELDS)[number];
const FIELD_LABEL: Record<DiffField, string> = { sold: "Sold", returned: "Returned", onHand: "On hand", note: "Note" };

const CHANGE: Record<LineChange["change"], { tone: BadgeTone; text: string }> = {
  added: { tone: "green", text: "Added" },
  removed: { tone: "red", text: "Removed" },
  changed: { tone: "blue", text: "Changed" },
};

const asNumber = (v: number | string | null | undefined) => (typeof v === "number" ? v : 0);

/** Net change per numeric field over all changed lines (a missing value counts as 0). */
export function netChanges(changes: LineChange[]): Record<NumericField, number> {
  const net = { sold: 0, returned: 0, onHand: 0 };
  for (const c of changes) {
    for (const f of NUMERIC_FIELDS) {
      const d = c.fields[f];
      if (d) net[f] += asNumber(d.to) - asNumber(d.from);
    }
  }
  return net;
}

function NumberChange({ from, to }: { from: number | string | null; to: number | string | null }) {
  const delta = asNumber(to) - asNumber(from);
  return (
    <span className="block text-right whitespace-nowrap">
      <span className="text-slate-600 line-through decoration-slate-400">
        <Num value={typeof from === "number" ? from : null} align="inherit" />
      </span>
      <span aria-hidden="true" className="px-1 text-slate-500">
        →
      </span>
      <span className="sr-only"> changed to </span>
      <span className="font-semibold text-slate-900">
        <Num value={typeof to === "number" ? to : null} align="inherit" />
      </span>
      <span className={delta > 0 ? "ml-1.5 text-xs text-emerald-700" : "ml-1.5 text-xs text-red-700"}>
        (<Num value={delta} signed align="inherit" />)
      </span>
    </span>
  );
}

function NoteChange({ from, to }: { from: number | string | null; to: number | string | null }) {
  const show = (v: number | string | null) =>
    v === null || v === "" ? <span className="text-slate-600 italic">none</span> : <span className="break-words">{String(v)}</span>;
  return (
    <span className="block max-w-xs">
      <span className="text-slate-600">{show(from)}</span>
      <span aria-hidden="true" className="px-1 text-slate-500">
        →
      </span>
      <span className="sr-only"> changed to </span>
      <span className="text-slate-900">{show(to)}</span>
    </span>
  );
}

function Unchanged() {
  return (
    <span className="block text-right text-slate-400">
      <span aria-hidden="true">·</span>
      <span className="sr-only">unchanged</span>
    </span>
  );
}

export interface DiffTableProps {
  changes: LineChange[];
  /** Accessible name of the table, e.g. "Changes from revision 2 to revision 3". */
  label: string;
  /** How the old values are called in the header hint ("revision 2", "last period"). */
  fromName?: string;
  toName?: string;
}

/** Per SKU, the fields that changed (old → new), with the net change per field in the footer. */
export function DiffTable({ changes, label, fromName, toName }: DiffTableProps) {
  const net = netChanges(changes);
  const hasNotes = changes.some((c) => c.fields.note);
  return (
    <Table label={label} stickyHeader maxHeight="60vh">
      {fromName && toName ? (
        <caption className="sr-only">
          Values are shown as {fromName} → {toName}
        </caption>
      ) : null}
      <HeadRow columns={["SKU", "Description", "Change", ...NUMERIC_FIELDS.map((f) => numeric(FIELD_LABEL[f])), hasNotes ? "Note" : null]} />
      <TBody>
        {changes.map((c) => (
          <TR key={c.sku} data-sku={c.sku}>
            <SkuCells sku={c.sku} description={c.description} width="max-w-72" />
            <TD>
              <Badge tone={CHANGE[c.change].tone}>{CHANGE[c.change].text}</Badge>
            </TD>
            {NUMERIC_FIELDS.map((f) => {
              const d = c.fields[f];
              return (
                <TD key={f} numeric data-field={f}>
                  {d ? <NumberChange from={d.from} to={d.to} /> : <Unchanged />}
                </TD>
              );
            })}
            {hasNotes ? (
              <TD data-field="note">{c.fields.note ? <NoteChange from={c.fields.note.from} to={c.fields.note.to} /> : <Unchanged />}</TD>
            ) : null}
          </TR>
        ))}
      </TBody>
      <TFoot>
        <tr>
          <TH scope="row" colSpan={3} className="border-t border-slate-300 font-semibold">
            Net change ({changes.length} {changes.length === 1 ? "SKU" : "SKUs"})
          </TH>
          {NUMERIC_FIELDS.map((f) => (
            <TD key={f} numeric data-total={f}>
              <Num value={net[f]} signed />
            </TD>
          ))}
          {hasNotes ? <TD /> : null}
        </tr>
      </TFoot>
    </Table>
  );
}

/** "3 changed · 1 added · 0 removed · 56 unchanged" */
export function DiffCounts({ counts }: { counts: { added: number; removed: number; changed: number; unchanged: number } }) {
  const parts: [string, number][] = [
    ["changed", counts.changed],
    ["added", counts.added],
    ["removed", counts.removed],
    ["unchanged", counts.unchanged],
  ];
  return (
    <p className="text-sm text-slate-700">
      {parts.map(([name, n], i) => (
        <span key={name}>
          {i > 0 ? <span aria-hidden="true" className="px-1.5 text-slate-400">·</span> : null}
          <span className="font-semibold tabular-nums text-slate-900">{n}</span> {name}
        </span>
      ))}
    </p>
  );
}
