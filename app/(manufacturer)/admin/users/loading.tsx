import { AdminPageSkeleton } from "@/components/admin/page-skeleton";

export default function UsersLoading() {
  return <AdminPageSkeleton label="Loading users" />;
}
