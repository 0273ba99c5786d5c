"use client";

import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createProductSchema } from "@/lib/validation/admin";
import type { ProductFormState } from "@/lib/validation/admin";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "./use-action-form";


const blank = (v: unknown) => (v === "" ? undefined : v);

/** New product: validated in the browser and again by the action with the same schema. */
export function ProductForm({ action }: { action: (s: ProductFormState, fd: FormData) => Promise<ProductFormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const form = useForm({
    resolver: zodResolver(createProductSchema),
    defaultValues: { sku: "", description: "", family: "", listPrice: "", upc: undefined, packSize: undefined },
  });
  const { register } = form;

  const { err, onSubmit } = useActionForm(form, state, formAction, "sku");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New product">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="SKU" id="product-sku" error={err("sku")}>
          <Input autoComplete="off" spellCheck={false} {...register("sku")} />
        </Field>
        <Field label="Family" id="product-family" error={err("family")}>
          <Input autoComplete="off" {...register("family")} />
        </Field>
        <Field label="Description" id="product-description" error={err("description")} className="sm:col-span-2">
          <Input autoComplete="off" {...register("description")} />
        </Field>
        <Field label="List price" id="product-list-price" hint="Per unit, up to 4 decimals, e.g. 12.50" error={err("listPrice")}>
          <Input inputMode="decimal" autoComplete="off" className="text-right tabular-nums" {...register("listPrice")} />
        </Field>
        <Field label="UPC / GTIN" id="product-upc" optional hint="8 to 14 digits" error={err("upc")}>
          <Input inputMode="numeric" autoComplete="off" className="tabular-nums" {...register("upc", { setValueAs: blank })} />
        </Field>
        <Field label="Pack size" id="product-pack-size" optional hint="Units per case, box or reel: files reporting cases are converted with it" error={err("packSize")}>
          <Input inputMode="numeric" autoComplete="off" className="text-right tabular-nums" {...register("packSize", { setValueAs: blank })} />
        </Field>
      </div>
      <FormMessage
        error={state.ok === false && !pending ? state.formError : null}
        success={state.ok === true && state.data ? `Product ${state.data.sku} created.` : null}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Creating…" : "Create product"}
      </Button>
    </form>
  );
}
