import { HeadingSkeleton, PageSkeleton, SkeletonGroup } from "@/components/ui/page-skeleton";

export default function ProfileLoading() {
  return (
    <PageSkeleton label="Loading your profile">
      <HeadingSkeleton title="w-36" />
      <SkeletonGroup className="grid gap-6 lg:grid-cols-2" blocks={["h-96 w-full", "h-80 w-full"]} />
    </PageSkeleton>
  );
}
