"use client";

/**
 * Spreadsheet keyboard navigation and focus management. Cells are found by their data attributes
 * (`data-view`, `data-col`); `onKeyDown` is delegated from the table: arrows, Ctrl+arrows, Page
 * Up/Down, Enter, Tab (skipping rows without a note input), Escape to revert, F2 to edit in place.
 * `focusCell` scrolls a virtualised row into view before focusing it; `goTo` and `focusLater` reach a
 * row the search currently hides by clearing the search and focusing once the list re-rendered.
 */
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from "react";
import { FIELD_LABELS } from "@/lib/validation/submission";
import { FORECAST_FIELDS, NUM_FIELDS, type ColKey, type EditField, type ErrorField, type GridStore } from "./grid-store";
import type { useGridRows } from "./use-grid-rows";

export interface GridKeyboardOptions {
  store: GridStore;
  filtered: number[];
  virtualizer: ReturnType<typeof useGridRows>["virtualizer"];
  tableRef: RefObject<HTMLTableElement | null>;
  showForecast: boolean;
  setQuery: (query: string) => void;
  announce: (message: string) => void;
}

export function useGridKeyboard({ store, filtered, virtualizer, tableRef, showForecast, setQuery, announce }: GridKeyboardOptions) {
  const focusRequest = useRef<{ index: number; col: ColKey } | null>(null);
  const cols: ColKey[] = useMemo(() => (showForecast ? [...NUM_FIELDS, "note", ...FORECAST_FIELDS] : [...NUM_FIELDS, "note"]), [showForecast]);

  const navigable = useCallback(
    (view: number, col: ColKey) => {
      const i = filtered[view];
      if (i === undefined) return false;
      return col !== "note" || store.hasNoteInput(i);
    },
    [filtered, store],
  );

  const focusCell = useCallback(
    (view: number, col: ColKey) => {
      if (view < 0 || view >= filtered.length) return;
      virtualizer.scrollToIndex(view, { align: "auto" });
      let tries = 0;
      const attempt = () => {
        const el = tableRef.current?.querySelector<HTMLInputElement>(`input[data-view="${view}"][data-col="${col}"]`);
        if (el) {
          el.focus({ preventScroll: true });
          el.scrollIntoView({ block: "nearest", inline: "nearest" });
          return;
        }
        if (++tries < 30) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [filtered.length, virtualizer, tableRef],
  );

  // A cell asked for before the list re-rendered (a row just added, a search just cleared).
  useEffect(() => {
    const req = focusRequest.current;
    if (!req) return;
    const view = filtered.indexOf(req.index);
    if (view < 0) return;
    focusRequest.current = null;
    focusCell(view, req.col);
  }, [filtered, focusCell]);

  /** Focuses a row's cell once the list shows it, clearing the search. */
  const focusLater = useCallback(
    (index: number, col: ColKey) => {
      focusRequest.current = { index, col };
      setQuery("");
    },
    [setQuery],
  );

  const goTo = useCallback(
    (index: number, field: ErrorField) => {
      const col: ColKey = field === "sku" ? "sold" : field;
      const view = filtered.indexOf(index);
      if (view >= 0) focusCell(view, col);
      else focusLater(index, col);
    },
    [filtered, focusCell, focusLater],
  );

  function move(view: number, col: ColKey, dRow: number, dCol: number): boolean {
    if (dRow) {
      let v = view + dRow;
      while (v >= 0 && v < filtered.length && !navigable(v, col)) v += dRow > 0 ? 1 : -1;
      if (v < 0 || v >= filtered.length) {
        v = Math.max(0, Math.min(filtered.length - 1, view + dRow));
        if (!navigable(v, col)) return false;
      }
      focusCell(v, col);
      return true;
    }
    let c = cols.indexOf(col) + dCol;
    while (c >= 0 && c < cols.length && !navigable(view, cols[c]!)) c += dCol;
    if (c < 0 || c >= cols.length) return false;
    focusCell(view, cols[c]!);
    return true;
  }

  function tab(view: number, col: ColKey, back: boolean): boolean {
    let v = view;
    let c = cols.indexOf(col);
    for (let guard = 0; guard < cols.length * 3; guard++) {
      c += back ? -1 : 1;
      if (c >= cols.length) {
        c = 0;
        v++;
      } else if (c < 0) {
        c = cols.length - 1;
        v--;
      }
      if (v < 0 || v >= filtered.length) return false;
      if (navigable(v, cols[c]!)) {
        focusCell(v, cols[c]!);
        return true;
      }
    }
    return false;
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    const t = e.target as HTMLInputElement;
    if (t.tagName !== "INPUT" || !t.dataset.col) return;
    const view = Number(t.dataset.view);
    const index = Number(t.dataset.index);
    const col = t.dataset.col as ColKey;
    const editing = t.dataset.editing === "1";
    const isText = col === "note";
    const mod = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case "ArrowUp":
      case "ArrowDown":
        if (e.altKey || e.shiftKey) return;
        e.preventDefault();
        if (mod) focusCell(e.key === "ArrowUp" ? 0 : filtered.length - 1, col);
        else move(view, col, e.key === "ArrowUp" ? -1 : 1, 0);
        return;
      case "ArrowLeft":
      case "ArrowRight":
        if (editing || isText || e.shiftKey || e.altKey) return;
        e.preventDefault();
        move(view, col, 0, e.key === "ArrowLeft" ? -1 : 1);
        return;
      case "PageUp":
      case "PageDown":
        e.preventDefault();
        focusCell(Math.max(0, Math.min(filtered.length - 1, view + (e.key === "PageUp" ? -15 : 15))), col === "note" ? "sold" : col);
        return;
      case "Enter":
        e.preventDefault();
        if (!move(view, col, e.shiftKey ? -1 : 1, 0)) {
          t.blur();
          t.focus();
        }
        return;
      case "Tab":
        if (tab(view, col, e.shiftKey)) e.preventDefault();
        return;
      case "Escape": {
        e.preventDefault();
        if (col.startsWith("f")) store.setForecast(index, (Number(col.slice(1)) - 1) as 0 | 1 | 2, "");
        else store.revert(index, col as EditField);
        t.dataset.editing = "";
        requestAnimationFrame(() => t.select());
        announce(`${FIELD_LABELS[col as EditField] ?? "Forecast"} of ${store.rows[index]!.sku} reverted`);
        return;
      }
      case "F2": {
        e.preventDefault();
        t.dataset.editing = "1";
        const end = t.value.length;
        t.setSelectionRange(end, end);
        return;
      }
      default:
        return;
    }
  }

  return { onKeyDown, goTo, focusLater };
}
