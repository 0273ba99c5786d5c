import { Skeleton } from "@/components/ui/skeleton";
import { HeadingSkeleton, PageSkeleton, RowsSkeleton } from "@/components/ui/page-skeleton";

export default function HistoryLoading() {
  return (
    <PageSkeleton label="Loading history">
      <HeadingSkeleton title="w-40" />
      <Skeleton className="h-20 w-full" />
      <RowsSkeleton header rows={10} />
    </PageSkeleton>
  );
}
