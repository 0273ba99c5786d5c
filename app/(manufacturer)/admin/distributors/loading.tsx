import { AdminPageSkeleton } from "@/components/admin/page-skeleton";

export default function DistributorsLoading() {
  return <AdminPageSkeleton label="Loading distributors" />;
}
