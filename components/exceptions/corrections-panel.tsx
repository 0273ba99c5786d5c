"use client";

import { useActionState, useEffect, useRef } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, SubmitRight } from "@/components/ui/button";
import { Num } from "@/components/ui/num";
import type { CorrectionView } from "@/lib/dal/exceptions/get-exception";
import type { FormState } from "@/lib/validation/action-state";
import { CORRECTION_TYPE_LABELS } from "@/lib/validation/exceptions";
import { CorrectionFields } from "./correction-fields";
import { FormMessage } from "./form-message";
import { formatTime } from "./format";

type State = FormState;
type Action = (state: State, fd: FormData) => Promise<State>;

const STATUS_TONE: Record<CorrectionView["status"], BadgeTone> = { proposed: "amber", approved: "green", rejected: "neutral" };
const STATUS_TEXT: Record<CorrectionView["status"], string> = { proposed: "Proposed", approved: "Approved", rejected: "Rejected" };

type DecideProps = { formAction: (fd: FormData) => void; pending: boolean; exceptionId: string; c: CorrectionView };

function Decide({ formAction, pending, exceptionId, c }: DecideProps) {
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <input type="hidden" name="correctionId" value={c.id} />
      <Button type="submit" name="decision" value="approve" size="sm" pending={pending}>
        Approve {c.signedQuantity > 0 ? "+" : "\u2212"}
        {Math.abs(c.signedQuantity)}
      </Button>
      <Button type="submit" name="decision" value="reject" size="sm" variant="secondary" disabled={pending}>
        Reject
      </Button>
    </form>
  );
}

function Withdraw({ formAction, pending, exceptionId, c }: DecideProps) {
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <input type="hidden" name="correctionId" value={c.id} />
      <p className="text-xs font-medium text-amber-800">Waiting for a second approver</p>
      <Button type="submit" name="decision" value="reject" size="sm" variant="ghost" pending={pending}>
        Withdraw
      </Button>
    </form>
  );
}

export interface CorrectionsPanelProps {
  exceptionId: string;
  corrections: CorrectionView[];
  viewerId: string;
  canWork: boolean;
  active: boolean;
  proposeAction: Action;
  decideAction: Action;
}

/**
 * Corrections on this exception. A proposed one changes nothing until another staff member approves
 * it; its proposer sees that it waits for a second approver.
 */
export function CorrectionsPanel({ exceptionId, corrections, viewerId, canWork, active, proposeAction, decideAction }: CorrectionsPanelProps) {
  const [state, formAction, pending] = useActionState(proposeAction, { ok: null });
  // One decision state for the panel: the message stays after the decided correction's buttons go.
  const [decided, decideFormAction, deciding] = useActionState(decideAction, { ok: null });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const fe = state.ok === false ? state.fieldErrors : {};
  const v = state.ok === false ? (state.values ?? {}) : {};

  return (
    <div className="space-y-4">
      <FormMessage state={decided} className="empty:hidden" />
      {corrections.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Corrections">
          {corrections.map((c) => (
            <li key={c.id} className="space-y-1.5 px-3 py-2" data-testid="correction">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-base font-semibold text-slate-900">
                  <Num value={c.signedQuantity} signed align="inherit" />
                </span>
                <span className="text-sm text-slate-700">{CORRECTION_TYPE_LABELS[c.kind as keyof typeof CORRECTION_TYPE_LABELS] ?? c.kind}</span>
                <span className="text-xs text-slate-500">({c.type.replace("_", " ")})</span>
                <Badge tone={STATUS_TONE[c.status]} dot>
                  {STATUS_TEXT[c.status]}
                </Badge>
              </div>
              <p className="text-sm text-slate-800">{c.reason}</p>
              <p className="text-xs text-slate-600">
                Proposed by {c.proposedBy.name}, <time dateTime={c.proposedAt}>{formatTime(c.proposedAt)}</time>
                {c.decidedBy && c.decidedAt ? (
                  <>
                    {" · "}
                    {c.status === "approved" ? "approved" : "rejected"} by {c.decidedBy.name}, <time dateTime={c.decidedAt}>{formatTime(c.decidedAt)}</time>
                  </>
                ) : null}
              </p>
              {c.status === "proposed" && canWork ? (
                c.proposedBy.id === viewerId ? (
                  <Withdraw formAction={decideFormAction} pending={deciding} exceptionId={exceptionId} c={c} />
                ) : active ? (
                  <Decide formAction={decideFormAction} pending={deciding} exceptionId={exceptionId} c={c} />
                ) : null
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No corrections proposed.</p>
      )}

      {canWork && active ? (
        <form ref={form} action={formAction} className="space-y-3 rounded-md border border-dashed border-slate-300 p-3" aria-label="Propose a correction">
          <input type="hidden" name="id" value={exceptionId} />
          <p className="text-sm font-medium text-slate-900">Propose a correction</p>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <CorrectionFields errors={fe} values={v} quantityHint="Signed: −60 lowers the calculated balance by 60" reasonClassName="sm:col-span-2" />
          </div>
          <SubmitRight pending={pending}>Propose correction</SubmitRight>
          <FormMessage state={state} />
        </form>
      ) : null}
    </div>
  );
}
