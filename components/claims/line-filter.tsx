import Link from "next/link";
import { clsx } from "clsx";

export type LineView = "open" | "all" | "approved" | "adjusted" | "rejected";
export const LINE_VIEWS: readonly LineView[] = ["open", "all", "approved", "adjusted", "rejected"];
const LABELS: Record<LineView, string> = { open: "Open", all: "All", approved: "Approved", adjusted: "Adjusted", rejected: "Rejected" };

/** Which lines to list: open (not approved as claimed), all, or one outcome; each with its count. */
export function LineFilter({ current, counts, href }: { current: LineView; counts: Record<LineView, number>; href: (v: LineView) => string }) {
  return (
    <nav aria-label="Lines to show" className="flex flex-wrap gap-1">
      {LINE_VIEWS.map((v) => (
        <Link
          key={v}
          href={href(v)}
          aria-current={v === current ? "page" : undefined}
          className={clsx(
            "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium ring-1 ring-inset",
            v === current ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
          )}
        >
          {LABELS[v]}
          <span className={clsx("tabular-nums text-xs", v === current ? "text-indigo-100" : "text-slate-600")}>{counts[v]}</span>
        </Link>
      ))}
    </nav>
  );
}
