import type { AnyActionState } from "@/lib/validation/action-state";

/** The line under a control that says how its server action went (nothing before the first answer). */
export function ActionMessage({ state, className = "" }: { state: AnyActionState | null | undefined; className?: string }) {
  if (!state || state.ok === null) return null;
  const text = state.ok ? state.message : state.formError;
  if (!text) return null;
  return (
    <p aria-live="polite" className={`${state.ok ? "text-emerald-800" : "text-red-700"} ${className}`}>
      {text}
    </p>
  );
}
