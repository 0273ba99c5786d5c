"use client";

/** Parts of the upload review: totals per SKU, unknown parts (map on the spot), rows set aside. */
import { useRef, useState, useTransition } from "react";
import type { UploadAnswer } from "@/lib/dal/uploads/answer";
import { Button } from "@/components/ui/button";
import type { GridActions, MapPartsActionState } from "@/lib/validation/submit-actions";
import { plural } from "./labels";

const n = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toLocaleString("en-US"));

export function TotalsTable({ answer }: { answer: UploadAnswer }) {
  const t = answer.totals;
  const stat = (label: string, value: string, testid: string, hint?: string) => (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums" data-testid={testid}>
        {value}
      </dd>
      {hint ? <dd className="text-[11px] text-slate-500">{hint}</dd> : null}
    </div>
  );
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {stat("Rows read", n(answer.rowsRead), "upload-rows-read")}
        {stat("Accepted", n(answer.rowsAccepted), "upload-rows-accepted")}
        {stat("SKUs", n(t.skus), "upload-skus")}
        {stat("Sold", n(t.sold), "upload-total-sold", t.sold === null ? "not in the file" : answer.credits ? `net of ${plural(answer.credits, "credit")}` : undefined)}
        {stat("Returned", n(t.returned), "upload-total-returned", t.returned === null ? "not in the file" : undefined)}
        {stat("On hand", n(t.onHand), "upload-total-onhand", t.onHand === null ? "not in the file" : undefined)}
      </dl>
      <details className="text-sm" data-testid="upload-per-sku">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700">Totals per SKU ({plural(answer.lines.length, "SKU")})</summary>
        <div className="mt-2 max-h-72 overflow-auto rounded-md border border-slate-200">
          <table className="min-w-full text-xs">
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-semibold">SKU</th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">Sold</th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">Returned</th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">On hand</th>
              </tr>
            </thead>
            <tbody>
              {answer.lines.map((l) => (
                <tr key={l.sku} data-sku={l.sku} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-0.5 text-left font-mono font-medium">{l.sku}</th>
                  <td className="px-2 py-0.5 text-right tabular-nums" data-field="sold">{n(l.sold)}</td>
                  <td className="px-2 py-0.5 text-right tabular-nums" data-field="returned">{n(l.returned)}</td>
                  <td className="px-2 py-0.5 text-right tabular-nums" data-field="onHand">{n(l.onHand)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

export function UnknownParts({
  parts,
  onMap,
  searchSkus,
}: {
  parts: { part: string; rows: number }[];
  onMap: (m: { part: string; sku: string }[]) => Promise<MapPartsActionState>;
  searchSkus: GridActions["searchSkus"];
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [options, setOptions] = useState<{ sku: string; description: string }[]>([]);
  const [pending, start] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  if (!parts.length) return null;

  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (q.trim().length < 2) return;
    timer.current = setTimeout(async () => {
      const r = await searchSkus({ query: q }).catch(() => null);
      if (r?.ok) setOptions(r.data ?? []);
    }, 200);
  };
  const map = (list: { part: string; sku: string }[]) =>
    start(async () => {
      setFormError(null);
      const r = await onMap(list);
      if (r.ok === false) {
        // By part number: the first message for each.
        setErrors(Object.fromEntries(Object.entries(r.fieldErrors).flatMap(([part, msgs]) => (msgs?.[0] ? [[part, msgs[0]]] : []))));
        setFormError(r.formError);
      } else setErrors({});
    });
  const filled = parts.filter((p) => values[p.part]?.trim());
  const rows = parts.reduce((s, p) => s + p.rows, 0);

  return (
    <div className="rounded-md border border-amber-300 bg-amber-50/60 px-3 py-2" data-testid="upload-unknown-parts">
      <p className="text-sm font-medium text-amber-950">
        {plural(parts.length, "part number")} we do not know ({plural(rows, "row")} left out). Map them to a Halcyon SKU — remembered for your next files.
      </p>
      <datalist id="upload-sku-options">
        {options.map((o) => (
          <option key={o.sku} value={o.sku}>
            {o.description}
          </option>
        ))}
      </datalist>
      <table className="mt-2 text-sm">
        <thead>
          <tr className="text-xs text-slate-600">
            <th scope="col" className="pr-4 text-left font-medium">Your part</th>
            <th scope="col" className="pr-4 text-right font-medium">Rows</th>
            <th scope="col" className="text-left font-medium">Map to SKU</th>
          </tr>
        </thead>
        <tbody>
          {parts.slice(0, 200).map((p) => (
            <tr key={p.part} data-part={p.part}>
              <th scope="row" className="pr-4 text-left font-mono font-medium">{p.part}</th>
              <td className="pr-4 text-right tabular-nums">{p.rows.toLocaleString("en-US")}</td>
              <td className="py-0.5">
                <div className="flex items-center gap-2">
                  <input
                    list="upload-sku-options"
                    aria-label={`Map ${p.part} to SKU`}
                    value={values[p.part] ?? ""}
                    onChange={(e) => {
                      setValues((v) => ({ ...v, [p.part]: e.target.value }));
                      search(e.target.value);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" && values[p.part]?.trim()) {
                        e.preventDefault();
                        map([{ part: p.part, sku: values[p.part]!.trim() }]);
                      }
                    }}
                    placeholder="Search SKU"
                    autoComplete="off"
                    aria-invalid={errors[p.part] ? true : undefined}
                    className="h-7 w-44 rounded-md border-0 bg-white px-2 text-sm ring-1 ring-slate-400 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
                  />
                  <Button size="sm" variant="secondary" disabled={!values[p.part]?.trim() || pending} onClick={() => map([{ part: p.part, sku: values[p.part]!.trim() }])}>
                    Map
                  </Button>
                  {errors[p.part] ? <span className="text-xs text-red-700">{errors[p.part]}</span> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {filled.length > 1 ? (
        <Button size="sm" className="mt-2" pending={pending} onClick={() => map(filled.map((p) => ({ part: p.part, sku: values[p.part]!.trim() })))}>
          Map {filled.length} parts
        </Button>
      ) : null}
      {formError ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {formError}
        </p>
      ) : null}
    </div>
  );
}

export function RowsSetAside({ answer }: { answer: UploadAnswer }) {
  const c = answer.counts;
  const any = c.errors + c.outOfPeriod + c.duplicates + c.skipped + answer.credits > 0 || answer.warnings.length > 0;
  if (!any) {
    return <p className="text-xs text-slate-600">Every row was accepted: none rejected, none outside {answer.period}, no duplicates.</p>;
  }
  return (
    <div className="space-y-2 text-sm" data-testid="upload-set-aside">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <span className={c.errors ? "font-medium text-red-800" : "text-slate-600"} data-testid="upload-count-rejected">{plural(c.errors, "row")} rejected</span>
        <span className={c.outOfPeriod ? "font-medium text-amber-800" : "text-slate-600"} data-testid="upload-count-out-of-period">{plural(c.outOfPeriod, "row")} outside {answer.period}</span>
        <span className={c.duplicates ? "font-medium text-amber-800" : "text-slate-600"} data-testid="upload-count-duplicates">{plural(c.duplicates, "duplicate")}</span>
        <span className="text-slate-600" data-testid="upload-count-credits">{plural(answer.credits, "credit")} (negative lines, netted in Sold)</span>
        {c.skipped ? <span className="text-slate-600">{plural(c.skipped, "row")} skipped (totals, notes)</span> : null}
        <a href={`/api/v1/uploads/${answer.uploadId}/errors`} download className="font-medium text-indigo-700 underline underline-offset-2" data-testid="upload-errors-csv">
          Download rows set aside (CSV)
        </a>
      </div>
      {c.errors ? (
        <SetAsideTable
          title="Rejected rows"
          testid="upload-rejected"
          head={["Line", "Column", "Reason"]}
          rows={answer.errors.slice(0, 100).map((e) => [e.line, e.column ?? "", e.message])}
          more={c.errors - Math.min(100, answer.errors.length)}
          open
        />
      ) : null}
      {c.outOfPeriod ? (
        <SetAsideTable
          title={`Outside ${answer.period} (not counted)`}
          testid="upload-out-of-period"
          head={["Line", "Date"]}
          rows={answer.outOfPeriod.slice(0, 100).map((o) => [o.line, o.date])}
          more={c.outOfPeriod - Math.min(100, answer.outOfPeriod.length)}
        />
      ) : null}
      {c.duplicates ? (
        <SetAsideTable
          title="Duplicates (same invoice and line; counted once)"
          testid="upload-duplicates"
          head={["Line", "Invoice", "Invoice line"]}
          rows={answer.duplicates.slice(0, 100).map((d) => [d.line, d.invoice, d.invoiceLine])}
          more={c.duplicates - Math.min(100, answer.duplicates.length)}
        />
      ) : null}
      {c.skipped ? (
        <SetAsideTable title="Skipped" testid="upload-skipped" head={["Line", "Why"]} rows={answer.skipped.slice(0, 100).map((s) => [s.line, s.reason])} more={c.skipped - Math.min(100, answer.skipped.length)} />
      ) : null}
      {answer.warnings.length ? (
        <SetAsideTable title="Warnings" testid="upload-warnings" head={["Line", "Note"]} rows={answer.warnings.slice(0, 50).map((w) => [w.line ?? "", w.message])} more={0} />
      ) : null}
    </div>
  );
}

function SetAsideTable({ title, head, rows, more, open, testid }: { title: string; head: string[]; rows: (string | number)[][]; more: number; open?: boolean; testid: string }) {
  return (
    <details open={open} data-testid={testid}>
      <summary className="cursor-pointer text-xs font-medium text-slate-800">{title}</summary>
      <table className="mt-1 text-xs">
        <thead>
          <tr className="text-slate-600">
            {head.map((h) => (
              <th key={h} scope="col" className="pr-4 text-left font-medium">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className="pr-4 align-top text-slate-800 tabular-nums">{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p className="text-xs text-slate-600">… and {more.toLocaleString("en-US")} more in the CSV.</p> : null}
    </details>
  );
}
