"use client";

import { RowLink } from "@/components/ui/row-link";
import { useActionState, useState } from "react";
import { Button, buttonClasses, SubmitRight } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/validation/action-state";
import { useFormatter } from "@/components/format/format-provider";
import { CorrectionFields } from "./correction-fields";
import { FormMessage } from "./form-message";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export interface RowActionsProps {
  row: { distributor: string; sku: string; period: string };
  /** The row's numbers now: the proposed quantity and the question start from them. */
  ledger: { calculated: number; reported: number | null; gap: number | null } | null;
  /** The row's exception in this period, when it has one. */
  exception: { id: string; status: string } | null;
  openAction: Action;
  proposeAction: Action;
  askAction: Action;
}

type Panel = "propose" | "ask" | null;

const signed = (n: number) => `${n > 0 ? "+" : "\u2212"}${Math.abs(n)}`;

function RowFields({ row }: { row: RowActionsProps["row"] }) {
  return (
    <>
      <input type="hidden" name="distributor" value={row.distributor} />
      <input type="hidden" name="sku" value={row.sku} />
      <input type="hidden" name="period" value={row.period} />
    </>
  );
}

/**
 * Act where you look: open the row's exception, propose a correction or ask the distributor from the
 * drill-down, without retyping distributor, SKU or period. Proposing or asking opens the row's
 * exception when it has none (the same one otherwise), then lands on it.
 */
export function RowActions({ row, ledger, exception, openAction, proposeAction, askAction }: RowActionsProps) {
  const [panel, setPanel] = useState<Panel>(null);
  const [openState, open, opening] = useActionState(openAction, { ok: null });
  const [proposeState, propose, proposing] = useActionState(proposeAction, { ok: null });
  const [askState, ask, asking] = useActionState(askAction, { ok: null });
  const gap = ledger?.gap ?? null;
  const fe = proposeState.ok === false ? proposeState.fieldErrors : {};
  const v = proposeState.ok === false ? (proposeState.values ?? {}) : {};
  const askErrors = askState.ok === false ? askState.fieldErrors : {};
  const f = useFormatter();
  const month = f.period(row.period);
  const question =
    ledger && ledger.reported !== null && gap
      ? `By our books you should have ${f.number(ledger.calculated)} units of ${row.sku} at the end of ${month}, but you reported ${f.number(ledger.reported)} (a difference of ${f.number(gap, { signed: true })}). Can you tell us where the difference comes from?`
      : `Can you check your figures for ${row.sku} in ${month}?`;
  const toggle = (p: Panel) => setPanel((now) => (now === p ? null : p));

  return (
    <section aria-label="Act on this row" className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-auto text-sm font-medium text-slate-900">Act on this row</p>
        {exception ? (
          <RowLink href={`/exceptions/${exception.id}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Open exception ({exception.status})
          </RowLink>
        ) : (
          <form action={open}>
            <RowFields row={row} />
            <Button type="submit" size="sm" variant="secondary" pending={opening}>
              Open exception
            </Button>
          </form>
        )}
        <Button type="button" size="sm" variant={panel === "propose" ? "primary" : "secondary"} aria-expanded={panel === "propose"} aria-controls="row-propose" onClick={() => toggle("propose")}>
          Propose correction
        </Button>
        <Button type="button" size="sm" variant={panel === "ask" ? "primary" : "secondary"} aria-expanded={panel === "ask"} aria-controls="row-ask" onClick={() => toggle("ask")}>
          Ask the distributor
        </Button>
      </div>
      <FormMessage state={openState} className="empty:hidden" />

      {panel === "propose" ? (
        <form id="row-propose" action={propose} aria-label="Propose a correction on this row" className="grid grid-cols-1 gap-3 border-t border-slate-100 pt-3 sm:grid-cols-[8rem_12rem_1fr_auto] sm:items-start">
          <RowFields row={row} />
          <CorrectionFields
            errors={{ quantity: fe["correction.quantity"], type: fe["correction.type"], reason: fe["correction.reason"] }}
            values={{ quantity: v.quantity ?? (gap ? String(-gap) : ""), type: v.type, reason: v.reason }}
            quantityHint={gap ? `${signed(-gap)} closes the gap` : "Signed"}
            autoFocusReason
          />
          <div className="sm:pt-6">
            <Button type="submit" size="sm" pending={proposing}>
              Propose
            </Button>
          </div>
          <FormMessage state={proposeState} className="empty:hidden sm:col-span-4" />
        </form>
      ) : null}

      {panel === "ask" ? (
        <form id="row-ask" action={ask} aria-label="Ask the distributor about this row" className="space-y-2 border-t border-slate-100 pt-3">
          <RowFields row={row} />
          <Field label="Question to the distributor" error={askErrors["note.body"]} hint="Shared with the distributor on their exceptions page">
            <textarea
              name="body"
              required
              rows={3}
              maxLength={4000}
              defaultValue={askState.ok === false ? askState.values?.body : question}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs focus:border-indigo-500 focus:outline-none"
            />
          </Field>
          <SubmitRight pending={asking}>Send question</SubmitRight>
          <FormMessage state={askState} className="empty:hidden" />
        </form>
      ) : null}
    </section>
  );
}
