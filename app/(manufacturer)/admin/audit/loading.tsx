import { AdminPageSkeleton } from "@/components/admin/page-skeleton";

export default function AuditLoading() {
  return <AdminPageSkeleton label="Loading the audit log" form={false} rows={14} />;
}
