"use client";

import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createDistributorSchema } from "@/lib/validation/admin";
import type { DistributorFormState } from "@/lib/validation/admin";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "./use-action-form";


const blank = (v: unknown) => (v === "" ? undefined : v);

export function DistributorForm({ action }: { action: (s: DistributorFormState, fd: FormData) => Promise<DistributorFormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const form = useForm({
    resolver: zodResolver(createDistributorSchema),
    defaultValues: { code: "", name: "", region: undefined, ediIsaId: undefined, ediGsId: undefined, duns: undefined, gln: undefined },
  });
  const { register } = form;

  const { err, onSubmit } = useActionForm(form, state, formAction, "code");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New distributor">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Code" id="distributor-code" hint="2–12 letters, digits, - or _" error={err("code")}>
          <Input autoComplete="off" spellCheck={false} className="uppercase" {...register("code")} />
        </Field>
        <Field label="Name" id="distributor-name" error={err("name")}>
          <Input autoComplete="organization" {...register("name")} />
        </Field>
        <Field label="Region" id="distributor-region" optional error={err("region")}>
          <Input autoComplete="off" {...register("region", { setValueAs: blank })} />
        </Field>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-medium text-slate-700">EDI identities (X12 files from this distributor are checked against them)</legend>
        <Field label="ISA sender" id="distributor-edi-isa" optional hint="qualifier:ID, e.g. ZZ:NORTHWIND" error={err("ediIsaId")}>
          <Input autoComplete="off" spellCheck={false} className="uppercase" {...register("ediIsaId", { setValueAs: blank })} />
        </Field>
        <Field label="GS02 sender" id="distributor-edi-gs" optional error={err("ediGsId")}>
          <Input autoComplete="off" spellCheck={false} className="uppercase" {...register("ediGsId", { setValueAs: blank })} />
        </Field>
        <Field label="DUNS" id="distributor-duns" optional hint="9 digits" error={err("duns")}>
          <Input inputMode="numeric" autoComplete="off" className="tabular-nums" {...register("duns", { setValueAs: blank })} />
        </Field>
        <Field label="GLN" id="distributor-gln" optional hint="13 digits" error={err("gln")}>
          <Input inputMode="numeric" autoComplete="off" className="tabular-nums" {...register("gln", { setValueAs: blank })} />
        </Field>
      </fieldset>
      <FormMessage
        error={state.ok === false && !pending ? state.formError : null}
        success={state.ok === true && state.data ? `Distributor ${state.data.code} created.` : null}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Creating…" : "Create distributor"}
      </Button>
    </form>
  );
}
