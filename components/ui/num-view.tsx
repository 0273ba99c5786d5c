"use client";

import { clsx } from "clsx";
import { useFormatter } from "@/components/format/format-provider";
import { formatNum } from "./num-format";

export interface NumProps {
  value: number | null | undefined;
  /** Always show the sign: +60, −60, 0. */
  signed?: boolean;
  /** `value` is a fraction shown as a percentage: 0.2 → 20.0 %. */
  pct?: boolean;
  /** Fraction digits (default 0; 1 with `pct`). */
  digits?: number;
  /** "right" (default, for tables) renders a right-aligned block; "inherit" stays inline, e.g. in a sentence. */
  align?: "right" | "inherit";
  className?: string;
}

/** A number for tables and stats in the user's locale (lib/format): tabular figures, right-aligned, "—" when there is no value. */
export function Num({ value, signed, pct, digits, align = "right", className }: NumProps) {
  const text = formatNum(value, { signed, pct, digits }, useFormatter());
  const cls = clsx("tabular-nums", align === "right" && "block text-right", className);
  if (text === null) {
    return (
      <span className={clsx(cls, "text-slate-500")}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">no value</span>
      </span>
    );
  }
  return <span className={cls}>{text}</span>;
}

/** `formatNum` bound to the user's formatter, for client components: `const formatNum = useFormatNum();`. */
export function useFormatNum(): (value: number | null | undefined, opts?: { signed?: boolean; pct?: boolean; digits?: number }) => string | null {
  const f = useFormatter();
  return (value, opts) => formatNum(value, opts, f);
}
