"use client";

import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  useTransition,
  type ClipboardEvent,
  type KeyboardEvent,
} from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { clsx } from "clsx";
import { FIELD_LABELS, parseSubmissionBody } from "@/lib/validation/submission";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DraftAutosave, readSession, type AutosaveEvent, type HeldConflict } from "./draft-autosave";
import { NumberFormatContext, displayValue, formatUnits, useNumberFormat } from "./format";
import { GridRow, ROW_HEIGHT } from "./grid-row";
import {
  FORECAST_FIELDS,
  GridStore,
  NUM_FIELDS,
  type ColKey,
  type EditField,
  type ErrorField,
  type ForecastField,
} from "./grid-store";
import { isBlock, parseClipboardBlock } from "./paste";
import { ProductPicker } from "./product-picker";
import { ChangesCount, ErrorSummary, GridTotals, SaveStatusLine } from "./summary-parts";
import { ConflictPanel, type ConflictInfo } from "./conflict-panel";
import type { GridActions, GridInput, SubmitActionState } from "./types";
// Issue 4: the file upload fills the grid through `store.applyChanges` (components/upload).
import { UploadPanel } from "@/components/upload/upload-panel";

const HEAD_HEIGHT = 36;
const FOOT_HEIGHT = 34;
const COLS = { sku: 132, description: 230, num: 88, edit: 100, note: 210, forecast: 92 };

interface Notice {
  id: number;
  tone: "info" | "warning";
  text: string;
  held?: HeldConflict[];
}

export interface SubmissionGridProps {
  input: GridInput;
  actions: GridActions;
}

/**
 * The distributor's report as a spreadsheet: one row per SKU, Sold / Returned / On hand editable,
 * Expected and Difference live, changed cells marked and counted, drafts saved as you type,
 * Excel paste, keyboard navigation, virtualised rows (2,000 SKUs stay fast).
 */
export function SubmissionGrid({ input, actions }: SubmissionGridProps) {
  const readOnly = input.closed;
  const [store] = useState(() => {
    const s = new GridStore(input);
    if (input.draft) s.applyDraft(input.draft.cells);
    return s;
  });
  const onAutosaveEvent = useRef<(e: AutosaveEvent) => void>(() => {});
  const storageKey = `sellthru:unsaved:${input.distributorCode}:${input.period}`;
  const forecastKey = `sellthru:forecast:${input.distributorCode}:${input.period}`;
  const reviewKey = `sellthru:review:${input.distributorCode}:${input.period}`;
  const [saver] = useState(
    () =>
      new DraftAutosave(store, {
        period: input.period,
        baseRevision: input.revision,
        version: input.draft?.version ?? 0,
        storageKey,
        save: actions.saveDraft,
        onEvent: (e) => onAutosaveEvent.current(e),
        initial: input.draft ? { kind: "saved", at: input.draft.updatedAt, by: input.draft.updatedByName } : { kind: "clean" },
      }),
  );
  const fmt = useNumberFormat();
  const listVersion = useSyncExternalStore(store.subscribeList, store.listVersion, store.listVersion);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const [showForecast, setShowForecast] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [errorFocus, setErrorFocus] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [idempotencyKey, setIdempotencyKey] = useState(input.idempotencyKey);
  const [submitting, startSubmit] = useTransition();
  const [reviewing, setReviewing] = useState(false);
  const submitGuard = useRef(false);
  const noticeSeq = useRef(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const focusRequest = useRef<{ index: number; col: ColKey } | null>(null);

  const addNotice = useCallback((n: Omit<Notice, "id">) => {
    const id = ++noticeSeq.current;
    setNotices((list) => [...list.filter((x) => !(n.held && x.held)), { ...n, id }]);
  }, []);

  useEffect(() => {
    onAutosaveEvent.current = (e: AutosaveEvent) => {
      if (e.type === "merged") {
        addNotice({ tone: "info", text: `A colleague saved this draft meanwhile: ${e.cells} of their cell${e.cells === 1 ? "" : "s"} merged into your grid.` });
      } else if (e.type === "conflict") {
        addNotice({
          tone: "warning",
          text: `A colleague changed ${e.conflicts.length === 1 ? "a cell" : `${e.conflicts.length} cells`} you also changed.${e.adopted ? ` ${e.adopted} other cell${e.adopted === 1 ? "" : "s"} of theirs merged.` : ""} Which numbers should the draft keep?`,
          held: e.conflicts,
        });
      } else if (e.type === "discarded") {
        addNotice({ tone: "info", text: "The shared draft was discarded by a colleague; your edits were saved as a new draft." });
      } else if (e.type === "submitted") {
        setConflict({ latestRevision: e.latestRevision, submittedAt: null, submittedBy: null, differences: [], differenceCount: 0, fromDraft: true });
      }
    };
  }, [addNotice]);

  // After hydration: restore what this tab typed but the server has not confirmed, the forecast
  // kept in this browser, then start saving.
  useEffect(() => {
    let restored = 0;
    const stored = readSession(storageKey);
    if (stored && !readOnly) {
      for (const p of stored.added ?? []) store.addRow(p);
      for (const [sku, cell] of Object.entries(stored.cells)) {
        const i = store.indexOf(sku);
        if (i === undefined) continue;
        for (const [f, v] of Object.entries(cell) as [EditField, string | number][]) {
          if (v === undefined || v === null) continue;
          const before = store.rowState(i)[f];
          store.setValue(i, f, v);
          if (before !== store.rowState(i)[f]) restored++;
        }
      }
    }
    try {
      const fc = JSON.parse(localStorage.getItem(forecastKey) ?? "{}") as Record<string, [string, string, string]>;
      for (const [sku, values] of Object.entries(fc)) {
        const i = store.indexOf(sku);
        if (i !== undefined) values.forEach((v, k) => store.setForecast(i, k as 0 | 1 | 2, String(v ?? ""), false));
      }
    } catch {
      /* nothing kept */
    }
    let review: { revision: number | null } | null = null;
    try {
      review = JSON.parse(sessionStorage.getItem(reviewKey) ?? "null");
      sessionStorage.removeItem(reviewKey);
    } catch {
      /* ignore */
    }
    const stop = readOnly ? () => {} : saver.start();
    // Marks the grid interactive (tests and bench/submit-page wait for it).
    if (sectionRef.current) sectionRef.current.dataset.ready = "1";
    const stopForecast = store.onEdit((kind) => {
      if (kind !== "forecast") return;
      try {
        localStorage.setItem(forecastKey, JSON.stringify(store.forecastValues()));
      } catch {
        /* storage full or disabled */
      }
    });
    queueMicrotask(() => {
      if (review) {
        addNotice({
          tone: "info",
          text: `You are now looking at revision ${review.revision ?? "?"}. Cells you had changed keep your numbers (marked); every other cell shows theirs. Check them, then submit again.`,
        });
      }
      if (restored) addNotice({ tone: "info", text: `Restored ${restored} unsaved change${restored === 1 ? "" : "s"} from this tab.` });
    });
    return () => {
      stop();
      stopForecast();
    };
    // Runs once per mounted grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const filtered = useMemo(() => {
    const q = deferredQuery.trim().toUpperCase();
    const out: number[] = [];
    for (let i = 0; i < store.size; i++) {
      if (!q) out.push(i);
      else {
        const r = store.rows[i]!;
        if (r.sku.toUpperCase().includes(q) || r.description.toUpperCase().includes(q)) out.push(i);
      }
    }
    return out;
    // listVersion: rows were added.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, deferredQuery, listVersion]);

  // eslint-disable-next-line react-hooks/incompatible-library -- rows are memoised by hand; the virtualizer drives this component only
  const virtualizer = useVirtualizer({
    count: filtered.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    scrollPaddingEnd: FOOT_HEIGHT,
    initialRect: { width: 1280, height: 640 },
    getItemKey: (v) => filtered[v] ?? v,
  });

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
    [filtered.length, virtualizer],
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

  const goTo = useCallback(
    (index: number, field: ErrorField) => {
      const col: ColKey = field === "sku" ? "sold" : field;
      const view = filtered.indexOf(index);
      if (view >= 0) focusCell(view, col);
      else {
        focusRequest.current = { index, col };
        setQuery("");
      }
    },
    [filtered, focusCell],
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
        setAnnouncement(`${FIELD_LABELS[col as EditField] ?? "Forecast"} of ${store.rows[index]!.sku} reverted`);
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
    setAnnouncement(msg);
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

  // ---- submitting --------------------------------------------------------------------------------

  function applyIssues(issues: { path: string; message: string }[]): string | null {
    const byRow = new Map<number, Partial<Record<ErrorField, string>>>();
    const other: string[] = [];
    for (const issue of issues) {
      const m = /^lines\.(\d+)\.(sku|sold|returned|onHand|note)$/.exec(issue.path);
      if (m) {
        const i = Number(m[1]);
        const f = m[2] as ErrorField;
        const e = byRow.get(i) ?? {};
        e[f] ??= issue.message;
        byRow.set(i, e);
      } else other.push(issue.message);
    }
    store.setErrors(byRow);
    return other.length ? other.join(" ") : null;
  }

  function submit() {
    if (readOnly || submitting || submitGuard.current) return;
    setConflict(null);
    const body = store.buildBody(input.revision);
    const parsed = parseSubmissionBody(body);
    if (!parsed.success) {
      setFormError(applyIssues(parsed.issues));
      setErrorFocus((n) => n + 1);
      return;
    }
    store.setErrors(new Map());
    setFormError(null);
    submitGuard.current = true;
    saver.pause();
    // The submission carries every cell; kept edits would only be restored over the receipt's revision.
    saver.clearSession();
    const key = idempotencyKey;
    startSubmit(async () => {
      let res: SubmitActionState | undefined;
      try {
        res = await actions.submit({ period: input.period, idempotencyKey: key, body });
      } catch {
        res = { ok: false, kind: "error", fieldErrors: {}, formError: "The report could not be sent; check your connection and submit again. Your edits are kept." };
      }
      if (!res) return; // redirected to the receipt
      submitGuard.current = false;
      saver.resume();
      saver.writeSession();
      if (res.kind === "invalid") {
        const issues = Object.entries(res.fieldErrors).flatMap(([path, msgs]) => msgs.map((message) => ({ path, message })));
        const other = applyIssues(issues);
        setFormError(other ?? res.formError);
        setErrorFocus((n) => n + 1);
      } else if (res.kind === "conflict") {
        setConflict({ ...res.conflict, fromDraft: false });
      } else {
        // Nothing was stored under this key (or, after "already submitted with other numbers", a new
        // submission is meant): the next attempt gets a fresh key.
        setIdempotencyKey(crypto.randomUUID());
        setFormError(res.formError);
        setErrorFocus((n) => n + 1);
      }
    });
  }

  /** Conflict: keep my edits as a draft on top of their revision, then show their numbers. */
  async function reviewTheirs(latestRevision: number | null) {
    setReviewing(true);
    saver.pause();
    saver.leaving = true;
    const cells = store.allEdits();
    saver.writeSession(latestRevision);
    try {
      const res = await actions.saveDraft({ period: input.period, version: 0, baseRevision: latestRevision, cells });
      if (res.ok && !res.conflict) saver.clearSession();
    } catch {
      // Offline: the edits stay in sessionStorage and are restored after the reload.
    }
    try {
      sessionStorage.setItem(reviewKey, JSON.stringify({ revision: latestRevision }));
    } catch {
      /* ignore */
    }
    window.location.reload();
  }

  async function discard() {
    const n = store.summary().changed;
    if (!window.confirm(`Discard ${n ? `all ${n} change${n === 1 ? "" : "s"}` : "the draft"} and go back to ${input.revision ? `revision ${input.revision}` : "the prefilled numbers"}? Colleagues working on this report lose them too.`)) return;
    saver.pause();
    const res = await actions.discardDraft({ period: input.period }).catch(() => null);
    if (!res || !res.ok) {
      saver.resume();
      setFormError(res && !res.ok ? res.formError : "The draft could not be discarded; check your connection.");
      setErrorFocus((k) => k + 1);
      return;
    }
    saver.clearSession();
    saver.leaving = true;
    window.location.reload();
  }

  function addProduct(p: { sku: string; description: string; family: string }) {
    const existing = store.indexOf(p.sku);
    const i = existing ?? store.addRow(p);
    focusRequest.current = { index: i, col: "sold" };
    setQuery("");
    setAnnouncement(existing === undefined ? `${p.sku} added with zeros; enter its numbers` : `${p.sku} is already in the grid`);
  }

  // ---- render ------------------------------------------------------------------------------------

  const submitLabel = input.revision ? `Submit revision ${input.revision + 1}` : `Submit ${input.periodLabel}`;
  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0]!.start - HEAD_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - HEAD_HEIGHT) : 0;
  const colCount = 10 + (showForecast ? 3 : 0);
  const width = COLS.sku + COLS.description + COLS.num * 4 + COLS.edit * 3 + COLS.note + (showForecast ? COLS.forecast * 3 : 0) + 6;

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

  return (
    <NumberFormatContext.Provider value={fmt}>
      <section ref={sectionRef} aria-label={`Report for ${input.periodLabel}`} data-testid="submission-grid" className="space-y-3" data-bench={input.bench ? "1" : undefined}>
        {/* Issue 4: upload a POS / inventory file and apply its figures as changes to review. */}
        {!readOnly ? (
          <UploadPanel period={input.period} periodLabel={input.periodLabel} onApply={(u) => store.applyChanges(u.lines, u.uploadId, u.products)} />
        ) : null}
        {/* Toolbar */}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <div className="relative">
            <label htmlFor="grid-search" className="sr-only">
              Search SKU
            </label>
            <input
              id="grid-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Search SKU or description"
              autoComplete="off"
              className="block h-8 w-64 rounded-md border-0 bg-white pr-2 pl-8 text-sm text-slate-900 shadow-xs ring-1 ring-slate-400 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
            />
            <svg aria-hidden="true" viewBox="0 0 20 20" className="pointer-events-none absolute top-2 left-2.5 size-4 text-slate-500">
              <path fill="currentColor" fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.13 3.14a.75.75 0 1 0 1.06-1.06l-3.13-3.14A5.5 5.5 0 0 0 9 3.5M5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0" clipRule="evenodd" />
            </svg>
          </div>
          {deferredQuery.trim() ? (
            <span className="text-xs text-slate-600 tabular-nums" aria-live="polite">
              {formatUnits(fmt, filtered.length)} of {formatUnits(fmt, store.size)} SKUs
            </span>
          ) : null}
          {!readOnly ? <ProductPicker search={actions.searchCatalogue} has={(sku) => store.indexOf(sku) !== undefined} onPick={addProduct} /> : null}
          <label className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-700 select-none">
            <input type="checkbox" checked={showForecast} onChange={(e) => setShowForecast(e.target.checked)} className="size-3.5 rounded border-slate-400 accent-indigo-600" />
            Show forecast
          </label>
          <div className="ml-auto flex flex-wrap items-center gap-3">
            <ChangesCount store={store} />
            {!readOnly ? <SaveStatusLine saver={saver} /> : null}
            {!readOnly ? (
              <>
                <DiscardButton store={store} hasDraft={input.draft !== null} disabled={submitting} onDiscard={() => void discard()} />
                <Button onClick={submit} pending={submitting} disabled={reviewing} data-testid="submit-report">
                  {submitting ? "Submitting…" : submitLabel}
                </Button>
              </>
            ) : null}
          </div>
        </div>

        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>

        {notices.map((n) => (
          <div
            key={n.id}
            className={clsx(
              "flex flex-wrap items-start gap-3 rounded-lg border px-4 py-2.5 text-sm",
              n.tone === "warning" ? "border-amber-300 bg-amber-50 text-amber-950" : "border-sky-200 bg-sky-50 text-sky-950",
            )}
          >
            <div className="min-w-0 flex-1">
              <p>{n.text}</p>
              {n.held?.length ? (
                <ul className="mt-1 text-xs">
                  {n.held.slice(0, 10).map((h) => (
                    <li key={`${h.sku}-${h.field}`}>
                      <span className="font-mono font-medium">{h.sku}</span> · {FIELD_LABELS[h.field]}: theirs{" "}
                      <b>{h.theirs === null ? "(cleared)" : displayValue(fmt, h.theirs)}</b>, yours <b>{h.yours === null ? "(cleared)" : displayValue(fmt, h.yours)}</b>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            {n.held?.length ? (
              <div className="flex gap-2">
                <Button size="sm" variant="secondary" onClick={() => { saver.resolve("theirs"); setNotices((l) => l.filter((x) => x.id !== n.id)); }}>
                  Use theirs
                </Button>
                <Button size="sm" onClick={() => { saver.resolve("mine"); setNotices((l) => l.filter((x) => x.id !== n.id)); }}>
                  Keep mine
                </Button>
              </div>
            ) : (
              <button type="button" className="text-xs font-medium underline underline-offset-2" onClick={() => setNotices((l) => l.filter((x) => x.id !== n.id))}>
                Dismiss
              </button>
            )}
          </div>
        ))}

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
            <colgroup>
              <col style={{ width: COLS.sku }} />
              <col style={{ minWidth: COLS.description }} />
              <col style={{ width: COLS.num }} />
              <col style={{ width: COLS.num }} />
              <col style={{ width: COLS.edit }} />
              <col style={{ width: COLS.edit }} />
              <col style={{ width: COLS.edit }} />
              <col style={{ width: COLS.num }} />
              <col style={{ width: COLS.num }} />
              <col style={{ width: COLS.note }} />
              {showForecast ? (
                <>
                  <col style={{ width: COLS.forecast }} />
                  <col style={{ width: COLS.forecast }} />
                  <col style={{ width: COLS.forecast }} />
                </>
              ) : null}
            </colgroup>
            <thead>
              <tr aria-rowindex={1} style={{ height: HEAD_HEIGHT }}>
                <Th className="left-0 z-20 pl-3 text-left">SKU</Th>
                <Th className="text-left">Description</Th>
                <Th numeric title="Calculated stock at the start of the period">Opening</Th>
                <Th numeric title="Shipped to you by Halcyon in the period (sell-in)">Received</Th>
                <Th numeric editable title="Units you sold to end customers (net of their returns)">Sold</Th>
                <Th numeric editable title="Units you sent back to Halcyon">Returned</Th>
                <Th numeric editable title="Units you counted in stock at the end of the period">On hand</Th>
                <Th numeric title="Opening + Received − Sold − Returned">Expected</Th>
                <Th numeric title={`On hand − Expected; highlighted beyond ${input.differenceTolerance} unit${input.differenceTolerance === 1 ? "" : "s"}`}>
                  Difference
                </Th>
                <Th className="text-left">Note</Th>
                {showForecast
                  ? input.forecastLabels.map((l) => (
                      <Th key={l} numeric title={`Your forecast of units sold in ${l}; kept in this browser, not submitted yet`}>
                        {l}
                        <span className="sr-only"> forecast</span>
                      </Th>
                    ))
                  : null}
              </tr>
            </thead>
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
          Expected = Opening + Received − Sold − Returned. Submitting sends all {formatUnits(fmt, store.size)} lines at once.
          {showForecast ? " Forecasts are kept in this browser only; they are not part of the submission yet." : ""}
        </p>
      </section>
    </NumberFormatContext.Provider>
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

function Th({
  children,
  numeric,
  editable,
  className,
  title,
}: {
  children: React.ReactNode;
  numeric?: boolean;
  editable?: boolean;
  className?: string;
  title?: string;
}) {
  return (
    <th
      scope="col"
      title={title}
      className={clsx(
        "sticky top-0 z-10 border-b border-slate-300 px-2 text-xs font-semibold whitespace-nowrap",
        editable ? "bg-indigo-50 text-indigo-900" : "bg-slate-100 text-slate-700",
        numeric && "text-right",
        className,
      )}
    >
      {children}
      {editable ? (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="ml-1 inline size-3 align-[-1px] text-indigo-500">
          <path fill="currentColor" d="M11.7 1.3a1 1 0 0 1 1.4 0l1.6 1.6a1 1 0 0 1 0 1.4L6 13H3v-3z" />
        </svg>
      ) : null}
    </th>
  );
}
