"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { RowLink } from "@/components/ui/row-link";
import { useRouter } from "next/navigation";
import { useVirtualizer } from "@tanstack/react-virtual";
import { clsx } from "clsx";
import type { GapPage, GapRow } from "@/lib/dal/gaps/list-gaps";
import { Badge } from "@/components/ui/badge";
import { useFormatNum } from "@/components/ui/num";
import type { FormState } from "@/lib/validation/action-state";
import { FLAG_LABELS, GAP_COLUMNS, type GapColumn } from "./columns";
import { BulkOpenBar } from "./bulk-open-bar";

const ROW_HEIGHT = 36;
const PAGE_SIZE = 500;

export interface GapGridProps {
  initial: GapPage;
  /** Opens exceptions on the selected rows (staff who work exceptions); without it rows are not selectable. */
  bulkOpenAction?: (state: FormState, fd: FormData) => Promise<FormState>;
  /** Filters + sort of this view as a query string (no paging); pages are fetched with it. */
  query: string;
  sort: string;
}

export function drillHref(row: Pick<GapRow, "distributor" | "sku">, period: string): string {
  return `/gaps/${encodeURIComponent(row.distributor)}/${encodeURIComponent(row.sku)}?period=${period}`;
}

/**
 * The gap table: a real <table> with a sticky header and totals, whose body is virtualised
 * (@tanstack/react-virtual: only the visible rows are in the DOM) and filled page by page from
 * /api/v1/gaps with the keyset cursor as the user scrolls. Rows are focusable; Enter opens the drill-down.
 */
export function GapGrid({ initial, query, sort, bulkOpenAction }: GapGridProps) {
  const formatNum = useFormatNum();
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const [rows, setRows] = useState<GapRow[]>(initial.rows);
  const [cursor, setCursor] = useState<string | null>(initial.nextCursor);
  // A new view (filters, sort or period) starts again from its server-rendered first page.
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setRows(initial.rows);
    setCursor(initial.nextCursor);
  }
  // The selection belongs to a view: another filter, sort or period clears it; a refresh of the same view keeps it.
  const viewKey = `${initial.period}?${query}&${sort}`;
  const [selectedView, setSelectedView] = useState(viewKey);
  if (selectedView !== viewKey) {
    setSelectedView(viewKey);
    setSelected(new Set());
  }
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inflight = useRef(false);
  const total = initial.totals.rows;

  // The virtualizer re-renders this component itself; React Compiler leaves the component unmemoised, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The server renders the first screenful, so the table is never empty before hydration.
    initialRect: { width: 1600, height: 900 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : 0;

  const loadMore = useCallback(async () => {
    if (!cursor || inflight.current) return;
    inflight.current = true;
    setLoading(true);
    try {
      const res = await fetch(`/api/v1/gaps?${query}${query ? "&" : ""}limit=${PAGE_SIZE}&details=1&totals=0&cursor=${encodeURIComponent(cursor)}`, {
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const page = (await res.json()) as { rows: GapRow[]; nextCursor: string | null };
      setRows((r) => r.concat(page.rows));
      setCursor(page.nextCursor);
      setError(null);
    } catch {
      setError("Could not load more rows. Scroll again to retry.");
    } finally {
      inflight.current = false;
      setLoading(false);
    }
  }, [cursor, query]);

  useEffect(() => {
    if (cursor && lastIndex >= rows.length - 40) void loadMore();
  }, [lastIndex, rows.length, cursor, loadMore]);

  const sortKey = sort.replace(/^-/, "");
  const desc = sort.startsWith("-");
  function sortHref(col: GapColumn): string {
    const next = col.sort === sortKey ? (desc ? col.sort : `-${col.sort}`) : col.descFirst ? `-${col.sort}` : col.sort!;
    const u = new URLSearchParams(query);
    u.set("sort", next);
    return `/gaps?${u.toString()}`;
  }

  function onRowKey(e: KeyboardEvent<HTMLTableRowElement>, row: GapRow) {
    if (e.key === "Enter") {
      e.preventDefault();
      router.push(drillHref(row, initial.period));
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const sib = (e.key === "ArrowDown" ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
      if (sib?.dataset.row) sib.focus();
      else virtualizer.scrollBy(e.key === "ArrowDown" ? ROW_HEIGHT * 4 : -ROW_HEIGHT * 4);
    }
  }

  const paddingTop = items.length ? items[0]!.start : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const t = initial.totals;
  const totalsOf: Partial<Record<string, number>> = {
    opening: t.opening, sellIn: t.sellIn, sellThrough: t.sellThrough, returns: t.returns, adjustments: t.adjustments,
    calculated: t.calculated, reported: t.reported, gap: t.gap,
  };
  const width = GAP_COLUMNS.reduce((a, c) => a + c.width, 0);

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
      {bulkOpenAction && selected.size ? (
        <BulkOpenBar action={bulkOpenAction} period={initial.period} selected={selected} onClear={() => setSelected(new Set())} />
      ) : null}
      <div
        ref={scrollRef}
        className="relative max-h-[calc(100dvh-19rem)] min-h-[12rem] overflow-auto"
        data-testid="gap-scroll"
      >
        <table
          className="table-fixed border-separate border-spacing-0 text-sm tabular-nums"
          style={{ width, minWidth: "100%" }}
          aria-rowcount={total + 2}
          aria-label={`Gaps ${initial.period}`}
        >
          <colgroup>
            {GAP_COLUMNS.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10">
            <tr aria-rowindex={1}>
              {GAP_COLUMNS.map((c) => {
                const active = c.sort === sortKey;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (desc ? "descending" : "ascending") : c.sort ? "none" : undefined}
                    className={clsx(
                      "border-b border-slate-200 bg-slate-50 px-2 py-0 text-xs font-semibold text-slate-700",
                      c.numeric ? "text-right" : "text-left",
                    )}
                  >
                    {c.sort ? (
                      <RowLink
                        href={sortHref(c)}
                        scroll={false}
                        title={c.title ? `Sort by ${c.title}` : `Sort by ${c.label}`}
                        className={clsx(
                          "flex h-9 items-center gap-1 rounded-sm hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600",
                          c.numeric && "justify-end",
                          active && "text-indigo-700",
                        )}
                      >
                        {c.title ? <abbr title={c.title} className="no-underline">{c.label}</abbr> : c.label}
                        <span aria-hidden="true" className={clsx("text-[10px]", !active && "text-slate-500")}>
                          {active ? (desc ? "▼" : "▲") : "↕"}
                        </span>
                      </RowLink>
                    ) : (
                      <span className="flex h-9 items-center">{c.label}</span>
                    )}
                  </th>
                );
              })}
            </tr>
            <tr aria-rowindex={2} className="bg-indigo-50/70 font-semibold text-slate-900">
              <th scope="row" colSpan={3} className="border-b border-slate-200 bg-indigo-50 px-2 py-1.5 text-left text-xs">
                Total · {formatNum(total)} rows
              </th>
              {GAP_COLUMNS.slice(3).map((c) => (
                <td key={c.key} className="border-b border-slate-200 bg-indigo-50 px-2 py-1.5 text-right" data-total={c.key}>
                  {totalsOf[c.key] !== undefined ? formatNum(totalsOf[c.key]) : c.key === "gapPct" && t.calculated ? formatNum((t.gap * 100) / t.calculated, { digits: 1 }) + " %" : ""}
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={GAP_COLUMNS.length} style={{ height: paddingTop, padding: 0 }} />
              </tr>
            )}
            {items.map((vi) => {
              const r = rows[vi.index]!;
              const href = drillHref(r, initial.period);
              return (
                <tr
                  key={`${r.distributor}|${r.sku}`}
                  data-row={vi.index}
                  aria-rowindex={vi.index + 3}
                  tabIndex={0}
                  onKeyDown={(e) => onRowKey(e, r)}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest("a, input, label")) return;
                    router.push(href);
                  }}
                  className="group cursor-pointer outline-none even:bg-slate-50/60 hover:bg-indigo-50/60 focus-visible:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-600"
                  style={{ height: ROW_HEIGHT }}
                >
                  <td className="truncate border-b border-slate-100 px-2 font-medium text-slate-900" title={r.distributorName}>
                    {bulkOpenAction ? (
                      <input
                        type="checkbox"
                        className="mr-1.5 size-3.5 rounded-sm border-slate-400 align-[-2px] accent-indigo-600"
                        aria-label={`Select ${r.distributor} ${r.sku}`}
                        checked={selected.has(`${r.distributor}|${r.sku}`)}
                        onChange={() => toggle(`${r.distributor}|${r.sku}`)}
                      />
                    ) : null}
                    {r.distributor}
                  </td>
                  <td className="truncate border-b border-slate-100 px-2" title={r.description}>
                    <RowLink href={href} tabIndex={-1} className="font-medium text-indigo-700 hover:underline">
                      {r.sku}
                    </RowLink>
                  </td>
                  <td className="truncate border-b border-slate-100 px-2 text-slate-700">{r.family}</td>
                  <NumCell v={r.opening} />
                  <NumCell v={r.sellIn} />
                  <NumCell v={r.sellThrough} />
                  <NumCell v={r.returns} />
                  <NumCell v={r.adjustments} signed />
                  <NumCell v={r.calculated} strong />
                  <NumCell v={r.reported} strong />
                  <GapCell v={r.gap} />
                  <td className={clsx("border-b border-slate-100 px-2 text-right", gapTone(r.gap))}>
                    {r.gapPct === null ? <Dash /> : `${formatNum(r.gapPct, { digits: 1 })} %`}
                  </td>
                  <NumCell v={r.newGap} signed />
                  <td className="border-b border-slate-100 px-2 text-right text-slate-800">
                    {r.weeksOfSupply === null ? <Dash /> : formatNum(r.weeksOfSupply, { digits: 1 })}
                  </td>
                  <td className="truncate border-b border-slate-100 px-2">
                    <span className="flex gap-1">
                      {r.flags.map((f) => (
                        <Badge key={f} tone={FLAG_LABELS[f]?.tone ?? "neutral"}>
                          {FLAG_LABELS[f]?.label ?? f}
                        </Badge>
                      ))}
                    </span>
                  </td>
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={GAP_COLUMNS.length} style={{ height: paddingBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between border-t border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600" aria-live="polite">
        <span>
          {formatNum(rows.length)} of {formatNum(total)} rows loaded
          {loading ? " · loading more…" : cursor ? " · scroll for more" : ""}
        </span>
        {error ? <span className="font-medium text-red-700">{error}</span> : <span>↑↓ move · Enter opens the drill-down</span>}
      </div>
    </div>
  );
}

function Dash() {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}

function NumCell({ v, signed, strong }: { v: number | null; signed?: boolean; strong?: boolean }) {
  const formatNum = useFormatNum();
  return (
    <td className={clsx("border-b border-slate-100 px-2 text-right", strong ? "font-medium text-slate-900" : "text-slate-700")}>
      {v === null ? <Dash /> : formatNum(v, { signed: signed && v !== 0 })}
    </td>
  );
}

function gapTone(v: number | null): string {
  if (v === null || v === 0) return "text-slate-700";
  return v > 0 ? "text-red-700" : "text-amber-800";
}

function GapCell({ v }: { v: number | null }) {
  const formatNum = useFormatNum();
  return (
    <td className={clsx("border-b border-slate-100 px-2 text-right font-semibold", gapTone(v))}>
      {v === null ? <Dash /> : formatNum(v, { signed: v !== 0 })}
    </td>
  );
}
