"use client";

import { useFormatter } from "@/components/format/format-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ClaimLineView } from "@/lib/dal/claims/read-claims";
import { OUTCOME_LABELS } from "./outcome-badge";
import { money } from "./money";

type Pending = NonNullable<ClaimLineView["pendingOverride"]>;

export interface PendingOverrideProps {
  claimId: string;
  line: number;
  pending: Pending;
  currency: string | null;
  /** The viewer proposed it: they may withdraw it, a colleague approves it. */
  mine: boolean;
  /** The viewer is on the rebate team (approves, rejects or withdraws). */
  canDecide: boolean;
  /** The table's action: `op` says which (decide or withdraw). */
  formAction: (fd: FormData) => void;
  busy: boolean;
}

/** An override above the limit, waiting for a second member of the rebate team. */
export function PendingOverride({ claimId, line, pending: o, currency, mine, canDecide, formAction, busy }: PendingOverrideProps) {
  const f = useFormatter();
  return (
    <div className="space-y-2" data-testid="pending-override" data-override={o.id}>
      <p className="text-sm text-amber-950">
        <span className="font-semibold">Waiting for a second approver:</span> {OUTCOME_LABELS[o.outcome]}, {f.int(o.approvedQuantity)} units, {money(f, o.approvedAmount, currency)} — “{o.note}” · proposed by{" "}
        {mine ? "you" : o.proposedBy}, <time dateTime={o.proposedAt}>{f.dateTime(o.proposedAt)}</time>
      </p>
      {canDecide ? (
        mine ? (
          <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Withdraw the override of line ${line}`}>
            <input type="hidden" name="op" value="withdraw" />
            <input type="hidden" name="claimId" value={claimId} />
            <input type="hidden" name="line" value={line} />
            <input type="hidden" name="overrideId" value={o.id} />
            <p className="text-xs text-amber-950">A colleague on the rebate team approves it; you may take it back.</p>
            <Button type="submit" size="sm" variant="secondary" pending={busy}>
              Withdraw
            </Button>
          </form>
        ) : (
          <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Decide on the override of line ${line}`}>
            <input type="hidden" name="op" value="decide" />
            <input type="hidden" name="claimId" value={claimId} />
            <input type="hidden" name="line" value={line} />
            <input type="hidden" name="overrideId" value={o.id} />
            <Input name="note" aria-label={`Note on the override of line ${line} (optional)`} placeholder="Note (optional)" maxLength={1000} className="h-7 w-56 text-xs" />
            <Button type="submit" name="decision" value="approve" size="sm" pending={busy}>
              Approve
            </Button>
            <Button type="submit" name="decision" value="reject" size="sm" variant="secondary" disabled={busy}>
              Reject
            </Button>
          </form>
        )
      ) : null}
    </div>
  );
}
