"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNum } from "@/components/ui/num";

const short = (p: string) => {
  const [y, m] = p.split("-");
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m) - 1]} ${y!.slice(2)}`;
};

/** Weeks of supply per period against the excess target. */
export function WeeksOfSupplyChart({ data, target, label, height = 220 }: { data: { period: string; weeksOfSupply: number | null }[]; target: number; label: string; height?: number }) {
  return (
    <figure aria-label={label} className="w-full" data-testid="wos-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="period" tickFormatter={short} tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={8} />
          <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={36} />
          <Tooltip formatter={(v) => [typeof v === "number" ? `${formatNum(v, { digits: 1 })} weeks` : "—", "Weeks of supply"]} labelFormatter={(l) => short(String(l))} contentStyle={{ fontSize: 12, borderRadius: 6 }} />
          <ReferenceLine y={target} stroke="#d97706" strokeDasharray="4 3" label={{ value: `Excess > ${target} wk`, position: "insideTopRight", fontSize: 11, fill: "#92400e" }} />
          <Line dataKey="weeksOfSupply" name="Weeks of supply" stroke="#4f46e5" strokeWidth={2} dot={{ r: 2 }} type="monotone" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
