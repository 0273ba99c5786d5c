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
  /** The submission check's limits (lib/domain/submission-checks.ts). */
  gapUnitsThreshold: number;
  gapPctThreshold: number;
  outlierFactor: number;
  outlierMinUnits: number;
  /** The settings' version when the page was drawn: saving over a newer save is refused. */
  version: number;
}

interface SettingField {
  name: Exclude<keyof SettingsValues, "refuseOtherSender" | "version">;
  label: string;
  hint: string;
  /** A whole number in [min, max]; text when left out. */
  min?: number;
  max?: number;
}

const DEADLINE_FIELDS: SettingField[] = [
  { name: "dueDay", label: "Due day", hint: "Day of the month after the period (1–28), due at 23:59:59 local time", min: 1, max: 28 },
  { name: "timeZone", label: "Time zone", hint: "IANA name, e.g. UTC, Europe/Berlin, America/Chicago" },
  { name: "graceDays", label: "Grace days", hint: "Days after the due date still counted on time on the compliance board", min: 0, max: 30 },
  { name: "reminderDaysBefore", label: "Reminder days before", hint: "First reminder this many days before the due date (0 = none); another on the due day and one when overdue", min: 0, max: 14 },
];

const CHECK_FIELDS: SettingField[] = [
  { name: "gapUnitsThreshold", label: "Mismatch units", hint: "|calculated − reported| from this many units…", min: 1, max: 100_000 },
  { name: "gapPctThreshold", label: "Mismatch %", hint: "…or from this % of the calculated stock", min: 1, max: 100 },
  { name: "outlierFactor", label: "Outlier factor", hint: "Sold more than this × the median of the last 6 periods…", min: 2, max: 20 },
  { name: "outlierMinUnits", label: "Outlier minimum units", hint: "…and at least this many units above it", min: 1, max: 100_000 },
];

export function SettingsForm({ initial, saveSettingsAction }: { initial: SettingsValues; saveSettingsAction: (prev: SettingsState, fd: FormData) => Promise<SettingsState> }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, { ok: null });
  const v = (k: keyof SettingsValues) => state.values?.[k] ?? String(initial[k]);
  const err = (k: string) => (state.ok === false ? state.fieldErrors[k] : undefined);
  const field = (f: SettingField) => (
    <Field key={f.name} label={f.label} hint={f.hint} error={err(f.name)}>
      <Input name={f.name} type={f.min === undefined ? "text" : "number"} min={f.min} max={f.max} defaultValue={v(f.name)} className={f.min === undefined ? "w-64" : "w-28"} />
    </Field>
  );
  return (
    <form action={action} noValidate className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-label="Deadline settings">
      <input type="hidden" name="version" value={initial.version} />
      <div className="grid gap-5 sm:grid-cols-2">{DEADLINE_FIELDS.map(field)}</div>
      <fieldset className="space-y-3 border-t border-slate-200 pt-4">
        <legend className="text-sm font-semibold text-slate-900">Submission check</legend>
        <p className="text-sm text-slate-600">
          What a distributor is asked to fix or confirm before a report is stored, and what opens an exception. A row differs from our
          calculation when its gap reaches either limit; sales are far from usual when they exceed the factor times the median of the
          last 6 periods by at least the minimum.
        </p>
        <div className="grid gap-5 sm:grid-cols-2">{CHECK_FIELDS.map(field)}</div>
      </fieldset>
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
