import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { getGapDetail } from "@/lib/dal/gaps/gap-detail";
import { periodSchema } from "@/lib/validation/common";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { Num } from "@/components/ui/num";
import { Table, THead, TBody, TR, TH, TD } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { InventoryFlowChart } from "@/components/charts/inventory-flow-chart";
import { FLAG_LABELS } from "@/components/gap-table/columns";
import { fromFirstData } from "@/lib/domain/first-data";
import { RowActions } from "@/components/exceptions/row-actions";
import { worksExceptions } from "@/lib/dal/corrections/approval-queue";
import { askOnRowAction, openExceptionAction, proposeOnRowAction } from "../../../exceptions/actions";
import { CHECK_KIND_LABELS, CONFIRM_REASON_LABELS, type CheckKind, type ConfirmReason } from "@/lib/domain/submission-checks";

type Params = { distributor: string; sku: string };

const dec = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const p = await params;
  return { title: `${dec(p.distributor)} × ${dec(p.sku)} · Gaps` };
}

const MOVEMENT_LABELS: Record<string, string> = {
  opening_balance: "Opening balance", sell_in: "Sell-in shipment", sell_through: "Sell-through", customer_return: "Customer return",
  return_to_vendor: "Return to vendor", transfer_in: "Transfer in", transfer_out: "Transfer out", adjustment_in: "Adjustment +", adjustment_out: "Adjustment −",
};
const STATUS_TONE: Record<string, "red" | "amber" | "green" | "neutral"> = { open: "red", investigating: "amber", resolved: "green", dismissed: "neutral" };

function Flags({ flags }: { flags: string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((f) => (
        <Badge key={f} tone={FLAG_LABELS[f]?.tone ?? "neutral"}>{FLAG_LABELS[f]?.label ?? f}</Badge>
      ))}
    </span>
  );
}

/** One distributor × SKU: 18 periods of ledger, the movements and revisions behind them, and exceptions. */
export default async function GapDetailPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const f = await getFormatter();
  const when = (iso: string) => f.dateTime(iso, { zone: true });
  const p = await params;
  const sp = await searchParams;
  const period = typeof sp.period === "string" && periodSchema.safeParse(sp.period).success ? sp.period : undefined;
  let detail;
  try {
    detail = await withViewerDb(viewer, (db) => getGapDetail(db, viewer, { distributor: dec(p.distributor), sku: dec(p.sku), period }));
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const { distributor: d, product, ledger } = detail;
  const row = ledger.find((l) => l.period === detail.period);
  // The chart starts at the first period with data; its title says so.
  const charted = fromFirstData(ledger)[0]?.period ?? detail.from;
  const back = `/gaps?period=${detail.period}&distributor=${encodeURIComponent(d.code)}`;

  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/gaps?period=${detail.period}`} className="font-medium text-indigo-700 hover:underline">Gaps {f.period(detail.period)}</Link>
        <span aria-hidden="true" className="mx-1.5 text-slate-400">/</span>
        <Link href={back} className="font-medium text-indigo-700 hover:underline">{d.code}</Link>
        <span aria-hidden="true" className="mx-1.5 text-slate-400">/</span>
        <span className="text-slate-700">{product.sku}</span>
      </nav>
      <PageHeader
        className="mb-0"
        title={<>{d.code} × {product.sku}</>}
        description={<>{d.name} · {product.description} · family {product.family} · {f.period(detail.period)}</>}
      >
        {row ? <Flags flags={row.flags} /> : null}
      </PageHeader>

      {worksExceptions(viewer) && row ? (
        <RowActions
          row={{ distributor: d.code, sku: product.sku, period: detail.period }}
          ledger={{ calculated: row.calculated, reported: row.reported, gap: row.gap }}
          exception={detail.exceptions.find((x) => x.period === detail.period) ?? null}
          openAction={openExceptionAction}
          proposeAction={proposeOnRowAction}
          askAction={askOnRowAction}
        />
      ) : null}

      <Card className="grid grid-cols-2 gap-4 px-4 py-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Opening" value={row?.opening ?? null} />
        <Stat label="Calculated" value={row?.calculated ?? null} hint={row ? `+${f.number(row.sellIn)} in · −${f.number(row.sellThrough)} sold` : undefined} />
        <Stat label="Reported" value={row?.reported ?? null} hint={row?.reported == null ? "not reported" : "on hand at period end"} />
        <Stat
          label="Gap"
          value={row?.gap == null ? null : <span className={row.gap > 0 ? "text-red-700" : row.gap < 0 ? "text-amber-800" : undefined}>{f.number(row.gap, { signed: row.gap !== 0 })}</span>}
          hint={row?.gapPct == null ? undefined : `${f.number(row.gapPct, { digits: 1 })} % of calculated`}
        />
        <Stat label="New gap this period" value={row?.newGap ?? null} signed />
        <Stat label="Weeks of supply" value={row?.weeksOfSupply ?? null} digits={1} />
      </Card>

      <Card>
        <CardHeader title={`Sell-in, sell-through and inventory · ${f.period(charted)} to ${f.period(detail.period)}`} description="Bars: units shipped to and resold by the distributor. Lines: the ledger's calculated inventory and the on-hand the distributor reported." />
        <div className="px-2 py-3">
          {ledger.length ? (
            <InventoryFlowChart data={ledger} label={`Chart of sell-in, sell-through, calculated and reported inventory for ${d.code} ${product.sku}, ${f.period(charted)} to ${f.period(detail.period)}`} />
          ) : (
            <EmptyState title="No ledger history in these periods" />
          )}
        </div>
      </Card>

      <Card>
        <CardHeader title="Ledger by period" description="opening + sell-in − sell-through − returns ± adjustments = calculated; gap = calculated − reported; new gap = gap − last period's gap." />
        <Table label="Ledger by period" className="min-w-full">
          <THead>
            <TR>
              <TH>Period</TH><TH numeric>Opening</TH><TH numeric>Sell-in</TH><TH numeric>Sell-through</TH><TH numeric>Returns</TH>
              <TH numeric>Adj.</TH><TH numeric>Calculated</TH><TH numeric>Reported</TH><TH numeric>Gap</TH><TH numeric>Gap %</TH>
              <TH numeric>New gap</TH><TH numeric>WoS</TH><TH>Flags</TH>
            </TR>
          </THead>
          <TBody>
            {[...ledger].reverse().map((l) => (
              <TR key={l.period} selected={l.period === detail.period}>
                <TD className="font-medium">
                  <Link href={`?period=${l.period}`} className="text-indigo-700 hover:underline" aria-current={l.period === detail.period ? "page" : undefined}>{f.period(l.period)}</Link>
                </TD>
                <TD numeric><Num value={l.opening} /></TD><TD numeric><Num value={l.sellIn} /></TD><TD numeric><Num value={l.sellThrough} /></TD>
                <TD numeric><Num value={l.returns} /></TD><TD numeric><Num value={l.adjustments} signed /></TD>
                <TD numeric className="font-medium"><Num value={l.calculated} /></TD><TD numeric className="font-medium"><Num value={l.reported} /></TD>
                <TD numeric className={l.gap ? (l.gap > 0 ? "font-semibold text-red-700" : "font-semibold text-amber-800") : undefined}><Num value={l.gap} signed /></TD>
                <TD numeric>{l.gapPct == null ? <Num value={null} /> : <span className="block text-right">{f.number(l.gapPct, { digits: 1 })} %</span>}</TD>
                <TD numeric><Num value={l.newGap} signed /></TD><TD numeric><Num value={l.weeksOfSupply} digits={1} /></TD>
                <TD><Flags flags={l.flags} /></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>

      <div className="grid gap-5 xl:grid-cols-2">
        <Card>
          <CardHeader title="Movements" description="Sell-in shipments from the ERP (document / line) and approved corrections with their reason; newest first." />
          {detail.movements.length ? (
            <Table label="Movements" maxHeight="28rem" stickyHeader>
              <THead>
                <TR><TH>Period</TH><TH>Date</TH><TH>Type</TH><TH numeric>Units</TH><TH>Document / reason</TH></TR>
              </THead>
              <TBody>
                {detail.movements.map((m) => (
                  <TR key={m.id}>
                    <TD>{f.period(m.period)}</TD>
                    <TD className="text-slate-600 whitespace-nowrap">{m.occurredOn ? f.date(m.occurredOn) : "—"}</TD>
                    <TD>{m.correctionId ? <Badge tone="blue">Correction · {MOVEMENT_LABELS[m.type] ?? m.type}</Badge> : MOVEMENT_LABELS[m.type] ?? m.type}</TD>
                    <TD numeric className={m.signed < 0 ? "text-red-700" : undefined}><Num value={m.signed} signed /></TD>
                    <TD className="text-slate-700">
                      {m.document ? <span className="font-mono text-xs">{m.document}{m.documentLine ? ` / ${m.documentLine}` : ""}</span> : null}
                      {m.reason ? <span className="block text-xs">{m.reason}{m.approvedBy ? ` · approved by ${m.approvedBy}` : ""}</span> : null}
                      {!m.document && !m.reason ? "—" : null}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : (
            <EmptyState className="m-4" title="No movements in these periods" />
          )}
        </Card>
        <Card>
          <CardHeader title="Submission revisions" description="Every revision the distributor submitted for this SKU; the latest of each period feeds the ledger." />
          {detail.revisions.length ? (
            <Table label="Submission revisions" maxHeight="28rem" stickyHeader>
              <THead>
                <TR><TH>Period</TH><TH>Rev.</TH><TH>Submitted</TH><TH>By</TH><TH numeric>Sold</TH><TH numeric>Returned</TH><TH numeric>On hand</TH><TH numeric>Quality</TH><TH>Check at submit</TH></TR>
              </THead>
              <TBody>
                {detail.revisions.map((r) => (
                  <TR key={`${r.period}-${r.revision}`}>
                    <TD>{f.period(r.period)}</TD>
                    <TD>{r.revision} {r.latest ? <Badge tone="green">latest</Badge> : null}</TD>
                    <TD className="whitespace-nowrap text-slate-600">{when(r.submittedAt)}</TD>
                    <TD>{r.submittedBy} <span className="text-xs text-slate-500">({r.source})</span></TD>
                    <TD numeric><Num value={r.sold} /></TD><TD numeric><Num value={r.returned} /></TD><TD numeric><Num value={r.onHand} /></TD>
                    <TD numeric>{r.quality === null ? "—" : `${r.quality}/100`}</TD>
                    <TD className="max-w-sm text-xs text-slate-700" data-testid="revision-check">
                      {r.flags.map((fl, i) => <p key={i}><span className="font-semibold text-amber-900">{CHECK_KIND_LABELS[fl.kind as CheckKind] ?? fl.kind}:</span> {f.message(fl.message)}</p>)}
                      {r.confirm ? <p className="font-medium text-slate-900">Confirmed as reported: {CONFIRM_REASON_LABELS[r.confirm.reason as ConfirmReason] ?? r.confirm.reason}{r.confirm.note ? ` — ${r.confirm.note}` : ""}</p> : null}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : (
            <EmptyState className="m-4" title="No revisions carried this SKU" />
          )}
        </Card>
      </div>

      <Card>
        <CardHeader title="Exceptions on this row" description="Investigations of this distributor × SKU, any period." />
        {detail.exceptions.length ? (
          <Table label="Exceptions">
            <THead>
              <TR><TH>Exception</TH><TH>Period</TH><TH>Status</TH><TH>Reason</TH><TH>Owner</TH><TH numeric>Gap at open</TH><TH>Created</TH></TR>
            </THead>
            <TBody>
              {detail.exceptions.map((e) => (
                <TR key={e.id}>
                  <TD><Link href={`/exceptions/${e.id}`} className="font-mono text-xs font-medium text-indigo-700 hover:underline">{e.id.slice(0, 8)}</Link></TD>
                  <TD>{f.period(e.period)}</TD>
                  <TD><Badge tone={STATUS_TONE[e.status] ?? "neutral"} dot>{e.status}</Badge></TD>
                  <TD>{e.reason?.replaceAll("_", " ") ?? "—"}</TD>
                  <TD>{e.owner ?? "unassigned"}</TD>
                  <TD numeric><Num value={e.gapAtOpen} signed /></TD>
                  <TD className="whitespace-nowrap text-slate-600">{when(e.createdAt)}{e.automatic ? " · automatic" : ""}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ) : (
          <EmptyState className="m-4" title="No exceptions on this row" description="Rows above the thresholds open one automatically; staff can open one from the exceptions screen." />
        )}
      </Card>
    </div>
  );
}
