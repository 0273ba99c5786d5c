"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FormMessage } from "@/components/exceptions/form-message";
import type { ClaimLineView } from "@/lib/dal/claims/read-claims";
import { CLAIM_OUTCOMES, type ClaimOutcome } from "@/lib/domain/claims/types";
import type { FormState } from "@/lib/validation/action-state";
import { useFormatter } from "@/components/format/format-provider";
import { decimalSeparator, decimalText } from "./decimal-text";
import { OUTCOME_LABELS } from "./outcome-badge";
import { money } from "./money";

/** An error of the action for a field: the wrapper names it `override.x`, the data layer `x`. */
function fieldError(state: FormState, key: string): string | undefined {
  if (state.ok !== false) return undefined;
  return (state.fieldErrors[`override.${key}`] ?? state.fieldErrors[key])?.[0];
}

export interface OverrideFormProps {
  claimId: string;
  line: ClaimLineView;
  currency: string | null;
  /** The table's one propose state, when it answers this line (else idle). */
  state: FormState;
  formAction: (fd: FormData) => void;
  pending: boolean;
  onCancel: () => void;
}

/**
 * The rebate team's decision over a line: outcome, approved quantity and amount (at most what was
 * claimed), and why. Prefilled with the line as claimed; a rejection pays nothing.
 */
export function OverrideForm({ claimId, line, currency, state, formAction, pending, onCancel }: OverrideFormProps) {
  const [outcome, setOutcome] = useState<ClaimOutcome>((state.values?.outcome as ClaimOutcome | undefined) ?? (line.outcome === "approved" ? "rejected" : "approved"));
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const f = useFormatter();
  const decimal = decimalSeparator(f.locale);
  const v = state.values ?? {};
  const rejected = outcome === "rejected";
  return (
    <form action={formAction} aria-label={`Override line ${line.line}`} className="space-y-3" data-testid="override-form">
      <input type="hidden" name="op" value="propose" />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="line" value={line.line} />
      {currency ? <input type="hidden" name="currency" value={currency} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[10rem_8rem_10rem_minmax(0,1fr)]">
        <Field label="Outcome" id={`${id}-outcome`} error={fieldError(state, "outcome")}>
          <Select name="outcome" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as ClaimOutcome)}>
            {CLAIM_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Approved quantity" id={`${id}-qty`} hint={`Claimed ${f.int(line.quantity)}`} error={fieldError(state, "approvedQuantity")}>
          <Input
            name="approvedQuantity"
            inputMode="numeric"
            autoComplete="off"
            className="text-right tabular-nums"
            readOnly={rejected}
            key={rejected ? "r-q" : "q"}
            defaultValue={rejected ? "0" : (v.approvedQuantity ?? String(line.quantity))}
          />
        </Field>
        <Field label="Approved amount" id={`${id}-amount`} hint={`Claimed ${money(f, line.claimedAmount, currency)}`} error={fieldError(state, "approvedAmount")}>
          <Input
            name="approvedAmount"
            inputMode="decimal"
            autoComplete="off"
            className="text-right tabular-nums"
            readOnly={rejected}
            key={rejected ? "r-a" : "a"}
            defaultValue={rejected ? "0" : (v.approvedAmount ?? decimalText(line.claimedAmount, decimal))}
          />
        </Field>
        <Field label="Note" id={`${id}-note`} hint="Why: the distributor and your colleagues read it" error={fieldError(state, "note")}>
          <Textarea name="note" rows={2} className="min-h-9" maxLength={1000} defaultValue={v.note ?? ""} />
        </Field>
      </div>
      {state.ok === false ? <FormMessage state={state} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={pending}>
          {pending ? "Saving…" : "Save override"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
