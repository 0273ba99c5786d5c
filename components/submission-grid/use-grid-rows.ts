"use client";

/**
 * Which rows the grid shows and where: the search (deferred, so typing in it stays responsive)
 * filters the store's rows by SKU or description into `filtered` (view position → store index), and
 * the virtualiser renders only the rows in view plus an overscan, with the padding above and below
 * them. The grid re-renders here when rows are added (`listVersion`), never on a cell edit.
 */
import { useDeferredValue, useMemo, useState, useSyncExternalStore, type RefObject } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ROW_HEIGHT } from "./grid-row";
import type { GridStore } from "./grid-store";
import { FOOT_HEIGHT, HEAD_HEIGHT } from "./grid-table-head";

export function useGridRows(store: GridStore, scrollRef: RefObject<HTMLDivElement | null>) {
  const listVersion = useSyncExternalStore(store.subscribeList, store.listVersion, store.listVersion);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);

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

  // eslint-disable-next-line react-hooks/incompatible-library -- rows are memoised by hand; the virtualizer drives the grid component only
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

  return { query, setQuery, deferredQuery, filtered, virtualizer };
}

/** The rows to render now, and the blank space above and below them (in pixels). */
export function visibleRows(virtualizer: ReturnType<typeof useGridRows>["virtualizer"]) {
  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0]!.start - HEAD_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - HEAD_HEIGHT) : 0;
  return { items, padTop, padBottom };
}
