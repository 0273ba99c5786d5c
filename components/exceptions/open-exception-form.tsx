"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { FormState } from "@/lib/validation/action-state";
import { ReasonOptions, StaffOptions } from "./field-options";
import { FormMessage } from "./form-message";

type State = FormState;

export interface OpenExceptionFormProps {
  action: (state: State, fd: FormData) => Promise<State>;
  defaults?: { distributor?: string; sku?: string; period?: string };
  staff: { id: string; name: string; email: string }[];
}

/** Opens an exception by hand on one distributor × SKU × period (leads to the existing one if the row has one). */
export function OpenExceptionForm({ action, defaults = {}, staff }: OpenExceptionFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const v = state.values ?? {};
  const fe = state.ok === false ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-3" aria-label="Open an exception by hand">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Distributor" error={fe.distributor} hint="Code, e.g. NWC">
          <Input name="distributor" required autoCapitalize="characters" defaultValue={v.distributor ?? defaults.distributor} />
        </Field>
        <Field label="SKU" error={fe.sku}>
          <Input name="sku" required defaultValue={v.sku ?? defaults.sku} />
        </Field>
        <Field label="Period" error={fe.period} hint="YYYY-MM">
          <Input name="period" required pattern="\d{4}-\d{2}" defaultValue={v.period ?? defaults.period} />
        </Field>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Reason" optional error={fe.reason}>
          <Select name="reason" defaultValue={v.reason ?? ""}>
            <ReasonOptions />
          </Select>
        </Field>
        <Field label="Owner" optional error={fe.owner}>
          <Select name="owner" defaultValue={v.owner ?? ""}>
            <option value="">Nobody yet</option>
            <StaffOptions staff={staff} />
          </Select>
        </Field>
      </div>
      <Field label="Question or note" optional error={fe.note} hint="Shared with the distributor">
        <Textarea name="note" maxLength={4000} defaultValue={v.note} />
      </Field>
      <div className="flex items-center justify-end gap-2">
        <Button type="submit" pending={pending}>
          Open exception
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
