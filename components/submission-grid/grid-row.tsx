"use client";

import { memo, useCallback, useContext, useSyncExternalStore } from "react";
import { clsx } from "clsx";
import { FIELD_LABELS } from "@/lib/validation/submission";
import { ForecastCell, NoteCell, NumberCell } from "./cells";
import { formatUnits, NumberFormatContext } from "./format";
import { differenceOf, expectedOf, type GridStore } from "./grid-store";

export const ROW_HEIGHT = 32;

declare global {
  interface Window {
    /** Row renders since load, counted only with `?bench=1` (bench/submit-page/run.mjs reads it). */
    __sellthruGridRenders?: number;
  }
}

export interface GridRowProps {
  store: GridStore;
  /** Row in the store (and line number of the submission). */
  index: number;
  /** Position in the filtered list (for keyboard navigation). */
  view: number;
  showForecast: boolean;
  forecastLabels: readonly [string, string, string];
  readOnly: boolean;
}

/**
 * One SKU. Subscribes to its own row in the store, so typing re-renders this row only.
 */
export const GridRow = memo(function GridRow({ store, index, view, showForecast, forecastLabels, readOnly }: GridRowProps) {
  const subscribe = useCallback((cb: () => void) => store.subscribeRow(index, cb), [store, index]);
  const getState = useCallback(() => store.rowState(index), [store, index]);
  const s = useSyncExternalStore(subscribe, getState, getState);
  const fmt = useContext(NumberFormatContext);
  const row = store.rows[index]!;
  if (store.bench && typeof window !== "undefined") window.__sellthruGridRenders = (window.__sellthruGridRenders ?? 0) + 1;

  const expected = expectedOf(row, s);
  const diff = differenceOf(row, s);
  const overTolerance = diff !== null && Math.abs(diff) > store.tolerance;
  const errors = s.errors ?? {};
  const flags = s.flags;
  const read = "border-b border-l border-slate-200 px-2 text-right tabular-nums text-slate-600";

  return (
    <tr aria-rowindex={view + 2} style={{ height: ROW_HEIGHT }} className="group" data-flagged={flags ? "1" : undefined} data-sku={row.sku}>
      <th
        scope="row"
        className={clsx(
          "sticky left-0 z-[1] border-b border-slate-200 bg-white px-3 text-left font-medium whitespace-nowrap text-slate-900 group-hover:bg-slate-50",
          errors.sku && "text-red-700",
          flags && "border-l-4 border-l-amber-500 bg-amber-50",
        )}
        title={errors.sku ?? (flags ? flags.map((f) => f.message).join("\n") : undefined)}
      >
        <span className="font-mono text-[13px]">{row.sku}</span>
        {row.added ? <span className="ml-1.5 rounded bg-indigo-50 px-1 text-[10px] font-semibold text-indigo-700 uppercase">new</span> : null}
        {errors.sku ? <span className="sr-only"> — {errors.sku}</span> : null}
        {flags ? (
          <span className="ml-1.5 rounded bg-amber-200 px-1 text-[10px] font-semibold text-amber-950 uppercase" data-testid="row-flag">
            check<span className="sr-only">: {flags.map((f) => f.message).join(". ")}</span>
          </span>
        ) : null}
      </th>
      <td className="truncate border-b border-slate-200 px-2 text-xs text-slate-600 group-hover:bg-slate-50" title={row.description}>
        {row.description}
      </td>
      <td className={read}>{formatUnits(fmt, row.opening)}</td>
      <td className={read}>{formatUnits(fmt, row.received)}</td>
      {readOnly ? (
        <>
          <td className={clsx(read, "text-slate-900")}>{formatUnits(fmt, row.sold)}</td>
          <td className={clsx(read, "text-slate-900")}>{formatUnits(fmt, row.returned)}</td>
          <td className={clsx(read, "text-slate-900")}>{formatUnits(fmt, row.onHand)}</td>
        </>
      ) : (
        <>
          <NumberCell store={store} index={index} view={view} field="sold" value={s.sold} base={row.sold} error={errors.sold} sku={row.sku} label={FIELD_LABELS.sold} fmt={fmt} hint={row.lastSold !== null ? `Last period: ${formatUnits(fmt, row.lastSold)}` : undefined} />
          <NumberCell store={store} index={index} view={view} field="returned" value={s.returned} base={row.returned} error={errors.returned} sku={row.sku} label={FIELD_LABELS.returned} fmt={fmt} />
          <NumberCell store={store} index={index} view={view} field="onHand" value={s.onHand} base={row.onHand} error={errors.onHand} sku={row.sku} label={FIELD_LABELS.onHand} fmt={fmt} hint={row.lastOnHand !== null ? `Last period: ${formatUnits(fmt, row.lastOnHand)}` : undefined} />
        </>
      )}
      <td data-col="expected" className={clsx(read, "bg-slate-50/70 text-slate-700")}>
        {formatUnits(fmt, expected)}
      </td>
      <td
        className={clsx(
          read,
          overTolerance ? "bg-amber-100/70 font-semibold text-amber-900" : diff === 0 ? "text-slate-400" : "text-slate-700",
        )}
        title={overTolerance ? `Gap (expected − on hand) beyond ${store.tolerance} unit${store.tolerance === 1 ? "" : "s"}` : undefined}
      >
        {formatUnits(fmt, diff, true)}
        {overTolerance ? <span className="sr-only"> (beyond tolerance)</span> : null}
      </td>
      {readOnly ? (
        <td className="truncate border-b border-l border-slate-200 px-2 text-xs text-slate-700" title={row.note}>
          {row.note}
        </td>
      ) : (
        <NoteCell store={store} index={index} view={view} value={s.note} base={row.note} error={errors.note} sku={row.sku} enabled={store.hasNoteInput(index)} />
      )}
      {showForecast
        ? ([0, 1, 2] as const).map((k) =>
            readOnly ? (
              <td key={k} className={read}>
                {s.forecast[k]}
              </td>
            ) : (
              <ForecastCell key={k} store={store} index={index} view={view} k={k} value={s.forecast[k]} sku={row.sku} label={forecastLabels[k]} />
            ),
          )
        : null}
    </tr>
  );
});
