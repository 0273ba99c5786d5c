import { clsx } from "clsx";

/** A grey placeholder block; size it with classes, e.g. `<Skeleton className="h-4 w-32" />`. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={clsx("animate-pulse rounded-md bg-slate-200", className)} />;
}
