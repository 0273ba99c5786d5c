"use client";

import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createDistributorSchema } from "@/lib/validation/admin";
import type { DistributorFormState } from "@/lib/validation/admin";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormMessage } from "./form-message";
import { useActionForm } from "./use-action-form";


const blank = (v: unknown) => (v === "" ? undefined : v);

export function DistributorForm({ action }: { action: (s: DistributorFormState, fd: FormData) => Promise<DistributorFormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const form = useForm({
    resolver: zodResolver(createDistributorSchema),
    defaultValues: { code: "", name: "", region: undefined },
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
