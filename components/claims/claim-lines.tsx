"use client";

import { useActionState, useState, type ReactNode } from "react";
import { clsx } from "clsx";
import { useFormatter } from "@/components/format/format-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, HeadRow, numeric, unseenHead } from "@/components/ui/table";
import type { ClaimLineView } from "@/lib/dal/claims/read-claims";
import { IDLE_STATE, type FormState } from "@/lib/validation/action-state";
import { OUTCOME_LABELS, OutcomeBadge } from "./outcome-badge";
import { OverrideForm } from "./override-form";
import { PendingOverride } from "./pending-override";
import { REASON_LABELS } from "./reason-labels";
import { money } from "./money";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export interface ClaimLinesProps {
  claimId: string;
  lines: ClaimLineView[];
  /** Currency per authorisation number (upper-case); the claim's own for a line whose authorisation is unknown. */
  currencies: Record<string, string>;
  claimCurrency: string | null;
  /** The latest revision, viewed by the rebate team: lines may be overridden and overrides decided. */
  canOverride: boolean;
  viewerEmail: string;
  actions: { propose: Action; decide: Action; withdraw: Action };
  /** Shown instead of the table when no line is listed. */
  empty: ReactNode;
}

const COLUMNS = 10;
/**
 * On a phone each line is a stack of labelled cells instead of a row wider than the screen: the
 * outcome and the reason stay in view without scrolling sideways.
 */
const STACK = "max-md:flex max-md:items-start max-md:justify-between max-md:gap-4 max-md:border-0 max-md:px-3 max-md:py-1 max-md:text-left max-md:min-w-0 max-md:whitespace-normal max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]";
type Notice = { ok: boolean; text: string };

/** The answer of an action as a line of text ("Line 4: Override applied."), or null while idle. */
function noticeOf(state: FormState): Notice | null {
  if (state.ok === null) return null;
  const line = state.values?.line;
  const text = state.ok ? (state.message ?? "Saved.") : state.formError;
  return { ok: state.ok, text: line ? `Line ${line}: ${text}` : text };
}

/**
 * A claim's lines with the rule's outcome and reason sentence, and the rebate team's override on each.
 * One state per action for the whole table, so an answer stays on screen when its line leaves the
 * list (an approved line leaves "open") — as the approval queue of corrections does.
 */
export function ClaimLines({ claimId, lines, currencies, claimCurrency, canOverride, viewerEmail, actions, empty }: ClaimLinesProps) {
  // One state for the three actions (a hidden `op` picks one): the last answer, whichever form gave it.
  const [state, dispatch, pending] = useActionState(async (prev: FormState, fd: FormData) => {
    const op = fd.get("op");
    return (op === "decide" ? actions.decide : op === "withdraw" ? actions.withdraw : actions.propose)(prev, fd);
  }, IDLE_STATE as FormState);
  // The form open for a line, and the answer it was opened after: a success since closes it.
  const [openFor, setOpenFor] = useState<{ line: number; after: FormState } | null>(null);
  const openLine = openFor && (state === openFor.after || state.ok !== true) ? openFor.line : null;
  const proposeFailed = state.ok === false && state.values?.op === "propose";
  const notice = proposeFailed ? null : noticeOf(state);
  const f = useFormatter();
  return (
    <div className="space-y-3">
      <div aria-live="polite" aria-atomic="true">
        {notice ? (
          <p
            role={notice.ok ? "status" : "alert"}
            data-testid="line-notice"
            className={clsx("rounded-md border px-3 py-2 text-sm", notice.ok ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-red-200 bg-red-50 text-red-800")}
          >
            {notice.text}
          </p>
        ) : null}
      </div>
      {lines.length ? (
        <Table label="Claim lines" data-testid="claim-lines" className="max-md:block max-md:[&>tbody]:block">
          <HeadRow
            className="max-md:hidden"
            columns={[numeric("Line"), "Authorisation", "Invoice", "SKU · end customer", ...["Qty", "Claimed", "Approved"].map(numeric), "Outcome", "Reason", unseenHead("Override")]}
          />
          <TBody>
            {lines.map((l) => {
              const currency = currencies[l.authorization.toUpperCase()] ?? claimCurrency;
              const p = l.pendingOverride;
              const open = openLine === l.line && !p;
              const forThis = proposeFailed && state.values?.line === String(l.line) ? state : (IDLE_STATE as FormState);
              return (
                <LineRow key={l.line} line={l} currency={currency} f={f} expanded={open || !!p} waiting={!!p}>
                  {{
                    button:
                      canOverride && !p && !open ? (
                        <Button size="sm" variant="secondary" onClick={() => setOpenFor({ line: l.line, after: state })} aria-label={`Override line ${l.line}`}>
                          Override
                        </Button>
                      ) : null,
                    below: p ? (
                      <PendingOverride
                        claimId={claimId}
                        line={l.line}
                        pending={p}
                        currency={currency}
                        mine={p.proposedBy.toLowerCase() === viewerEmail.toLowerCase()}
                        canDecide={canOverride}
                        formAction={dispatch}
                        busy={pending}
                      />
                    ) : open ? (
                      <OverrideForm
                        key={`${l.line}-${proposeFailed ? "failed" : "new"}`}
                        claimId={claimId}
                        line={l}
                        currency={currency}
                        state={forThis}
                        formAction={dispatch}
                        pending={pending}
                        onCancel={() => setOpenFor(null)}
                      />
                    ) : null,
                  }}
                </LineRow>
              );
            })}
          </TBody>
        </Table>
      ) : (
        empty
      )}
    </div>
  );
}

interface LineRowProps {
  line: ClaimLineView;
  currency: string | null;
  f: ReturnType<typeof useFormatter>;
  /** A row under the line follows (the form, or the waiting override). */
  expanded: boolean;
  waiting: boolean;
  children: { button: ReactNode; below: ReactNode };
}

function LineRow({ line: l, currency, f, expanded, waiting, children }: LineRowProps) {
  const row = clsx(expanded ? "[&>td]:border-b-0" : "hover:bg-slate-50", "max-md:block max-md:border-t max-md:border-slate-200 max-md:py-2");
  return (
    <>
      <tr data-testid="claim-line" data-line={l.line} data-outcome={l.outcome} className={row}>
        <TD numeric data-label="Line" className={STACK}>
          {l.line}
        </TD>
        <TD data-label="Authorisation" className={clsx("whitespace-nowrap", STACK)}>
          {l.authorization}
        </TD>
        <TD data-label="Invoice" className={clsx("whitespace-nowrap", STACK)}>
          <span>
            {l.invoice}
            {l.invoiceLine ? <span className="text-slate-600"> / {l.invoiceLine}</span> : null}
            <span className="block text-xs text-slate-600">shipped {f.date(l.shipDate)}</span>
          </span>
        </TD>
        <TD data-label="SKU · end customer" className={clsx("min-w-40", STACK)}>
          <span>
            <span className="whitespace-nowrap">{l.sku}</span>
            <span className="block text-xs text-slate-600">{l.endCustomer}</span>
          </span>
        </TD>
        <TD numeric data-label="Qty" className={STACK}>
          {f.int(l.quantity)}
        </TD>
        <TD numeric data-label="Claimed" className={STACK}>
          {money(f, l.claimedAmount, currency)}
        </TD>
        <TD numeric data-col="approved" data-label="Approved" className={STACK}>
          <span>
            {money(f, l.approvedAmount, currency)}
            <span className="block text-xs text-slate-600">
              {f.int(l.approvedQuantity)} {l.approvedQuantity === 1 ? "unit" : "units"}
            </span>
          </span>
        </TD>
        <TD data-label="Outcome" className={clsx("whitespace-nowrap", STACK)}>
          <span>
            <OutcomeBadge outcome={l.outcome} />
            {l.ruleOutcome ? (
              <span className="mt-1 block text-xs text-slate-600" data-testid="rule-outcome">
                Rule: {OUTCOME_LABELS[l.ruleOutcome]}
                {l.ruleReasonCode ? ` · ${REASON_LABELS[l.ruleReasonCode]}` : ""}
              </span>
            ) : null}
          </span>
        </TD>
        <TD data-label="Reason" className={clsx("min-w-72 text-sm", STACK, "max-md:flex-col max-md:gap-1")}>
          <span>
            {l.reasonCode ? (
              <Badge tone="neutral" className="mb-1 font-mono">
                {l.reasonCode}
              </Badge>
            ) : null}
            <span className="block text-slate-800" data-testid="reason">
              {l.message}
            </span>
          </span>
        </TD>
        <TD className="text-right max-md:block max-md:border-0 max-md:px-3 max-md:py-1 max-md:empty:hidden">{children.button}</TD>
      </tr>
      {children.below ? (
        <tr className={clsx(waiting ? "bg-amber-50" : "bg-slate-50", "max-md:block")}>
          <TD colSpan={COLUMNS} className="px-4 max-md:block">
            {children.below}
          </TD>
        </tr>
      ) : null}
    </>
  );
}
