import { Skeleton } from "@/components/ui/skeleton";
import { HeadingSkeleton, SkeletonGroup } from "@/components/ui/page-skeleton";

/** The report screen while its period and rows load: same layout, grey blocks. */
export function SubmitSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true">
      <span className="sr-only">Loading the report</span>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <HeadingSkeleton title="w-56">
          <SkeletonGroup className="flex gap-2 pt-1" blocks={["h-5 w-16", "h-5 w-52"]} />
        </HeadingSkeleton>
        <Skeleton className="h-8 w-48" />
      </div>
      <Skeleton className="h-4 w-80" />
      <div className="flex flex-wrap items-center gap-3">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-8 w-72" />
        <SkeletonGroup className="ml-auto flex gap-3" blocks={["h-6 w-24", "h-9 w-36"]} />
      </div>
      <div className="overflow-hidden rounded-lg border border-slate-300 bg-white">
        <div className="h-9 border-b border-slate-300 bg-slate-100" />
        {Array.from({ length: 14 }, (_, i) => (
          <div key={i} className="flex h-8 items-center gap-4 border-b border-slate-100 px-3">
            <Skeleton className="h-3.5 w-24" />
            <Skeleton className="h-3.5 w-48" />
            <SkeletonGroup className="ml-auto flex gap-6" blocks={Array<string>(7).fill("h-3.5 w-14")} />
          </div>
        ))}
      </div>
    </div>
  );
}
