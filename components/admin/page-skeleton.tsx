import { Skeleton } from "@/components/ui/skeleton";

/** Loading state of the data admin screens: a heading, a form block and table rows. */
export function AdminPageSkeleton({ label, form = true, rows = 8 }: { label: string; form?: boolean; rows?: number }) {
  return (
    <div className="space-y-6" aria-busy="true">
      <span className="sr-only" role="status">
        {label}
      </span>
      <div className="space-y-2">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {form ? <Skeleton className="h-40 w-full" /> : null}
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
        <Skeleton className="h-5 w-full" />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    </div>
  );
}
