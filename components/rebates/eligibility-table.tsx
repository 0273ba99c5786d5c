"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TR, HeadRow, numeric } from "@/components/ui/table";
import { ActionMessage } from "@/components/ui/action-message";
import type { ActionState } from "@/lib/validation/action-state";
import { useFormatter } from "@/components/format/format-provider";

export interface EligibilityView {
  distributor: string;
  distributorName: string;
  eligible: boolean;
  amount: string;
  potentialAmount: string;
  reasons: string[];
  rules: { rule: string; pass: boolean; detail: string }[];
  frozen: boolean;
  frozenAt: string | null;
  frozenBy: string | null;
  changedSinceFrozen: boolean;
  current: { eligible: boolean; amount: string; reasons: string[] };
  complete: boolean;
}

const RULE_LABELS: Record<string, string> = { timeliness: "On time", completeness: "Complete", accuracy: "Accurate" };

export type FreezeAction = (programId: string, distributors?: string[]) => Promise<ActionState>;

export function EligibilityTable({ programId, currency, rows, canFreeze, complete, freezeAction }: { programId: string; currency: string; rows: EligibilityView[]; canFreeze: boolean; complete: boolean; freezeAction: FreezeAction }) {
  const f = useFormatter();
  const money = (amount: string) => f.money(amount, currency);
  const [result, setResult] = useState<ActionState | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const freeze = (codes?: string[]) => {
    const label = codes ? codes.join(", ") : "every unfrozen row";
    if (!window.confirm(`Freeze ${label} for payout? A frozen result is never changed afterwards.`)) return;
    setBusy(codes ? codes[0]! : "*");
    startTransition(async () => {
      setResult(await freezeAction(programId, codes));
      setBusy(null);
    });
  };
  const unfrozen = rows.filter((r) => !r.frozen).length;
  return (
    <div className="space-y-3">
      {canFreeze ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" disabled={!complete || unfrozen === 0} pending={busy === "*"} onClick={() => freeze()}>
            Freeze all unfrozen ({unfrozen})
          </Button>
          {!complete ? <span className="text-sm text-slate-600">Results can be frozen once every period of the programme is due.</span> : null}
        </div>
      ) : null}
      <div aria-live="polite" className="min-h-5 text-sm">
        <ActionMessage state={result} />
      </div>
      <Table label="Eligibility by distributor">
        <HeadRow columns={["Distributor", "Result", ...["timeliness", "completeness", "accuracy"].map((r) => RULE_LABELS[r]), numeric("Amount"), "Payout"]} />
        <TBody>
          {rows.map((r) => (
            <TR key={r.distributor} data-distributor={r.distributor}>
              <TD className="align-top">
                <div className="font-medium text-slate-900">{r.distributor}</div>
                <div className="text-xs text-slate-600">{r.distributorName}</div>
              </TD>
              <TD className="align-top">
                {r.eligible ? <Badge tone="green" dot>{r.complete || r.frozen ? "Eligible" : "On track"}</Badge> : <Badge tone="red" dot>Not eligible</Badge>}
                {r.reasons.length ? (
                  <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-700" aria-label={`Reasons for ${r.distributor}`}>
                    {r.reasons.map((x) => <li key={x}>{f.message(x)}</li>)}
                  </ul>
                ) : null}
              </TD>
              {r.rules.map((x) => (
                <TD key={x.rule} className="align-top text-xs">
                  <span className={x.pass ? "font-medium text-emerald-800" : "font-medium text-red-700"}>{x.pass ? "✓ Pass" : "✗ Fail"}</span>
                  <div className="mt-0.5 max-w-56 text-slate-700">{f.message(x.detail)}</div>
                </TD>
              ))}
              <TD numeric className="align-top">
                <span data-testid={`amount-${r.distributor}`}>{money(r.amount)}</span>
                {!r.eligible && r.potentialAmount !== "0.00" ? <div className="text-xs text-slate-500">at stake {money(r.potentialAmount)}</div> : null}
              </TD>
              <TD className="align-top text-xs">
                {r.frozen ? (
                  <div className="space-y-1">
                    <Badge tone="blue">Frozen</Badge>
                    <div className="text-slate-700">{r.frozenAt ? f.dateTime(r.frozenAt, { zone: true }) : ""}</div>
                    <div className="text-slate-700">by {r.frozenBy}</div>
                    {r.changedSinceFrozen ? (
                      <div>
                        <Badge tone="amber">Changed since frozen</Badge>
                        <div className="mt-0.5 text-slate-600">
                          Now: {r.current.eligible ? "eligible" : "not eligible"}, {money(r.current.amount)}
                        </div>
                      </div>
                    ) : null}
                  </div>
                ) : canFreeze ? (
                  <Button size="sm" variant="secondary" disabled={!complete} pending={busy === r.distributor} onClick={() => freeze([r.distributor])}>
                    Freeze {r.distributor}
                  </Button>
                ) : (
                  <span className="text-slate-500">Not frozen</span>
                )}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
