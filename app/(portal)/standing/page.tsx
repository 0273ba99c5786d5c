import type { Metadata } from "next";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listCompliance } from "@/lib/dal/compliance/list-compliance";
import { listStanding } from "@/lib/dal/rebates/get-rebate-standing";
import { rulesSummary } from "@/lib/domain/rebates";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader, CardBody } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TR, HeadRow, numeric } from "@/components/ui/table";
import { StatusCell } from "@/components/compliance/compliance-board";

export const metadata: Metadata = { title: "Compliance & rebate" };
export const dynamic = "force-dynamic";

export default async function StandingPage() {
  const viewer = await requirePageViewer("/standing");
  const f = await getFormatter();
  const [board, standing] = await withViewerDb(viewer, (db) => Promise.all([listCompliance(db, viewer, {}), listStanding(db, viewer, new Date(), f)]));
  const row = board.rows[0];
  const cells = [...(row?.cells ?? [])].reverse();
  return (
    <div className="space-y-8">
      <PageHeader
        title="Compliance & rebate"
        description="How your reporting counts: each period is judged on your first submission; the reporting rebate pays when every period is on time, complete and accurate."
      />

      <section aria-labelledby="rebate-heading" className="space-y-4">
        <h2 id="rebate-heading" className="text-base font-semibold text-slate-900">Rebate standing</h2>
        {standing.length === 0 ? <p className="text-sm text-slate-600">No rebate programme is running.</p> : null}
        {standing.map(({ program, row: r, line }) => (
          <Card key={program.id}>
            <CardHeader
              title={program.name}
              description={`${f.period(program.fromPeriod)} – ${f.period(program.toPeriod)} · ${rulesSummary(program.rules, f)}`}
              actions={
                r ? (
                  r.eligible ? <Badge tone="green" dot>{r.frozen ? "Earned" : r.complete ? "Eligible" : "On track"}</Badge> : <Badge tone="red" dot>Not eligible</Badge>
                ) : null
              }
            />
            <CardBody className="space-y-3 text-sm">
              <p className="font-medium text-slate-900" data-testid="standing-line">{f.message(line)}</p>
              {r ? (
                <>
                  <ul className="space-y-1">
                    {r.rules.map((x) => (
                      <li key={x.rule} className={x.pass ? "text-emerald-800" : "text-red-700"}>
                        {x.pass ? "✓" : "✗"} {f.message(x.detail)}
                      </li>
                    ))}
                  </ul>
                  <p className="text-slate-700">
                    {r.frozen ? `Frozen for payout: ${f.money(r.amount, program.currency)}` : r.eligible ? `Rebate ${r.complete ? "" : "so far "}${f.money(r.amount, program.currency)}` : `At stake: ${f.money(r.potentialAmount, program.currency)}`}
                  </p>
                  {!r.complete && r.todo.length ? (
                    <div>
                      <h3 className="text-sm font-semibold text-slate-900">To qualify this programme</h3>
                      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
                        {r.todo.map((t) => <li key={t}>{f.message(t)}</li>)}
                      </ul>
                    </div>
                  ) : null}
                </>
              ) : null}
            </CardBody>
          </Card>
        ))}
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold text-slate-900">Your reporting, last {cells.length} periods</h2>
        {row ? (
          <p className="text-sm text-slate-700">
            {row.onTime} of {row.duePeriods} periods on time{row.avgDaysLate ? ` · ${f.number(row.avgDaysLate, { digits: 1 })} days late on average` : ""}
            {row.missing ? ` · ${row.missing} missing` : ""}{row.incomplete ? ` · ${row.incomplete} incomplete` : ""}
          </p>
        ) : null}
        <Table label="Compliance history">
          <HeadRow columns={["Period", "Status", "Due", "First submitted", numeric("Revisions")]} />
          <TBody>
            {cells.map((c) => (
              <TR key={c.period}>
                <TD className="font-medium">{f.period(c.period)}</TD>
                <TD><StatusCell cell={c} timeZone={board.timeZone} /></TD>
                <TD className="text-xs">{f.dateTime(c.dueAt)}</TD>
                <TD className="text-xs">{c.submittedAt ? f.dateTime(c.submittedAt) : "—"}</TD>
                <TD numeric>{c.revisions || "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </section>
    </div>
  );
}
