import type { ReactNode } from "react";
import { clsx } from "clsx";
import { Num, type NumProps } from "./num";

export interface StatProps {
  label: ReactNode;
  /** A number (formatted with `Num`; null shows "—") or anything already formatted. */
  value: number | null | ReactNode;
  /** Passed to `Num` when `value` is a number. */
  signed?: boolean;
  pct?: boolean;
  digits?: NumProps["digits"];
  /** A small line under the number: comparison, unit, explanation. */
  hint?: ReactNode;
  className?: string;
}

/** A label over a big tabular number. */
export function Stat({ label, value, signed, pct, digits, hint, className }: StatProps) {
  const isNumber = typeof value === "number" || value === null;
  return (
    <div className={clsx("min-w-0", className)}>
      <div className="text-xs font-medium text-slate-600">{label}</div>
      <div className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
        {isNumber ? <Num value={value as number | null} signed={signed} pct={pct} digits={digits} align="inherit" /> : value}
      </div>
      {hint ? <div className="mt-0.5 text-xs text-slate-600">{hint}</div> : null}
    </div>
  );
}
