import { Skeleton } from "@/components/ui/skeleton";
import { HeadingSkeleton, PageSkeleton, RowsSkeleton, SkeletonGroup } from "@/components/ui/page-skeleton";

export default function RevisionLoading() {
  return (
    <PageSkeleton label="Loading the revision">
      <Skeleton className="h-4 w-56" />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <HeadingSkeleton title="w-72" intro="w-48" />
        <Skeleton className="h-9 w-64" />
      </div>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <SkeletonGroup className="grid grid-cols-2 gap-4 sm:grid-cols-4" blocks={Array<string>(4).fill("h-10 w-full")} />
        <SkeletonGroup className="grid grid-cols-2 gap-4 sm:grid-cols-4" blocks={Array<string>(4).fill("h-12 w-full")} />
      </div>
      <Skeleton className="h-40 w-full" />
      <RowsSkeleton rows={8} />
    </PageSkeleton>
  );
}
