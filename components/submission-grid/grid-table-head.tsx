"use client";

/**
 * The grid table's fixed parts: the column widths (`COLS`, `gridWidth`), the header and footer
 * heights the virtualiser scrolls around, the `<colgroup>` and the sticky header row with its
 * explanatory titles (editable columns are tinted and marked with a pencil).
 */
import { clsx } from "clsx";

export const HEAD_HEIGHT = 36;
export const FOOT_HEIGHT = 34;
const COLS = { sku: 132, description: 230, num: 88, gap: 116, edit: 100, note: 210, forecast: 92 };

/** The table's minimum width in pixels. */
export function gridWidth(showForecast: boolean): number {
  return COLS.sku + COLS.description + COLS.num * 3 + COLS.gap + COLS.edit * 3 + COLS.note + (showForecast ? COLS.forecast * 3 : 0) + 6;
}

export function GridColGroup({ showForecast }: { showForecast: boolean }) {
  return (
    <colgroup>
      <col style={{ width: COLS.sku }} />
      <col style={{ minWidth: COLS.description }} />
      <col style={{ width: COLS.num }} />
      <col style={{ width: COLS.num }} />
      <col style={{ width: COLS.edit }} />
      <col style={{ width: COLS.edit }} />
      <col style={{ width: COLS.edit }} />
      <col style={{ width: COLS.num }} />
      <col style={{ width: COLS.gap }} />
      <col style={{ width: COLS.note }} />
      {showForecast ? (
        <>
          <col style={{ width: COLS.forecast }} />
          <col style={{ width: COLS.forecast }} />
          <col style={{ width: COLS.forecast }} />
        </>
      ) : null}
    </colgroup>
  );
}

export function GridHead({
  showForecast,
  forecastLabels,
  differenceTolerance,
}: {
  showForecast: boolean;
  forecastLabels: readonly string[];
  differenceTolerance: number;
}) {
  return (
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
        <Th numeric title={`Gap = Expected − On hand (ours − yours), the same gap the manufacturer sees; highlighted beyond ${differenceTolerance} unit${differenceTolerance === 1 ? "" : "s"}`}>
          Gap <span className="font-normal text-slate-700">(ours − yours)</span>
        </Th>
        <Th className="text-left">Note</Th>
        {showForecast
          ? forecastLabels.map((l) => (
              <Th key={l} numeric title={`Your forecast of units sold in ${l}; kept in this browser, not submitted yet`}>
                {l}
                <span className="sr-only"> forecast</span>
              </Th>
            ))
          : null}
      </tr>
    </thead>
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
