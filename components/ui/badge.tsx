import type { ReactNode } from "react";
import { clsx } from "clsx";

export type BadgeTone = "neutral" | "green" | "amber" | "red" | "blue";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-300/70", dot: "bg-slate-500" },
  green: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/25", dot: "bg-emerald-600" },
  amber: { badge: "bg-amber-50 text-amber-800 ring-amber-600/30", dot: "bg-amber-500" },
  red: { badge: "bg-red-50 text-red-700 ring-red-600/25", dot: "bg-red-600" },
  blue: { badge: "bg-blue-50 text-blue-700 ring-blue-600/25", dot: "bg-blue-600" },
};

export interface BadgeProps {
  tone?: BadgeTone;
  /** A coloured dot before the text (colour is never the only signal: the text says it too). */
  dot?: boolean;
  className?: string;
  children: ReactNode;
}

export function Badge({ tone = "neutral", dot = false, className, children }: BadgeProps) {
  const t = tones[tone];
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        t.badge,
        className,
      )}
    >
      {dot ? <span aria-hidden="true" className={clsx("size-1.5 rounded-full", t.dot)} /> : null}
      {children}
    </span>
  );
}
