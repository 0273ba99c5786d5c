"use client";

/**
 * The bar above the grid: the SKU search (with "n of m SKUs" while it filters), the catalogue picker
 * to add a SKU, the forecast toggle, and on the right the change count, the save status, "Discard
 * changes" and the submit button. It holds no state of its own: the grid passes values and handlers.
 */
import { useContext, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import type { DraftAutosave } from "./draft-autosave";
import { NumberFormatContext, formatUnits } from "./format";
import type { GridStore } from "./grid-store";
import { ProductPicker } from "./product-picker";
import { ChangesCount, SaveStatusLine } from "./summary-parts";
import type { CatalogueProduct, GridActions } from "./types";

export interface GridToolbarProps {
  store: GridStore;
  saver: DraftAutosave;
  readOnly: boolean;
  query: string;
  onQuery: (query: string) => void;
  /** The query the list is filtered by (deferred), and how many rows it keeps. */
  filteredBy: string;
  shown: number;
  searchCatalogue: GridActions["searchCatalogue"];
  onPick: (p: CatalogueProduct) => void;
  showForecast: boolean;
  onShowForecast: (show: boolean) => void;
  hasDraft: boolean;
  submitting: boolean;
  reviewing: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onDiscard: () => void;
  /** On a phone the change count, save status and submit live in the sticky bar below the grid (SubmitBar). */
  submitInBar?: boolean;
}

export function GridToolbar(p: GridToolbarProps) {
  const { store, readOnly } = p;
  const fmt = useContext(NumberFormatContext);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <div className="relative">
        <label htmlFor="grid-search" className="sr-only">
          Search SKU
        </label>
        <input
          id="grid-search"
          type="search"
          value={p.query}
          onChange={(e) => p.onQuery(e.target.value)}
          placeholder="Search SKU or description"
          autoComplete="off"
          className="block h-8 w-64 rounded-md border-0 bg-white pr-2 pl-8 text-sm text-slate-900 shadow-xs ring-1 ring-slate-400 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
        <svg aria-hidden="true" viewBox="0 0 20 20" className="pointer-events-none absolute top-2 left-2.5 size-4 text-slate-500">
          <path fill="currentColor" fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.13 3.14a.75.75 0 1 0 1.06-1.06l-3.13-3.14A5.5 5.5 0 0 0 9 3.5M5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0" clipRule="evenodd" />
        </svg>
      </div>
      {p.filteredBy.trim() ? (
        <span className="text-xs text-slate-600 tabular-nums" aria-live="polite">
          {formatUnits(fmt, p.shown)} of {formatUnits(fmt, store.size)} SKUs
        </span>
      ) : null}
      {!readOnly ? <ProductPicker search={p.searchCatalogue} has={(sku) => store.indexOf(sku) !== undefined} onPick={p.onPick} /> : null}
      <label className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-700 select-none">
        <input type="checkbox" checked={p.showForecast} onChange={(e) => p.onShowForecast(e.target.checked)} className="size-3.5 rounded border-slate-400 accent-indigo-600" />
        Show forecast
      </label>
      {!p.submitInBar ? (
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <SubmitControls {...p} />
        </div>
      ) : null}
    </div>
  );
}

/** The change count, the save status, "Discard changes" and the submit button: in the toolbar, or in the phone's sticky bar. */
export function SubmitControls(p: Pick<GridToolbarProps, "store" | "saver" | "readOnly" | "hasDraft" | "submitting" | "reviewing" | "submitLabel" | "onSubmit" | "onDiscard">) {
  const { store, readOnly } = p;
  return (
    <>
      <ChangesCount store={store} />
      {!readOnly ? <SaveStatusLine saver={p.saver} /> : null}
      {!readOnly ? (
        <>
          <DiscardButton store={store} hasDraft={p.hasDraft} disabled={p.submitting} onDiscard={p.onDiscard} />
          <Button onClick={p.onSubmit} pending={p.submitting} disabled={p.reviewing} data-testid="submit-report">
            {p.submitting ? "Submitting…" : p.submitLabel}
          </Button>
        </>
      ) : null}
    </>
  );
}

const PHONE = "(max-width: 639.98px)";
const subscribePhone = (onChange: () => void) => {
  const m = window.matchMedia(PHONE);
  m.addEventListener("change", onChange);
  return () => m.removeEventListener("change", onChange);
};

/** True on a phone-sized screen (below Tailwind's sm); false on the server and on larger screens. */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribePhone, () => window.matchMedia(PHONE).matches, () => false);
}

/**
 * The phone's submit bar: sticky at the bottom of the screen while the report is in view, so the
 * submit button is one tap away however far down the grid the distributor has scrolled.
 */
export function SubmitBar(p: Parameters<typeof SubmitControls>[0]) {
  return (
    <div
      data-testid="submit-bar"
      className="sticky bottom-0 z-30 -mx-4 flex flex-wrap items-center justify-end gap-x-3 gap-y-1.5 border-t border-slate-200 bg-white px-4 pt-2.5 pb-[max(0.625rem,env(safe-area-inset-bottom))] shadow-[0_-2px_6px_rgb(0_0_0/0.06)]"
    >
      <SubmitControls {...p} />
    </div>
  );
}

/** Shown once there is something to discard. */
function DiscardButton({ store, hasDraft, disabled, onDiscard }: { store: GridStore; hasDraft: boolean; disabled: boolean; onDiscard: () => void }) {
  const changed = useSyncExternalStore(store.subscribeSummary, () => store.summary().changed, () => store.summary().changed);
  if (!changed && !hasDraft) return null;
  return (
    <Button variant="ghost" size="sm" onClick={onDiscard} disabled={disabled}>
      Discard changes
    </Button>
  );
}
