import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { clsx } from "clsx";

/** What `Field` hands to its control so label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export interface FieldProps {
  label: ReactNode;
  /** The control's id; generated when omitted. */
  id?: string;
  hint?: ReactNode;
  /** One message or several (as zod `fieldErrors` gives them); the first is shown. */
  error?: string | string[] | null;
  /** Shows "Optional" after the label. */
  optional?: boolean;
  className?: string;
  /**
   * The control: an element (`<Input name="email" />`, gets id and aria props merged in), or a
   * function receiving them (`{(p) => <input {...p} />}`).
   */
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
}

export function Field({ label, id, hint, error, optional, className, children }: FieldProps) {
  const autoId = useId();
  const controlId = id ?? `field${autoId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const message = Array.isArray(error) ? error[0] : error || undefined;

  const control: FieldControlProps = {
    id: controlId,
    "aria-invalid": message ? true : undefined,
    "aria-describedby": clsx(hint && hintId, message && errorId) || undefined,
  };

  let rendered: ReactNode;
  if (typeof children === "function") {
    rendered = children(control);
  } else if (isValidElement(children)) {
    const own = children.props["aria-describedby"];
    rendered = cloneElement(children, {
      ...control,
      "aria-describedby": clsx(typeof own === "string" && own, control["aria-describedby"]) || undefined,
    });
  }

  return (
    <div className={clsx("space-y-1.5", className)}>
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-600">(optional)</span> : null}
      </label>
      {rendered}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="text-xs font-medium text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
