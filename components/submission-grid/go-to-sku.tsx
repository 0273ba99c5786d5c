"use client";

/**
 * "Go to SKU" (`/`): type part of a SKU, Enter focuses that row's Sold cell without filtering the
 * grid. The best match is shown as you type: the SKU itself, else the first starting with the
 * text, else the first containing it.
 */
import { forwardRef, useState } from "react";
import type { GridStore } from "./grid-store";
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

export const GoToSku = forwardRef<HTMLInputElement, { store: GridStore; onGo: (index: number) => void }>(function GoToSku({ store, onGo }, ref) {
  const [text, setText] = useState("");
  const match = findSku(store, text);
  return (
    <div className="relative flex items-center gap-1.5">
      <label htmlFor="go-to-sku" className="text-xs font-medium text-slate-700">
        Go to SKU <Kbd>/</Kbd>
      </label>
      <input
        ref={ref}
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
            onGo(match);
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
