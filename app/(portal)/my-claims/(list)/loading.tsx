import { HeadingSkeleton, PageSkeleton, RowsSkeleton } from "@/components/ui/page-skeleton";

export default function ClaimsLoading() {
  return (
    <PageSkeleton label="Loading claims">
      <HeadingSkeleton title="w-40" />
      <RowsSkeleton header rows={6} />
    </PageSkeleton>
  );
}
