import type { ComponentPropsWithRef, ReactNode } from "react";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

/** A GET form of filters: they live in the URL, so a filtered list can be shared as a link. "Reset" goes back to `action`. */
export function FilterForm({ action, label, children }: { action: string; label: string; children: ReactNode }) {
  return (
    <form method="get" action={action} aria-label={label} className="flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className={buttonClasses({ size: "sm", className: "h-8" })}>
        Filter
      </button>
      <Link href={action} className={buttonClasses({ size: "sm", variant: "ghost", className: "h-8" })}>
        Reset
      </Link>
    </form>
  );
}

/** A GET form's submit button (`label`), then, while `clear` is given, the link back to the unfiltered page. */
export function SubmitOrClear({ label, clear }: { label: string; clear: { href: string; label: string } | null }) {
  return (
    <>
      <Button type="submit" variant="secondary">
        {label}
      </Button>
      {clear ? (
        <Link href={clear.href} className={buttonClasses({ variant: "ghost" })}>
          {clear.label}
        </Link>
      ) : null}
    </>
  );
}

/** A field's name above its control (the element with `id`), in a block of `width` (a class such as `w-48`). */
export function StackedField({ id, label, width, children }: { id: string; label: string; width: string; children: ReactNode }) {
  return (
    <div className={`${width} space-y-1`}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A filter's name over its control. */
function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="text-xs font-medium text-slate-700">
      {label}
      {children}
    </label>
  );
}

/** Every filter: its name, and the width of its control as a class. */
type FilterProps = { label: string; width: string };

/** One filter as a list to choose from; `width` a class such as `w-44`. */
export function FilterSelect({ label, width, ...select }: FilterProps & Omit<ComponentPropsWithRef<"select">, "className">) {
  return <Labelled label={label}><Select {...select} className={`mt-1 h-8 ${width}`} /></Labelled>;
}

/** One filter as text to type; `width` a class such as `w-28`. */
export function FilterInput({ label, width, ...input }: FilterProps & Omit<ComponentPropsWithRef<"input">, "className">) {
  return <Labelled label={label}><Input {...input} className={`mt-1 h-8 ${width}`} /></Labelled>;
}
