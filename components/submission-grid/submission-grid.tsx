"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { NumberFormatContext, formatUnits, useNumberFormat } from "./format";
import { GridRow } from "./grid-row";
import { GridNotices, useNotices } from "./grid-notices";
import { GridColGroup, GridHead, gridWidth } from "./grid-table-head";
import { GridToolbar, SubmitBar, usePhone } from "./grid-toolbar";
import { ProductPicker } from "./product-picker";
import { ErrorSummary, GridTotals } from "./summary-parts";
import { ConflictPanel } from "./conflict-panel";
import type { CatalogueProduct, GridActions, GridInput } from "./types";
import { useGridClipboard } from "./use-grid-clipboard";
import { useGridKeyboard } from "./use-grid-keyboard";
import { useGridRows, visibleRows } from "./use-grid-rows";
import { useGridSession, useGridStore } from "./use-grid-session";
import { useGridSubmit } from "./use-grid-submit";
// Issue 4: the file upload fills the grid through `store.applyChanges` (components/upload).
import { UploadPanel, type ApplyUpload } from "@/components/upload/upload-panel";
import { AbsentSkusPrompt, type AbsentChoice } from "./absent-skus-prompt";
import { GoToSku, type GoToSkuHandle } from "./go-to-sku";
import { ReviewPanel } from "./review-panel";
import { Kbd, ShortcutsPanel } from "./shortcuts-panel";
import { useGridShortcuts } from "./use-grid-shortcuts";

export interface SubmissionGridProps {
  input: GridInput;
  actions: GridActions;
}

/**
 * The distributor's report as a spreadsheet: one row per SKU, Sold / Returned / On hand editable,
 * Expected and Gap (expected − on hand) live, changed cells marked and counted, drafts saved as you type,
 * Excel paste, keyboard navigation, virtualised rows (2,000 SKUs stay fast).
 *
 * This component lays the parts out; the state lives in the store (`grid-store.ts`, rows subscribe
 * to their own state) and the behaviour in hooks: `use-grid-session` (store, autosave, restore),
 * `use-grid-submit`, `use-grid-rows` (search and virtualiser), `use-grid-keyboard`, `use-grid-clipboard`.
 */
export function SubmissionGrid({ input, actions }: SubmissionGridProps) {
  const readOnly = input.closed;
  const { store, saver, onAutosaveEvent } = useGridStore(input, actions);
  const fmt = useNumberFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const { query, setQuery, deferredQuery, filtered, virtualizer } = useGridRows(store, scrollRef);
  const [showForecast, setShowForecast] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const { notices, addNotice, dismissNotice } = useNotices();
  const { submit, reviewTheirs, discard, submitting, reviewing, conflict, formError, errorFocus, onSubmittedElsewhere, review, confirms, confirm } = useGridSubmit({ input, actions, store, saver });
  useGridSession({ input, store, saver, onAutosaveEvent, sectionRef, addNotice, onSubmittedElsewhere });
  const { onKeyDown, goTo, focusLater } = useGridKeyboard({ store, filtered, virtualizer, tableRef, showForecast, setQuery, announce: setAnnouncement });
  const { onPaste, onCopy } = useGridClipboard({ store, filtered, announce: setAnnouncement });
  const goToRef = useRef<GoToSkuHandle>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const toggleShortcuts = useCallback(() => setShowShortcuts((v) => !v), []);
  useGridShortcuts({ store, goTo, goToRef, toggleShortcuts, announce: setAnnouncement });
  // "Fix in the grid" (an exception's link): land on that SKU's On hand once, when the grid opens.
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || !input.focusSku) return;
    focused.current = true;
    const i = store.indexOf(input.focusSku);
    if (i !== undefined) goTo(i, "onHand");
  }, [input.focusSku, store, goTo]);
  const [absent, setAbsent] = useState<{ indexes: number[] } | null>(null);
  const phone = usePhone();

  /** An upload fills the grid; SKUs it left out are never silently kept at last period's numbers. */
  function applyUpload(u: ApplyUpload) {
    const outcome = store.applyChanges(u.lines, u.uploadId, u.products);
    const inFile = new Set(u.lines.map((l) => l.sku.toUpperCase()));
    if (u.kind === "pos_lines") {
      // A line-level POS report lists every sale: a SKU it does not mention sold nothing.
      const zeroed = store.applyAbsent(inFile, "zeroSales");
      setAbsent(null);
      if (zeroed.length) setAnnouncement(`${zeroed.length} SKUs not in the file: Sold and Returned set to 0`);
      return { ...outcome, zeroed: zeroed.length };
    }
    const left = store.applyAbsent(inFile, "none");
    setAbsent(left.length ? { indexes: left } : null);
    return outcome;
  }

  function chooseAbsent(choice: AbsentChoice) {
    if (!absent) return;
    if (choice === "zero") {
      const keep = new Set(store.rows.filter((_, i) => !absent.indexes.includes(i)).map((r) => r.sku.toUpperCase()));
      store.applyAbsent(keep, "zeroAll");
    }
    if (choice === "leave" && absent.indexes.length) goTo(absent.indexes[0]!, "sold");
    setAnnouncement(choice === "keep" ? "Kept last period’s numbers" : choice === "zero" ? "Set to 0" : "Left for you to fill in");
    setAbsent(null);
  }

  function addProduct(p: CatalogueProduct) {
    const existing = store.indexOf(p.sku);
    const i = existing ?? store.addRow(p);
    focusLater(i, "sold");
    setAnnouncement(existing === undefined ? `${p.sku} added with zeros; enter its numbers` : `${p.sku} is already in the grid`);
  }

  const submitLabel = input.revision ? `Submit revision ${input.revision + 1}` : `Submit ${input.periodLabel}`;
  const { items, padTop, padBottom } = visibleRows(virtualizer);
  const colCount = 10 + (showForecast ? 3 : 0);
  const width = gridWidth(showForecast);

  if (store.size === 0) {
    return (
      <EmptyState
        title="No SKUs to report yet"
        description={`${input.periodLabel} has no sell-in, stock or sales of Halcyon products for you in the last 12 months, so there is nothing to prefill. If you sold or hold any of our products, add them from the catalogue and enter their numbers.`}
        action={<ProductPicker search={actions.searchCatalogue} has={(sku) => store.indexOf(sku) !== undefined} onPick={addProduct} autoFocus />}
        className="py-14"
      />
    );
  }

  // What the toolbar and, on a phone, the bar at the bottom need to submit or discard.
  const submitProps = { hasDraft: input.draft !== null, submitting, reviewing, submitLabel, onSubmit: () => submit(), onDiscard: () => void discard() };

  return (
    <NumberFormatContext.Provider value={fmt}>
      <section ref={sectionRef} aria-label={`Report for ${input.periodLabel}`} data-testid="submission-grid" className="space-y-3" data-bench={input.bench ? "1" : undefined}>
        {/* Issue 4: upload a POS / inventory file and apply its figures as changes to review. */}
        {!readOnly ? (
          <UploadPanel period={input.period} periodLabel={input.periodLabel} onApply={applyUpload} actions={actions} />
        ) : null}
        <GridToolbar
          store={store}
          saver={saver}
          readOnly={readOnly}
          query={query}
          onQuery={setQuery}
          filteredBy={deferredQuery}
          shown={filtered.length}
          searchCatalogue={actions.searchCatalogue}
          onPick={addProduct}
          showForecast={showForecast}
          onShowForecast={setShowForecast}
          {...submitProps}
          submitInBar={phone && !readOnly}
        />

        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>

        <GridNotices notices={notices} saver={saver} onDismiss={dismissNotice} />
        {absent ? <AbsentSkusPrompt count={absent.indexes.length} skus={absent.indexes.map((i) => store.rows[i]!.sku)} onChoose={chooseAbsent} /> : null}
        {review && !readOnly ? (
          <ReviewPanel
            review={review}
            confirms={confirms}
            onConfirm={confirm}
            onGoTo={(sku) => {
              const i = store.indexOf(sku);
              if (i === undefined) return;
              const kinds = store.rowState(i).flags?.map((f) => f.kind) ?? [];
              goTo(i, kinds.includes("impossible") || kinds.includes("outlier") ? "sold" : "onHand");
            }}
            onConfirmAll={() => submit({ confirmAll: true })}
            onSubmit={() => submit()}
            submitting={submitting}
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <GoToSku ref={goToRef} store={store} onGo={(i, field) => goTo(i, field)} />
          <span className="text-xs text-slate-600">
            <Kbd>F8</Kbd> next flagged row
          </span>
          <button
            type="button"
            onClick={toggleShortcuts}
            aria-expanded={showShortcuts}
            data-testid="shortcuts-toggle"
            className="ml-auto rounded text-xs font-medium text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900"
          >
            Keyboard shortcuts <Kbd>?</Kbd>
          </button>
        </div>
        <ShortcutsPanel open={showShortcuts} onClose={() => setShowShortcuts(false)} />

        {conflict ? <ConflictPanel conflict={conflict} reviewing={reviewing} onReview={() => void reviewTheirs(conflict.latestRevision)} /> : null}
        <ErrorSummary store={store} formError={formError} onGoTo={goTo} focusKey={errorFocus} />

        {/* The grid */}
        <div
          ref={scrollRef}
          role="region"
          aria-label={`${input.periodLabel} by SKU`}
          tabIndex={readOnly ? 0 : undefined}
          className="relative max-h-[max(24rem,calc(100dvh-17rem))] overflow-auto rounded-lg border border-slate-300 bg-white shadow-xs"
        >
          <table
            ref={tableRef}
            aria-rowcount={filtered.length + 2}
            className="table-fixed border-separate border-spacing-0 text-sm"
            style={{ width: `max(100%, ${width}px)` }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onCopy={onCopy}
          >
            <caption className="sr-only">
              {input.periodLabel}: one row per SKU. Sold, Returned and On hand are editable; arrow keys, Tab and Enter move between cells, typing replaces a
              value, Escape reverts it, and a block pasted from a spreadsheet fills cells to the right and down.
            </caption>
            <GridColGroup showForecast={showForecast} />
            <GridHead showForecast={showForecast} forecastLabels={input.forecastLabels} differenceTolerance={input.differenceTolerance} />
            <tbody>
              {padTop > 0 ? (
                <tr aria-hidden="true" style={{ height: padTop }}>
                  <td colSpan={colCount} />
                </tr>
              ) : null}
              {items.map((it) => {
                const index = filtered[it.index]!;
                return (
                  <GridRow
                    key={index}
                    store={store}
                    index={index}
                    view={it.index}
                    showForecast={showForecast}
                    forecastLabels={input.forecastLabels}
                    readOnly={readOnly}
                  />
                );
              })}
              {padBottom > 0 ? (
                <tr aria-hidden="true" style={{ height: padBottom }}>
                  <td colSpan={colCount} />
                </tr>
              ) : null}
              {filtered.length === 0 ? (
                <tr>
                  <td colSpan={colCount} className="px-3 py-8 text-center text-sm text-slate-600">
                    No SKU matches “{deferredQuery}”.{" "}
                    {!readOnly ? "Add it from the catalogue with the box above if you carry it." : null}
                  </td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <GridTotals store={store} showForecast={showForecast} rowIndex={filtered.length + 2} />
            </tfoot>
          </table>
        </div>
        <p className="text-xs text-slate-600">
          {input.revision
            ? `Starting from revision ${input.revision}: change what is wrong and submit a new revision.`
            : "Sold and On hand start from last period’s report, Returned from 0: change only what changed."}{" "}
          Expected = Opening + Received − Sold − Returned; Gap = Expected − On hand (ours − yours, the same gap the manufacturer sees). Submitting sends all {formatUnits(fmt, store.size)} lines at once.
          {showForecast ? " Forecasts are kept in this browser only; they are not part of the submission yet." : ""}
        </p>
        {phone && !readOnly ? (
          <SubmitBar store={store} saver={saver} readOnly={readOnly} {...submitProps} />
        ) : null}
      </section>
    </NumberFormatContext.Provider>
  );
}
