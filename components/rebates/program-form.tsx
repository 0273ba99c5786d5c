"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { rebateProgramSchema, type RebateProgramFormValues, type RebateProgramInput } from "@/lib/validation/rebates";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { COMMON_CURRENCIES } from "@/lib/format/currencies";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/validation/action-state";

export type SaveProgramAction = (id: string | null, values: unknown, version?: number) => Promise<ActionState<Record<string, unknown>, { id: string }>>;

const FIELDS: { name: keyof RebateProgramFormValues; label: string; hint?: string; type?: string; step?: string; width?: string }[] = [
  { name: "fromPeriod", label: "First period", hint: "YYYY-MM", width: "w-32" },
  { name: "toPeriod", label: "Last period", hint: "YYYY-MM", width: "w-32" },
  { name: "graceDays", label: "Grace days", hint: "Days after the due date still counted on time", type: "number", step: "1", width: "w-28" },
  { name: "lateAllowed", label: "Late periods allowed", hint: "Late periods that do not break the timeliness rule (a missing period always does)", type: "number", step: "1", width: "w-28" },
  { name: "minCompletenessPct", label: "Minimum completeness %", hint: "Of SKUs with stock or sell-in, in every reported period", type: "number", step: "0.01", width: "w-28" },
  { name: "maxAccuracyPct", label: "Maximum accuracy gap %", hint: "|Σ gap| / Σ calculated after approved corrections", type: "number", step: "0.01", width: "w-28" },
  { name: "ratePct", label: "Rate %", hint: "Of sell-through value at list price", type: "number", step: "0.01", width: "w-28" },
  { name: "minQualityScore", label: "Minimum quality score", hint: "0–100, in every reported period (the receipt's score); empty for no quality rule", type: "number", step: "1", width: "w-28" },
];

/** Create or edit a rebate programme: react-hook-form with the same zod schema the server parses with. */
export function ProgramForm({ id, version, defaults, saveProgramAction }: { id: string | null; version?: number; defaults: RebateProgramFormValues; saveProgramAction: SaveProgramAction }) {
  const currency = typeof defaults.currency === "string" && defaults.currency ? defaults.currency : "USD";
  // A programme saved through the API may use a currency the picker does not list: keep it choosable.
  const currencies = COMMON_CURRENCIES.some((c) => c.code === currency) ? COMMON_CURRENCIES : [{ code: currency, label: currency }, ...COMMON_CURRENCIES];
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState: { errors } } = useForm<RebateProgramFormValues, unknown, RebateProgramInput>({
    resolver: zodResolver(rebateProgramSchema),
    defaultValues: { ...defaults, currency },
  });
  const onSubmit = (values: RebateProgramInput) => {
    setFormError(null);
    startTransition(async () => {
      const r = await saveProgramAction(id, values, version);
      if (r.ok && r.data) {
        router.push(`/rebates/${r.data.id}`);
        return;
      }
      if (r.ok === false) {
        setFormError(r.formError);
        for (const [k, msgs] of Object.entries(r.fieldErrors)) if (msgs?.length) setError(k as keyof RebateProgramFormValues, { message: msgs[0] });
      }
    });
  };
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-label={id ? "Edit programme" : "New programme"}>
      <Field label="Name" error={errors.name?.message}>
        <Input {...register("name")} placeholder="Reporting rebate Q1 2027" />
      </Field>
      <Field label="Currency" hint="Rebate amounts and sales value are shown in it (ISO 4217)" error={errors.currency?.message}>
        <Select {...register("currency")} className="w-56">
          {currencies.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <Field key={f.name} label={f.label} hint={f.hint} error={errors[f.name]?.message}>
            <Input {...register(f.name)} type={f.type ?? "text"} step={f.step} inputMode={f.type === "number" ? "decimal" : undefined} className={f.width} />
          </Field>
        ))}
      </div>
      <div aria-live="polite" className="min-h-5 text-sm text-red-700">{formError}</div>
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>{id ? "Save programme" : "Create programme"}</Button>
        <Button variant="ghost" onClick={() => router.back()}>Cancel</Button>
      </div>
    </form>
  );
}
