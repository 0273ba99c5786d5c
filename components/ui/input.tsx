import type { ComponentPropsWithRef } from "react";
import { clsx } from "clsx";

/** Shared look of text inputs, selects and textareas. Invalid state follows `aria-invalid`. */
export const controlClasses =
  "block w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-400 " +
  "placeholder:text-slate-500 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600 " +
  "aria-[invalid=true]:ring-red-600 aria-[invalid=true]:focus:ring-red-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 read-only:bg-slate-50";

export interface InputProps extends ComponentPropsWithRef<"input"> {
  /** Shortcut for `aria-invalid`; `Field` sets it for you. */
  invalid?: boolean;
}

export function Input({ invalid, className, type = "text", "aria-invalid": ariaInvalid, ...rest }: InputProps) {
  return (
    <input
      {...rest}
      type={type}
      aria-invalid={invalid || ariaInvalid || undefined}
      className={clsx(controlClasses, "h-9", className)}
    />
  );
}

export function Textarea({
  invalid,
  className,
  "aria-invalid": ariaInvalid,
  ...rest
}: ComponentPropsWithRef<"textarea"> & { invalid?: boolean }) {
  return (
    <textarea
      {...rest}
      aria-invalid={invalid || ariaInvalid || undefined}
      className={clsx(controlClasses, "min-h-20 py-2", className)}
    />
  );
}

export function Select({
  invalid,
  className,
  "aria-invalid": ariaInvalid,
  ...rest
}: ComponentPropsWithRef<"select"> & { invalid?: boolean }) {
  return (
    <select
      {...rest}
      aria-invalid={invalid || ariaInvalid || undefined}
      className={clsx(controlClasses, "h-9 pr-8", className)}
    />
  );
}
