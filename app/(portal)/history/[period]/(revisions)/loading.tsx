import { Skeleton } from "@/components/ui/skeleton";
import { HeadingSkeleton, PageSkeleton, RowsSkeleton, SkeletonGroup } from "@/components/ui/page-skeleton";

export default function PeriodHistoryLoading() {
  return (
    <PageSkeleton label="Loading the period’s revisions">
      <Skeleton className="h-4 w-40" />
      <HeadingSkeleton title="w-56" intro="w-80 max-w-full" />
      <RowsSkeleton rows={4} />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <Skeleton className="h-5 w-48" />
        <SkeletonGroup className="flex gap-3" blocks={["h-9 w-40", "h-9 w-40", "h-9 w-24"]} />
        <Skeleton className="h-40 w-full" />
      </div>
    </PageSkeleton>
  );
}
