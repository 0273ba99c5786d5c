import { clsx } from "clsx";
import type { AnyActionState } from "@/lib/validation/action-state";

/** The outcome of a form's server action, announced politely. */
export function FormMessage({ state, className }: { state: AnyActionState; className?: string }) {
  const text = state.ok === false ? state.formError : state.ok ? state.message : undefined;
  return (
    <div aria-live="polite" aria-atomic="true" className={className}>
      {text ? (
        <p
          role={state.ok === false ? "alert" : "status"}
          className={clsx(
            "rounded-md border px-3 py-2 text-sm",
            state.ok === false ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800",
          )}
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}
