import { Skeleton } from "@/components/ui/skeleton";
import { HeadingSkeleton, PageSkeleton, RowsSkeleton, SkeletonGroup } from "@/components/ui/page-skeleton";

export default function ApiTokensLoading() {
  return (
    <PageSkeleton label="Loading API tokens">
      <HeadingSkeleton title="w-36" intro="w-[32rem] max-w-full" />
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <Skeleton className="h-5 w-32" />
            <SkeletonGroup className="flex gap-3" blocks={["h-9 w-80 max-w-full", "h-9 w-28"]} />
          </div>
          <RowsSkeleton rows={4} />
        </div>
        <Skeleton className="h-64 w-full" />
      </div>
    </PageSkeleton>
  );
}
