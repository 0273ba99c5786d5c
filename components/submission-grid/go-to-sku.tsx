"use client";

/**
 * "Go to SKU": `/`, or simply typing letters in a quantity cell (type to jump — a quantity never holds
 * a letter), opens the box with what was typed; Enter focuses that row in the column the user came
 * from (Sold when they came from elsewhere) without filtering the grid. The best match is shown as
 * you type: the SKU itself, else the first starting with the text, else the first containing it.
 * Ten scattered cells take about three actions each: the SKU's letters, Enter, the value.
 */
import { forwardRef, useImperativeHandle, useRef, useState } from "react";
import type { GridStore } from "./grid-store";
import type { NumField } from "./grid-model";
import { Kbd } from "./shortcuts-panel";

export function findSku(store: GridStore, text: string): number | undefined {
  const q = text.trim().toUpperCase();
  if (!q) return undefined;
  const exact = store.indexOf(q);
  if (exact !== undefined) return exact;
  const rows = store.rows;
  const starts = rows.findIndex((r) => r.sku.toUpperCase().startsWith(q));
  if (starts >= 0) return starts;
  const has = rows.findIndex((r) => r.sku.toUpperCase().includes(q));
  return has >= 0 ? has : undefined;
}

/** Opens the box with `text` typed, remembering the column to land in. */
export interface GoToSkuHandle {
  begin: (text: string, field: NumField) => void;
}

export const GoToSku = forwardRef<GoToSkuHandle, { store: GridStore; onGo: (index: number, field: NumField) => void }>(function GoToSku({ store, onGo }, ref) {
  const [text, setText] = useState("");
  const field = useRef<NumField>("sold");
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    begin(seed, f) {
      field.current = f;
      setText(seed);
      const el = input.current;
      if (!el) return;
      // The DOM value too, at once: the next key may arrive before React renders the seed.
      el.value = seed;
      el.focus();
      el.setSelectionRange(seed.length, seed.length);
    },
  }));
  const match = findSku(store, text);
  return (
    <div className="relative flex items-center gap-1.5">
      <label htmlFor="go-to-sku" className="text-xs font-medium text-slate-700">
        Go to SKU <Kbd>/</Kbd>
      </label>
      <input
        ref={input}
        id="go-to-sku"
        data-testid="go-to-sku"
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && match !== undefined) {
            e.preventDefault();
            setText("");
            onGo(match, field.current);
            field.current = "sold";
          } else if (e.key === "Escape") setText("");
        }}
        aria-describedby="go-to-sku-match"
        className="block h-8 w-32 rounded-md border-0 bg-white px-2 font-mono text-xs text-slate-900 shadow-xs ring-1 ring-slate-400 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
      />
      <span id="go-to-sku-match" aria-live="polite" className="min-w-16 font-mono text-[11px] text-slate-600">
        {text.trim() ? (match !== undefined ? `→ ${store.rows[match]!.sku}` : "no match") : ""}
      </span>
    </div>
  );
});
