"use client";

import { useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { clsx } from "clsx";
import { FIELD_LABELS } from "@/lib/validation/submission";
import { Spinner } from "@/components/ui/spinner";
import type { DraftAutosave, SaveStatus } from "./draft-autosave";
import { useFormatter } from "@/components/format/format-provider";
import { formatUnits, NumberFormatContext } from "./format";
import { stripLabel, type ErrorField, type GridStore } from "./grid-store";

/** The totals row (sticky at the bottom of the grid); re-renders on edits, not with the rows. */
export function GridTotals({ store, showForecast, rowIndex }: { store: GridStore; showForecast: boolean; rowIndex: number }) {
  const t = useSyncExternalStore(store.subscribeSummary, store.summary, store.summary);
  const fmt = useContext(NumberFormatContext);
  const cell = "sticky bottom-0 z-[2] border-t-2 border-slate-300 bg-slate-100 px-2 text-right font-semibold tabular-nums text-slate-900";
  return (
    <tr aria-rowindex={rowIndex} style={{ height: 34 }}>
      <th scope="row" className="sticky bottom-0 left-0 z-[3] border-t-2 border-slate-300 bg-slate-100 px-3 text-left text-xs font-semibold text-slate-800">
        Totals
      </th>
      <td className="sticky bottom-0 z-[2] border-t-2 border-slate-300 bg-slate-100 px-2 text-left text-xs font-medium text-slate-600">
        {formatUnits(fmt, t.rows)} SKU{t.rows === 1 ? "" : "s"}
      </td>
      <td className={cell}>{formatUnits(fmt, t.opening)}</td>
      <td className={cell}>{formatUnits(fmt, t.received)}</td>
      <td className={cell}>{formatUnits(fmt, t.sold)}</td>
      <td className={cell}>{formatUnits(fmt, t.returned)}</td>
      <td className={cell}>{formatUnits(fmt, t.onHand)}</td>
      <td className={cell}>{formatUnits(fmt, t.expected)}</td>
      <td className={cell}>{formatUnits(fmt, t.difference, true)}</td>
      <td className={cell} />
      {showForecast ? <td className={cell} colSpan={3} /> : null}
    </tr>
  );
}

/** "7 changes" next to the save status. */
export function ChangesCount({ store }: { store: GridStore }) {
  const changed = useSyncExternalStore(store.subscribeSummary, () => store.summary().changed, () => store.summary().changed);
  const fmt = useContext(NumberFormatContext);
  return (
    <span
      data-testid="changes-count"
      className={clsx(
        "inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium tabular-nums",
        changed ? "bg-amber-50 text-amber-900 ring-1 ring-amber-600/30 ring-inset" : "text-slate-600",
      )}
    >
      {changed ? <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" /> : null}
      {changed === 0 ? "No changes" : `${formatUnits(fmt, changed)} change${changed === 1 ? "" : "s"}`}
    </span>
  );
}

const noSubscribe = () => () => {};

/** "Saving… / All changes saved · 10:42 / Offline — retrying", announced politely. */
export function SaveStatusLine({ saver }: { saver: DraftAutosave }) {
  const s: SaveStatus = useSyncExternalStore(saver.subscribe, saver.getStatus, saver.getStatus);
  const f = useFormatter();
  // Times are shown in the user's time zone (lib/format), after hydration.
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
  let content: React.ReactNode;
  let tone = "text-slate-600";
  switch (s.kind) {
    case "clean":
      content = "No draft yet — edits are saved as you type";
      break;
    case "pending":
      content = "Unsaved changes…";
      break;
    case "saving":
      content = (
        <>
          <Spinner size="sm" /> Saving…
        </>
      );
      break;
    case "saved":
      content = (
        <>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-emerald-600">
            <path fill="currentColor" d="M6.2 11.4 2.8 8l1-1 2.4 2.3 6-6 1 1z" />
          </svg>
          All changes saved{mounted ? ` · ${f.time(s.at)}` : ""}
          {s.by ? ` by ${s.by}` : ""}
        </>
      );
      break;
    case "offline":
      content = "Offline — retrying (your edits are kept in this tab)";
      tone = "text-amber-800";
      break;
    case "stopped":
      content = s.message;
      tone = "text-amber-800";
      break;
    case "error":
      content = s.message;
      tone = "text-red-700";
      break;
  }
  return (
    <span role="status" aria-live="polite" data-testid="save-status" className={clsx("inline-flex items-center gap-1.5 text-xs", tone)}>
      {content}
    </span>
  );
}

/** Every cell error, named by SKU and field; clicking one focuses the cell. */
export function ErrorSummary({
  store,
  formError,
  onGoTo,
  focusKey,
}: {
  store: GridStore;
  formError: string | null;
  onGoTo: (index: number, field: ErrorField) => void;
  /** Changes when a submission was refused: the summary takes focus. */
  focusKey: number;
}) {
  const version = useSyncExternalStore(store.subscribeSummary, store.errorsVersion, store.errorsVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever the errors do
  const list = useMemo(() => store.errorList(), [store, version]);
  const [ref, setRef] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (focusKey > 0) ref?.focus();
  }, [focusKey, ref]);
  if (list.length === 0 && !formError) return null;
  const shown = list.slice(0, 50);
  return (
    <div ref={setRef} tabIndex={-1} data-testid="error-summary" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 outline-none focus-visible:ring-2 focus-visible:ring-red-600">
      <h2 className="text-sm font-semibold text-red-800">
        {list.length
          ? `${list.length} cell${list.length === 1 ? " needs" : "s need"} attention before you can submit`
          : "The report was not submitted"}
      </h2>
      {formError ? <p className="mt-1 text-sm text-red-800">{formError}</p> : null}
      {shown.length ? (
        <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 xl:grid-cols-3">
          {shown.map((e) => (
            <li key={`${e.index}-${e.field}`}>
              <button
                type="button"
                onClick={() => onGoTo(e.index, e.field)}
                className="text-left text-red-800 underline decoration-red-300 underline-offset-2 hover:decoration-red-700"
              >
                <span className="font-mono font-medium">{e.sku}</span> · {FIELD_LABELS[e.field]}: {stripLabel(e.sku, e.field, e.message)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {list.length > shown.length ? <p className="mt-1 text-xs text-red-800">…and {list.length - shown.length} more.</p> : null}
    </div>
  );
}
