import { Skeleton } from "@/components/ui/skeleton";

export default function ApiTokensLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading API tokens
      </span>
      <div className="space-y-2">
        <Skeleton className="h-6 w-36" />
        <Skeleton className="h-4 w-[32rem] max-w-full" />
      </div>
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <Skeleton className="h-5 w-32" />
            <div className="flex gap-3">
              <Skeleton className="h-9 w-80 max-w-full" />
              <Skeleton className="h-9 w-28" />
            </div>
          </div>
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-8 w-full" />
            ))}
          </div>
        </div>
        <Skeleton className="h-64 w-full" />
      </div>
    </div>
  );
}
