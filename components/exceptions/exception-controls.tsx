"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { FormState } from "@/lib/validation/action-state";
import { STATUS_LABELS, STATUS_TRANSITIONS, type ExceptionReason, type ExceptionStatus } from "@/lib/validation/exceptions";
import { ReasonOptions, StaffOptions } from "./field-options";
import { FormMessage } from "./form-message";

type State = FormState;

export interface ExceptionControlsProps {
  action: (state: State, fd: FormData) => Promise<State>;
  exceptionId: string;
  status: ExceptionStatus;
  reason: ExceptionReason | null;
  ownerId: string | null;
  /** The exception's version when the page was drawn: saving over a newer one is refused. */
  version: number;
  staff: { id: string; name: string; email: string }[];
  canWork: boolean;
}

/** Status (only the moves allowed from here), reason and owner, saved together. */
export function ExceptionControls({ action, exceptionId, status, reason, ownerId, version, staff, canWork }: ExceptionControlsProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const fe = state.ok === false ? state.fieldErrors : {};
  // Keyed on the saved values so the selects follow the server after a save.
  return (
    <form key={`${status}|${reason}|${ownerId}|${version}`} action={formAction} className="space-y-3" aria-label="Status, reason and owner">
      <input type="hidden" name="id" value={exceptionId} />
      <input type="hidden" name="version" value={version} />
      <Field label="Status" error={fe.status}>
        <Select name="status" defaultValue={status} disabled={!canWork}>
          {[status, ...STATUS_TRANSITIONS[status]].map((s) => (
            <option key={s} value={s}>
              {s === status ? `${STATUS_LABELS[s]} (now)` : `→ ${STATUS_LABELS[s]}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Reason" error={fe.reason}>
        <Select name="reason" defaultValue={reason ?? ""} disabled={!canWork}>
          <ReasonOptions />
        </Select>
      </Field>
      <Field label="Owner" error={fe.owner}>
        <Select name="owner" defaultValue={ownerId ?? ""} disabled={!canWork}>
          <option value="">Unassigned</option>
          <StaffOptions staff={staff} />
        </Select>
      </Field>
      {canWork ? (
        <Button type="submit" size="sm" pending={pending} className="w-full">
          Save changes
        </Button>
      ) : (
        <p className="text-xs text-slate-600">Only channel managers and admins change exceptions.</p>
      )}
      <FormMessage state={state} />
    </form>
  );
}
