"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNum } from "@/components/ui/num";

export interface FlowPoint {
  period: string;
  sellIn: number;
  sellThrough: number;
  calculated: number;
  reported: number | null;
}

const COLORS = { sellIn: "#6366f1", sellThrough: "#14b8a6", calculated: "#0f172a", reported: "#dc2626" };

const fmt = (v: unknown) => (typeof v === "number" ? (formatNum(v) ?? "") : String(v ?? ""));
const short = (p: string) => {
  const [y, m] = p.split("-");
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m) - 1]} ${y!.slice(2)}`;
};

/**
 * Sell-in and sell-through as bars, calculated and reported inventory as lines, per period.
 * Reported is drawn with gaps where nothing was reported. The caller puts a data table next to it.
 */
export function InventoryFlowChart({ data, height = 300, label }: { data: FlowPoint[]; height?: number; label: string }) {
  return (
    <figure aria-label={label} className="w-full" data-testid="inventory-flow-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }} barGap={1}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="period" tickFormatter={short} tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tickFormatter={(v: number) => (Math.abs(v) >= 10000 ? `${formatNum(v / 1000)}k` : (formatNum(v) ?? ""))} tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            formatter={(v, name) => [fmt(v), String(name)]}
            labelFormatter={(l) => short(String(l))}
            contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} iconSize={10} />
          <Bar dataKey="sellIn" name="Sell-in" fill={COLORS.sellIn} radius={[2, 2, 0, 0]} maxBarSize={18} isAnimationActive={false} />
          <Bar dataKey="sellThrough" name="Sell-through" fill={COLORS.sellThrough} radius={[2, 2, 0, 0]} maxBarSize={18} isAnimationActive={false} />
          <Line dataKey="calculated" name="Calculated inventory" stroke={COLORS.calculated} strokeWidth={2} dot={{ r: 2 }} type="monotone" isAnimationActive={false} />
          <Line dataKey="reported" name="Reported inventory" stroke={COLORS.reported} strokeWidth={2} strokeDasharray="5 3" dot={{ r: 2 }} type="monotone" connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
