import { AdminPageSkeleton } from "@/components/admin/page-skeleton";

export default function ProductsLoading() {
  return <AdminPageSkeleton label="Loading products" rows={12} />;
}
