import { Skeleton } from "@/components/ui/skeleton";
import { HeadingSkeleton, PageSkeleton, RowsSkeleton } from "@/components/ui/page-skeleton";

/** Loading state of the data admin screens: a heading, a form block and table rows. */
export function AdminPageSkeleton({ label, form = true, rows = 8 }: { label: string; form?: boolean; rows?: number }) {
  return (
    <PageSkeleton label={label}>
      <HeadingSkeleton title="w-48" />
      {form ? <Skeleton className="h-40 w-full" /> : null}
      <RowsSkeleton header rows={rows} />
    </PageSkeleton>
  );
}
