"use client";

import { useState, useTransition } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TR, HeadRow, unseenHead } from "@/components/ui/table";
import { ActionMessage } from "@/components/ui/action-message";
import type { ActionState } from "@/lib/validation/action-state";
import { useFormatSettings } from "@/components/format/format-provider";
import { createFormatter } from "@/lib/format/formatter";

interface PeriodItem {
  period: string;
  dueAt: string;
  closed: boolean;
  closedAt: string | null;
}

/** Deadlines in the manufacturer's zone, in the user's locale (lib/format). */
const fmt = (iso: string, timeZone: string, locale: string) => createFormatter({ locale, timeZone }).dateTime(iso, { seconds: true });

/** Close or reopen periods (channel managers, admins); others see the state only. */
type PeriodAction = (period: string) => Promise<ActionState>;

export function PeriodControls({ periods, canClose, timeZone, closePeriodAction, reopenPeriodAction }: { periods: PeriodItem[]; canClose: boolean; timeZone: string; closePeriodAction: PeriodAction; reopenPeriodAction: PeriodAction }) {
  const [result, setResult] = useState<ActionState | null>(null);
  const { locale } = useFormatSettings();
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const act = (period: string, close: boolean) => {
    if (close && !window.confirm(`Close ${period}? Distributors can then no longer submit or resubmit it; changes go through approved adjustments.`)) return;
    setBusy(period);
    startTransition(async () => {
      setResult(await (close ? closePeriodAction(period) : reopenPeriodAction(period)));
      setBusy(null);
    });
  };
  return (
    <Card className="mt-8">
      <CardHeader title="Periods" description="A closed period takes no submissions; changes then go through approved adjustments. Closing and reopening are audited." />
      <div className="p-4">
        <div aria-live="polite" className="mb-2 min-h-5 text-sm">
          <ActionMessage state={result} />
        </div>
        <Table label="Periods">
          <HeadRow columns={["Period", "Due", "State", canClose && unseenHead("Action")]} />
          <TBody>
            {[...periods].reverse().map((p) => (
              <TR key={p.period} data-period={p.period}>
                <TD className="font-medium">{createFormatter({ locale, timeZone }).period(p.period)}</TD>
                <TD className="text-xs">{fmt(p.dueAt, timeZone, locale)}</TD>
                <TD>{p.closed ? <Badge tone="neutral">Closed {p.closedAt ? createFormatter({ locale, timeZone }).date(p.closedAt) : ""}</Badge> : <Badge tone="green">Open</Badge>}</TD>
                {canClose ? (
                  <TD className="text-right">
                    <Button size="sm" variant="secondary" pending={busy === p.period} onClick={() => act(p.period, !p.closed)}>
                      {p.closed ? `Reopen ${p.period}` : `Close ${p.period}`}
                    </Button>
                  </TD>
                ) : null}
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </Card>
  );
}
