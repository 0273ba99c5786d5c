"use client";

import { memo, useLayoutEffect, useRef, useState, type MouseEvent } from "react";
import { clsx } from "clsx";
import type { DraftValue } from "@/lib/validation/submission";
import { displayValue, editValue } from "./format";
import { valueOfText, type ColKey, type EditField, type GridStore, type NumField } from "./grid-store";

/**
 * Cells are inputs styled as spreadsheet cells. The grid handles navigation keys, paste and copy by
 * event delegation (see use-grid-keyboard.ts, use-grid-clipboard.ts) and finds a cell by its data
 * attributes: `data-view` (row position in the filtered list), `data-index` (row in the store), `data-col`.
 * A focused cell has its content selected, so typing replaces it; F2 or a double click edits it
 * in place (the arrow keys then move the caret).
 */

const cellInput =
  "block h-full w-full border-0 bg-transparent px-2 text-sm text-slate-900 outline-none " +
  "focus:bg-white focus:shadow-[inset_0_0_0_2px_var(--color-indigo-600)] " +
  "aria-[invalid=true]:shadow-[inset_0_0_0_2px_var(--color-red-600)] aria-[invalid=true]:bg-red-50";

/** Keeps the selection-on-focus behaviour of a spreadsheet: the first mouse press selects the cell. */
function selectOnPress(e: MouseEvent<HTMLInputElement>) {
  const el = e.currentTarget;
  if (document.activeElement !== el) {
    e.preventDefault();
    el.focus({ preventScroll: true });
  }
}

function enterEditMode(e: MouseEvent<HTMLInputElement>) {
  const el = e.currentTarget;
  el.dataset.editing = "1";
  const end = el.value.length;
  el.setSelectionRange(end, end);
}

interface NumberCellProps {
  store: GridStore;
  index: number;
  view: number;
  field: NumField;
  value: DraftValue;
  base: number;
  error: string | undefined;
  sku: string;
  label: string;
  fmt: Intl.NumberFormat;
  /** Shown in the tooltip: "Last period: 700". */
  hint?: string;
}

export const NumberCell = memo(function NumberCell({ store, index, view, field, value, base, error, sku, label, fmt, hint }: NumberCellProps) {
  const ref = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
  // The exact text typed while focused (so "1,2" is not re-rendered as "1.2" under the caret).
  const [local, setLocal] = useState<{ text: string; value: DraftValue } | null>(null);
  const selectNext = useRef(false);
  const changed = typeof value !== "number" || value !== base;
  const id = `c${index}-${field}`;

  useLayoutEffect(() => {
    if (focused && selectNext.current) {
      selectNext.current = false;
      ref.current?.select();
    }
  }, [focused]);

  const text = focused ? (local && Object.is(local.value, value) ? local.text : editValue(value)) : displayValue(fmt, value);
  const describedBy = clsx(error && `${id}-err`, changed && `${id}-chg`) || undefined;
  const baseText = displayValue(fmt, base);

  return (
    <td
      className={clsx(
        "relative border-b border-l border-slate-200 p-0",
        changed ? "bg-amber-50" : "bg-white",
        error && "bg-red-50",
      )}
    >
      {changed ? (
        <span aria-hidden="true" className="pointer-events-none absolute top-0 right-0 size-0 border-t-[7px] border-l-[7px] border-t-amber-500 border-l-transparent" />
      ) : null}
      <input
        ref={ref}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        aria-label={`${label}, ${sku}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        title={error ?? (changed ? `Changed — was ${baseText}${hint ? ` · ${hint}` : ""}` : hint)}
        data-view={view}
        data-index={index}
        data-col={field}
        data-changed={changed ? "1" : undefined}
        value={text}
        className={clsx(cellInput, "text-right tabular-nums", changed && "font-medium text-amber-950")}
        onMouseDown={selectOnPress}
        onDoubleClick={enterEditMode}
        onFocus={() => {
          selectNext.current = true;
          setLocal(null);
          setFocused(true);
        }}
        onBlur={(e) => {
          e.currentTarget.dataset.editing = "";
          setFocused(false);
          setLocal(null);
          store.validateCell(index, field);
        }}
        onChange={(e) => {
          const t = e.target.value;
          const v = valueOfText(t);
          setLocal({ text: t, value: v });
          store.setValue(index, field, v);
        }}
      />
      {error ? (
        <span id={`${id}-err`} className="sr-only">
          {error}
        </span>
      ) : null}
      {changed ? (
        <span id={`${id}-chg`} className="sr-only">
          Changed, was {baseText}
        </span>
      ) : null}
    </td>
  );
});

interface NoteCellProps {
  store: GridStore;
  index: number;
  view: number;
  value: string;
  base: string;
  error: string | undefined;
  sku: string;
  /** Without a difference (and no note) there is nothing to explain: no input. */
  enabled: boolean;
}

export const NoteCell = memo(function NoteCell({ store, index, view, value, base, error, sku, enabled }: NoteCellProps) {
  const changed = value !== base;
  const id = `c${index}-note`;
  if (!enabled) {
    return (
      <td className="border-b border-l border-slate-200 bg-white px-2 text-xs text-slate-400">
        <span aria-hidden="true">—</span>
      </td>
    );
  }
  return (
    <td className={clsx("relative border-b border-l border-slate-200 p-0", changed ? "bg-amber-50" : "bg-white", error && "bg-red-50")}>
      <input
        id={id}
        type="text"
        autoComplete="off"
        maxLength={500}
        placeholder="Explain the difference…"
        aria-label={`Note, ${sku}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        title={error ?? (value || undefined)}
        data-view={view}
        data-index={index}
        data-col="note"
        value={value}
        className={clsx(cellInput, "truncate text-xs placeholder:text-transparent group-hover:placeholder:text-slate-500 focus:placeholder:text-slate-500")}
        onMouseDown={selectOnPress}
        onDoubleClick={enterEditMode}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={(e) => {
          e.currentTarget.dataset.editing = "";
          store.validateCell(index, "note");
        }}
        onChange={(e) => store.setText(index, "note", e.target.value)}
      />
      {error ? (
        <span id={`${id}-err`} className="sr-only">
          {error}
        </span>
      ) : null}
    </td>
  );
});

interface ForecastCellProps {
  store: GridStore;
  index: number;
  view: number;
  k: 0 | 1 | 2;
  value: string;
  sku: string;
  label: string;
}

export const ForecastCell = memo(function ForecastCell({ store, index, view, k, value, sku, label }: ForecastCellProps) {
  const bad = value.trim() !== "" && (typeof valueOfText(value) !== "number" || (valueOfText(value) as number) < 0 || !Number.isInteger(valueOfText(value)));
  const id = `c${index}-f${k + 1}`;
  return (
    <td className={clsx("border-b border-l border-slate-200 p-0", bad ? "bg-red-50" : "bg-sky-50/40")}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
        aria-label={`Forecast ${label}, ${sku}`}
        aria-invalid={bad ? true : undefined}
        title={bad ? "A forecast is a whole number of units, 0 or more" : undefined}
        data-view={view}
        data-index={index}
        data-col={`f${k + 1}` as ColKey}
        value={value}
        className={clsx(cellInput, "text-right tabular-nums")}
        onMouseDown={selectOnPress}
        onDoubleClick={enterEditMode}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={(e) => {
          e.currentTarget.dataset.editing = "";
        }}
        onChange={(e) => store.setForecast(index, k, e.target.value)}
      />
    </td>
  );
});

export type { EditField };
