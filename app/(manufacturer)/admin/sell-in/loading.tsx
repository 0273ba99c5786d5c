import { AdminPageSkeleton } from "@/components/admin/page-skeleton";

export default function SellInLoading() {
  return <AdminPageSkeleton label="Loading sell-in" rows={3} />;
}
