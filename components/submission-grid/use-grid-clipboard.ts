"use client";

/**
 * Copy and paste, delegated from the table. A block pasted from a spreadsheet fills the editable
 * columns to the right of the focused cell and the rows below it (in the filtered order), validates
 * what it wrote and announces how much it filled and ignored; a single value is left to the input.
 * Copying a whole cell copies its stored value (the raw number, not the formatted one).
 */
import type { ClipboardEvent } from "react";
import { FORECAST_FIELDS, NUM_FIELDS, type ColKey, type EditField, type ForecastField, type GridStore } from "./grid-store";
import { isBlock, parseClipboardBlock } from "./paste";

export function useGridClipboard({ store, filtered, announce }: { store: GridStore; filtered: number[]; announce: (message: string) => void }) {
  function onPaste(e: ClipboardEvent<HTMLTableElement>) {
    const t = e.target as HTMLInputElement;
    if (t.tagName !== "INPUT" || !t.dataset.col) return;
    const text = e.clipboardData.getData("text/plain");
    if (!isBlock(text)) return; // one value: the input's own paste
    e.preventDefault();
    const block = parseClipboardBlock(text);
    const startView = Number(t.dataset.view);
    const col = t.dataset.col as ColKey;
    // A block fills the editable quantity columns to the right, skipping read-only ones.
    const targets: (EditField | ForecastField)[] = (NUM_FIELDS as readonly ColKey[]).includes(col)
      ? [...NUM_FIELDS.slice(NUM_FIELDS.indexOf(col as (typeof NUM_FIELDS)[number]))]
      : col === "note"
        ? ["note"]
        : [...FORECAST_FIELDS.slice(FORECAST_FIELDS.indexOf(col as ForecastField))];
    let cells = 0;
    let ignored = 0;
    let rowsFilled = 0;
    const touched: [number, EditField][] = [];
    block.forEach((values, r) => {
      const i = filtered[startView + r];
      if (i === undefined) {
        ignored += values.length;
        return;
      }
      rowsFilled++;
      values.forEach((v, c) => {
        const f = targets[c];
        if (!f) {
          if (v.trim() !== "") ignored++;
          return;
        }
        if (f.startsWith("f") && f !== ("note" as string)) store.setForecast(i, (Number(f.slice(1)) - 1) as 0 | 1 | 2, v.trim());
        else {
          store.setText(i, f as EditField, v);
          touched.push([i, f as EditField]);
        }
        cells++;
      });
    });
    for (const [i, f] of touched) store.validateCell(i, f);
    const msg = `Pasted ${cells} cell${cells === 1 ? "" : "s"} into ${rowsFilled} row${rowsFilled === 1 ? "" : "s"}${ignored ? `; ${ignored} value${ignored === 1 ? "" : "s"} beyond the grid ignored` : ""}`;
    announce(msg);
    // The focused cell shows its new value.
    requestAnimationFrame(() => t.select());
  }

  function onCopy(e: ClipboardEvent<HTMLTableElement>) {
    const t = e.target as HTMLInputElement;
    if (t.tagName !== "INPUT" || !t.dataset.col) return;
    const start = t.selectionStart ?? 0;
    const end = t.selectionEnd ?? 0;
    if (end > start && end - start < t.value.length) return; // part of the text: the browser copies it
    e.preventDefault();
    const index = Number(t.dataset.index);
    const col = t.dataset.col as ColKey;
    const s = store.rowState(index);
    const value = col.startsWith("f") ? s.forecast[Number(col.slice(1)) - 1]! : col === "note" ? s.note : s[col as EditField];
    e.clipboardData.setData("text/plain", typeof value === "number" ? String(value) : String(value));
  }

  return { onPaste, onCopy };
}
