"use client";

import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { authorizationSchema } from "@/lib/validation/claims";
import type { FormState } from "@/lib/validation/action-state";
import { COMMON_CURRENCIES } from "@/lib/format/currencies";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/admin/use-action-form";
import { useFormatter } from "@/components/format/format-provider";
import { decimalSeparator, parseDecimal } from "./decimal-text";

type Values = z.input<typeof authorizationSchema>;

/** A figure as typed in the reader's locale; blank → `blank`; anything else NaN, which the schema refuses by name. */
const number = (decimal: string, blank: undefined | null) => (v: unknown) => {
  const s = String(v ?? "").trim();
  return s === "" ? blank : parseDecimal(s, decimal);
};

export interface AuthorizationFormProps {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  /** Distributor codes offered as suggestions (any code may be typed). */
  distributors: string[];
}

/**
 * A new ship & debit authorisation — or new terms for an existing number — validated in the
 * browser and again by the action with the same schema (lib/validation/claims.ts).
 */
export function AuthorizationForm({ action, distributors }: AuthorizationFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const decimal = decimalSeparator(useFormatter().locale);
  const form = useForm<Values>({
    resolver: zodResolver(authorizationSchema),
    defaultValues: {
      number: "", distributor: "", endCustomer: { id: "", name: "" }, sku: "", currency: "USD", claimWindowDays: 90,
      validFrom: "", validTo: "",
    } as Partial<Values> as Values,
  });
  const { register } = form;
  const { err, onSubmit } = useActionForm(form, state, formAction, "number");
  const e = form.formState.errors;
  const errOf = (path: "endCustomer.name" | "endCustomer.id") => {
    const key = path.split(".")[1] as "name" | "id";
    return (e.endCustomer?.[key]?.message as string | undefined) ?? (state.ok === false ? state.fieldErrors[path] : undefined);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New authorisation">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Authorisation number" id="auth-number" hint="As on the letter to the distributor; an existing number gets these terms" error={err("number")}>
          <Input autoComplete="off" spellCheck={false} {...register("number")} />
        </Field>
        <Field label="Distributor" id="auth-distributor" hint="Its code, e.g. NWC" error={err("distributor")}>
          <Input autoComplete="off" spellCheck={false} list="auth-distributors" className="uppercase" {...register("distributor")} />
        </Field>
        <datalist id="auth-distributors">
          {distributors.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <Field label="SKU" id="auth-sku" error={err("sku")}>
          <Input autoComplete="off" spellCheck={false} {...register("sku")} />
        </Field>
        <Field label="End customer" id="auth-customer" error={errOf("endCustomer.name")}>
          <Input autoComplete="off" {...register("endCustomer.name")} />
        </Field>
        <Field label="End customer ID" id="auth-customer-id" optional hint="The distributor's account number for the customer, if known" error={errOf("endCustomer.id")}>
          <Input autoComplete="off" spellCheck={false} {...register("endCustomer.id")} />
        </Field>
        <Field label="Currency" id="auth-currency" error={err("currency")}>
          <Select {...register("currency")}>
            {COMMON_CURRENCIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Authorised cost" id="auth-cost" hint={`Per unit, up to 4 decimals, e.g. ${decimal === "," ? "12,50" : "12.50"}`} error={err("authorizedCost")}>
          <Input inputMode="decimal" autoComplete="off" className="text-right tabular-nums" {...register("authorizedCost", { setValueAs: number(decimal, undefined) })} />
        </Field>
        <Field label="Minimum resale" id="auth-min-resale" optional hint="Per unit; POS resold below it is rejected" error={err("minResale")}>
          <Input inputMode="decimal" autoComplete="off" className="text-right tabular-nums" {...register("minResale", { setValueAs: number(decimal, null) })} />
        </Field>
        <Field label="Quantity limit" id="auth-limit" hint="Units, over every claim" error={err("quantityLimit")}>
          <Input inputMode="numeric" autoComplete="off" className="text-right tabular-nums" {...register("quantityLimit", { setValueAs: number(decimal, undefined) })} />
        </Field>
        <Field label="Valid from" id="auth-from" hint="First ship date covered" error={err("validFrom")}>
          <Input type="date" {...register("validFrom")} />
        </Field>
        <Field label="Valid to" id="auth-to" hint="Last ship date covered" error={err("validTo")}>
          <Input type="date" {...register("validTo")} />
        </Field>
        <Field label="Claim window (days)" id="auth-window" hint="Claims accepted this long after each ship date" error={err("claimWindowDays")}>
          <Input inputMode="numeric" autoComplete="off" className="text-right tabular-nums" {...register("claimWindowDays", { setValueAs: number(decimal, undefined) })} />
        </Field>
      </div>
      <FormMessage error={state.ok === false && !pending ? state.formError : null} success={state.ok === true ? state.message : null} />
      <Button type="submit" pending={pending}>
        {pending ? "Saving…" : "Save authorisation"}
      </Button>
    </form>
  );
}
