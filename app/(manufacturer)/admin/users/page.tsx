import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listUsers } from "@/lib/dal/admin/list-users";
import { listDistributorOptions } from "@/lib/dal/admin/list-distributors";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ActionsHead, Table, TBody, TD, TR, HeadRow } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/components/shell/nav-items";
import { UserForm } from "@/components/admin/user-form";
import { UserActiveToggle } from "@/components/admin/user-active-toggle";
import { UtcTime } from "@/components/admin/utc-time";
import { createUserAction, setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await requirePageViewer("/admin/users");
  if (viewer.role !== "admin") notFound();
  const [users, distributors] = await withViewerDb(viewer, (db) => Promise.all([listUsers(db, viewer), listDistributorOptions(db, viewer)]));
  const active = users.filter((u) => u.active).length;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="Who may sign in. Deactivating a user ends their sessions and API tokens at once; reactivating restores access."
      />
      <Card className="max-w-3xl">
        <CardHeader title="New user" />
        <CardBody>
          <UserForm action={createUserAction} distributors={distributors} />
        </CardBody>
      </Card>
      <section aria-labelledby="users-heading" className="space-y-2">
        <h2 id="users-heading" className="text-sm font-semibold text-slate-900">
          All users{" "}
          <span className="font-normal text-slate-600 tabular-nums">
            ({active} active of {users.length})
          </span>
        </h2>
        {users.length === 0 ? (
          <EmptyState title="No users" description="Create the first one above." />
        ) : (
          <Table label="Users" stickyHeader>
            <HeadRow columns={["E-mail", "Name", "Role", "Distributor", "Status", "Created", <ActionsHead key="actions" />]} />
            <TBody>
              {users.map((u) => {
                const self = u.email.toLowerCase() === viewer.email.toLowerCase();
                return (
                  <TR key={u.email} data-testid={`user-row-${u.email}`}>
                    <TD className="font-medium">{u.email}</TD>
                    <TD>{u.name}</TD>
                    <TD>{ROLE_LABELS[u.role]}</TD>
                    <TD>{u.distributorCode ? <span title={u.distributorName ?? undefined} className="font-mono text-xs">{u.distributorCode}</span> : <span className="text-slate-500">—</span>}</TD>
                    <TD>
                      {u.active ? (
                        <Badge tone="green" dot>
                          Active
                        </Badge>
                      ) : (
                        <Badge tone="neutral" dot>
                          Deactivated
                        </Badge>
                      )}
                    </TD>
                    <TD>
                      <UtcTime iso={u.createdAt} />
                    </TD>
                    <TD className="text-right">
                      {self ? (
                        <span className="text-xs text-slate-600">You</span>
                      ) : (
                        <UserActiveToggle email={u.email} active={u.active} version={u.version} action={setUserActiveAction} />
                      )}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
