"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatter } from "@/components/format/format-provider";
import { TOOLTIP_STYLE } from "./inventory-flow-chart";

/** Weeks of supply per period against the excess target. */
export function WeeksOfSupplyChart({ data, target, label, height = 220 }: { data: { period: string; weeksOfSupply: number | null }[]; target: number; label: string; height?: number }) {
  const f = useFormatter();
  const short = (p: string) => f.periodShort(p);
  return (
    <figure aria-label={label} className="w-full" data-testid="wos-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="var(--color-slate-200)" vertical={false} />
          <XAxis dataKey="period" tickFormatter={short} tick={{ fontSize: 11, fill: "var(--color-slate-600)" }} tickLine={false} axisLine={{ stroke: "var(--color-slate-300)" }} minTickGap={8} />
          <YAxis tickFormatter={(v: number) => f.number(v, { maxDigits: 1 })} tick={{ fontSize: 11, fill: "var(--color-slate-600)" }} tickLine={false} axisLine={false} width={36} />
          <Tooltip formatter={(v) => [typeof v === "number" ? `${f.number(v, { digits: 1 })} weeks` : "—", "Weeks of supply"]} labelFormatter={(l) => short(String(l))} {...TOOLTIP_STYLE} />
          <ReferenceLine y={target} stroke="var(--color-amber-600)" strokeDasharray="4 3" label={{ value: `Excess > ${f.number(target, { maxDigits: 1 })} wk`, position: "insideTopRight", fontSize: 11, fill: "var(--color-amber-800)" }} />
          <Line dataKey="weeksOfSupply" name="Weeks of supply" stroke="var(--color-indigo-600)" strokeWidth={2} dot={{ r: 2 }} type="monotone" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
