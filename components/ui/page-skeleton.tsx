import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/** A page while it loads: `label` for screen readers, then grey blocks in the page's layout. */
export function PageSkeleton({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-6" aria-busy="true">
      <span className="sr-only" role="status">
        {label}
      </span>
      {children}
    </div>
  );
}

/** The page's heading and the line under it (then `children`, e.g. badges); widths as classes, e.g. `w-40`. */
export function HeadingSkeleton({ title, intro = "w-96 max-w-full", children }: { title: string; intro?: string; children?: ReactNode }) {
  return (
    <div className="space-y-2">
      <Skeleton className={`h-6 ${title}`} />
      <Skeleton className={`h-4 ${intro}`} />
      {children}
    </div>
  );
}

/** Grey blocks side by side or stacked: one `Skeleton` per entry of `blocks` (its classes), in a div of `className`. */
export function SkeletonGroup({ className, blocks }: { className: string; blocks: readonly string[] }) {
  return (
    <div className={className}>
      {blocks.map((b, i) => (
        <Skeleton key={i} className={b} />
      ))}
    </div>
  );
}

/** A table in its card: `rows` rows, under a header row if `header`. */
export function RowsSkeleton({ rows, header = false }: { rows: number; header?: boolean }) {
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
      {header ? <Skeleton className="h-5 w-full" /> : null}
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}
