"use client";

/**
 * The grid's life in this browser: `useGridStore` creates the store (with the saved draft applied)
 * and its autosave once per mounted grid; `useGridSession` turns autosave events into notices and,
 * after hydration, restores what this tab typed but the server has not confirmed, the forecast kept in
 * `localStorage` and the "now looking at revision N" notice after a conflict review, then starts
 * saving and marks the grid ready.
 */
import { useEffect, useState, type RefObject } from "react";
import { DraftAutosave, readSession, type AutosaveEvent } from "./draft-autosave";
import { GridStore, type EditField } from "./grid-store";
import type { Notice } from "./grid-notices";
import type { GridActions, GridInput } from "./types";

/** The browser storage keys of one distributor's report for one period. */
export function storageKeys(input: Pick<GridInput, "distributorCode" | "period">) {
  const id = `${input.distributorCode}:${input.period}`;
  return { storageKey: `sellthru:unsaved:${id}`, forecastKey: `sellthru:forecast:${id}`, reviewKey: `sellthru:review:${id}` };
}

export function useGridStore(input: GridInput, actions: GridActions) {
  const [store] = useState(() => {
    const s = new GridStore(input);
    if (input.draft) s.applyDraft(input.draft.cells);
    return s;
  });
  // The autosave's events go to the handler `useGridSession` sets once mounted (dropped before).
  const [{ saver, onAutosaveEvent }] = useState(() => {
    let handler: (e: AutosaveEvent) => void = () => {};
    const saver = new DraftAutosave(store, {
      period: input.period,
      baseRevision: input.revision,
      version: input.draft?.version ?? 0,
      storageKey: storageKeys(input).storageKey,
      save: actions.saveDraft,
      onEvent: (e) => handler(e),
      initial: input.draft ? { kind: "saved", at: input.draft.updatedAt, by: input.draft.updatedByName } : { kind: "clean" },
    });
    const onAutosaveEvent = (h: (e: AutosaveEvent) => void) => {
      handler = h;
    };
    return { saver, onAutosaveEvent };
  });
  return { store, saver, onAutosaveEvent };
}

export interface GridSessionOptions {
  input: GridInput;
  store: GridStore;
  saver: DraftAutosave;
  /** Sets the handler of the autosave's events. */
  onAutosaveEvent: (handler: (e: AutosaveEvent) => void) => void;
  sectionRef: RefObject<HTMLElement | null>;
  addNotice: (n: Omit<Notice, "id">) => void;
  /** The autosave found the period submitted by someone else. */
  onSubmittedElsewhere: (latestRevision: number | null) => void;
}

export function useGridSession({ input, store, saver, onAutosaveEvent, sectionRef, addNotice, onSubmittedElsewhere }: GridSessionOptions) {
  const readOnly = input.closed;
  const { storageKey, forecastKey, reviewKey } = storageKeys(input);

  useEffect(() => {
    onAutosaveEvent((e: AutosaveEvent) => {
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
        onSubmittedElsewhere(e.latestRevision);
      }
    });
  }, [addNotice, onAutosaveEvent, onSubmittedElsewhere]);

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
}
