"use client";

import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatter } from "@/components/format/format-provider";
import { fromFirstData } from "@/lib/domain/first-data";

export interface FlowPoint {
  period: string;
  sellIn: number;
  sellThrough: number;
  calculated: number;
  reported: number | null;
  /** The period's reports are not due yet (its deadline has not passed): its figures are still coming in. */
  notYetDue?: boolean;
}

// Theme variables, so the chart follows the light and dark theme (app/globals.css).
const COLORS = { sellIn: "var(--color-indigo-500)", sellThrough: "#14b8a6", calculated: "var(--color-slate-900)", reported: "var(--color-red-600)" };
const AXIS = { tick: { fontSize: 11, fill: "var(--color-slate-600)" }, line: "var(--color-slate-300)", grid: "var(--color-slate-200)" };
export const TOOLTIP_STYLE = {
  contentStyle: { fontSize: 12, borderRadius: 6, borderColor: "var(--color-slate-300)", backgroundColor: "var(--color-white)", color: "var(--color-slate-900)" },
  labelStyle: { color: "var(--color-slate-900)", fontWeight: 500 },
};

/**
 * Sell-in and sell-through as bars, calculated and reported inventory as lines, per period.
 * Reported is drawn with gaps where nothing was reported. The caller puts a data table next to it.
 */
export function InventoryFlowChart({ data, height = 300, label }: { data: FlowPoint[]; height?: number; label: string }) {
  // Ticks and tooltips in the user's locale (lib/format): "Dez. 26", "1.234".
  const f = useFormatter();
  const fmt = (v: unknown) => (typeof v === "number" ? f.number(v) : String(v ?? ""));
  const short = (p: string) => f.periodShort(p);
  // A period whose reports are not due yet is drawn hatched and its partial "reported" is left off
  // the line: a month still coming in is not a dip. The tooltip still shows what has arrived so far.
  const points = fromFirstData(data).map((p) => ({ ...p, reportedLine: p.notYetDue ? null : p.reported }));
  const notYetDue = points.filter((p) => p.notYetDue).map((p) => p.period);
  const hatch = (key: "sellIn" | "sellThrough") => `url(#not-yet-due-${key})`;
  return (
    <figure aria-label={label} className="w-full" data-testid="inventory-flow-chart" data-first-period={points[0]?.period} data-not-yet-due={notYetDue.join(" ") || undefined}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 4 }} barGap={1}>
          <defs>
            {(["sellIn", "sellThrough"] as const).map((key) => (
              <pattern key={key} id={`not-yet-due-${key}`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="5" height="5" fill={COLORS[key]} fillOpacity={0.25} />
                <line x1="0" y1="0" x2="0" y2="5" stroke={COLORS[key]} strokeWidth="2.5" />
              </pattern>
            ))}
          </defs>
          <CartesianGrid stroke={AXIS.grid} vertical={false} />
          <XAxis dataKey="period" tickFormatter={(p: string) => (notYetDue.includes(p) ? `${short(p)} *` : short(p))} tick={AXIS.tick} tickLine={false} axisLine={{ stroke: AXIS.line }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tickFormatter={(v: number) => (Math.abs(v) >= 10000 ? `${f.number(v / 1000)}k` : f.number(v))} tick={AXIS.tick} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            formatter={(v, name, item) => {
              const p = item?.payload as (typeof points)[number] | undefined;
              if (name === "Reported inventory" && p?.notYetDue) return [`${fmt(p.reported)} so far`, "Reported inventory"];
              return [fmt(v), String(name)];
            }}
            labelFormatter={(l) => (notYetDue.includes(String(l)) ? `${short(String(l))} · not yet due, reports still coming in` : short(String(l)))}
            {...TOOLTIP_STYLE}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: "var(--color-slate-700)" }} iconSize={10} />
          <Bar dataKey="sellIn" name="Sell-in" fill={COLORS.sellIn} radius={[2, 2, 0, 0]} maxBarSize={18} isAnimationActive={false}>
            {points.map((p) => <Cell key={p.period} fill={p.notYetDue ? hatch("sellIn") : COLORS.sellIn} />)}
          </Bar>
          <Bar dataKey="sellThrough" name="Sell-through" fill={COLORS.sellThrough} radius={[2, 2, 0, 0]} maxBarSize={18} isAnimationActive={false}>
            {points.map((p) => <Cell key={p.period} fill={p.notYetDue ? hatch("sellThrough") : COLORS.sellThrough} />)}
          </Bar>
          <Line dataKey="calculated" name="Calculated inventory" stroke={COLORS.calculated} strokeWidth={2} dot={{ r: 2 }} type="monotone" isAnimationActive={false} />
          <Line dataKey="reportedLine" name="Reported inventory" stroke={COLORS.reported} strokeWidth={2} strokeDasharray="5 3" dot={{ r: 2 }} type="monotone" connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      {notYetDue.length ? (
        <figcaption className="mt-1 flex items-center justify-center gap-2 px-2 text-xs text-slate-600" data-testid="not-yet-due-legend">
          <svg aria-hidden="true" viewBox="0 0 14 10" className="h-2.5 w-3.5 shrink-0">
            <rect width="14" height="10" fill={hatch("sellThrough")} />
          </svg>
          <span>
            * Not yet due: reports for {notYetDue.map(short).join(", ")} are still coming in (the deadline has not passed), so the hatched bars are partial and reported inventory is not drawn.
          </span>
        </figcaption>
      ) : null}
    </figure>
  );
}
