"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/ui/action-message";
import type { ActionState } from "@/lib/validation/action-state";

type SettingsState = ActionState<Record<string, string>>;

export interface SettingsValues {
  dueDay: number;
  timeZone: string;
  graceDays: number;
  reminderDaysBefore: number;
  /** Refuse X12 files whose sender IDs are another distributor's (issue 15). */
  refuseOtherSender: boolean;
  /** The settings' version when the page was drawn: saving over a newer save is refused. */
  version: number;
}

export function SettingsForm({ initial, saveSettingsAction }: { initial: SettingsValues; saveSettingsAction: (prev: SettingsState, fd: FormData) => Promise<SettingsState> }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, { ok: null });
  const v = (k: keyof SettingsValues) => state.values?.[k] ?? String(initial[k]);
  const err = (k: string) => (state.ok === false ? state.fieldErrors[k] : undefined);
  return (
    <form action={action} className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-label="Deadline settings">
      <input type="hidden" name="version" value={initial.version} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Due day" hint="Day of the month after the period (1–28), due at 23:59:59 local time" error={err("dueDay")}>
          <Input name="dueDay" type="number" min={1} max={28} defaultValue={v("dueDay")} className="w-28" />
        </Field>
        <Field label="Time zone" hint="IANA name, e.g. UTC, Europe/Berlin, America/Chicago" error={err("timeZone")}>
          <Input name="timeZone" defaultValue={v("timeZone")} className="w-64" />
        </Field>
        <Field label="Grace days" hint="Days after the due date still counted on time on the compliance board" error={err("graceDays")}>
          <Input name="graceDays" type="number" min={0} max={30} defaultValue={v("graceDays")} className="w-28" />
        </Field>
        <Field label="Reminder days before" hint="First reminder this many days before the due date (0 = none); another on the due day and one when overdue" error={err("reminderDaysBefore")}>
          <Input name="reminderDaysBefore" type="number" min={0} max={14} defaultValue={v("reminderDaysBefore")} className="w-28" />
        </Field>
      </div>
      <div className="flex items-start gap-2 text-sm">
        <input type="hidden" name="refuseOtherSender" value="off" />
        <input
          id="settings-refuse-other-sender"
          name="refuseOtherSender"
          type="checkbox"
          value="on"
          defaultChecked={state.values?.refuseOtherSender ? state.values.refuseOtherSender === "on" : initial.refuseOtherSender}
          className="mt-0.5"
        />
        <label htmlFor="settings-refuse-other-sender">
          Refuse EDI files whose sender IDs belong to another distributor
          <span className="block text-slate-600">Off: such a file is read and the upload warns. Sender IDs are set per distributor (Admin → Distributors).</span>
        </label>
      </div>
      <div aria-live="polite" className="min-h-5 text-sm">
        <ActionMessage state={state} />
      </div>
      <Button type="submit" pending={pending}>Save settings</Button>
    </form>
  );
}
