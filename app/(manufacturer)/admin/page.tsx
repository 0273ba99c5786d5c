import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { adminOverview } from "@/lib/dal/admin/admin-overview";
import { PageHeader } from "@/components/ui/page-header";
import { getFormatter } from "@/lib/format/request-format";
import { UtcTime } from "@/components/admin/utc-time";

export const metadata: Metadata = { title: "Data" };

interface Tile {
  href: string;
  title: string;
  figure: string | null;
  unit: string;
  text: React.ReactNode;
}

export default function AdminIndexPage() {
  return (
    <div>
      <PageHeader title="Data" description="The manufacturer's master data and what feeds the ledger." />
      <Suspense fallback={<TilesSkeleton />}>
        <Tiles />
      </Suspense>
    </div>
  );
}

function TilesSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-busy="true">
      <span className="sr-only" role="status">
        Loading counts
      </span>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-32 w-full" />
      ))}
    </div>
  );
}

async function Tiles() {
  const viewer = await requirePageViewer("/admin");
  const o = await withViewerDb(viewer, (db) => adminOverview(db, viewer));
  const f = await getFormatter();
  const n = (v: number | null) => (v === null ? null : f.int(v));
  const tiles: Tile[] = [
    {
      href: "/admin/sell-in",
      title: "Sell-in",
      figure: n(o.sellInLines),
      unit: "shipment lines",
      text: o.lastSellInLoad ? (
        <>
          Last load <UtcTime iso={o.lastSellInLoad} />
        </>
      ) : (
        "Load the ERP's shipment file."
      ),
    },
  ];
  if (viewer.role === "admin") {
    tiles.push(
      { href: "/admin/distributors", title: "Distributors", figure: n(o.distributors), unit: "distributors", text: "Create one, or import a CSV of codes and names." },
      { href: "/admin/products", title: "Products", figure: n(o.products), unit: "SKUs", text: "Search the catalogue, add a product or import a CSV." },
      { href: "/admin/users", title: "Users", figure: n(o.activeUsers), unit: `active of ${f.int(o.users ?? 0)}`, text: "Create users, deactivate and reactivate them." },
      { href: "/admin/audit", title: "Audit log", figure: n(o.auditEntries), unit: "entries", text: "Sign-ins, submissions, corrections, closes, user and token changes." },
      { href: "/admin/outbox", title: "Outbox", figure: n(o.outboxPending), unit: "unsent e-mails", text: "Reminders waiting to be sent, and failures." },
      { href: "/admin/settings", title: "Settings", figure: null, unit: "", text: "Deadlines, time zone, thresholds and tolerances." },
    );
  }
  return (
    <ul aria-label="Data screens" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-xs transition-colors hover:border-indigo-300 hover:bg-indigo-50/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              <span className="text-sm font-semibold text-slate-900">{t.title}</span>
              {t.figure !== null ? (
                <span className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
                  {t.figure} <span className="text-sm font-normal text-slate-600">{t.unit}</span>
                </span>
              ) : null}
              <span className="mt-2 text-sm text-slate-600">{t.text}</span>
            </Link>
          </li>
        ))}
      </ul>
  );
}
