import { emptyToUndefined } from "./admin-csv";

/**
 * A server action is a public POST endpoint: anyone can call it with any serialisable arguments, not
 * only the FormData our forms send. `formDataOf` turns anything else into an empty form, so a forged
 * call gets the same field errors (or sign-in refusal) as an empty form instead of a 500.
 */
export function formDataOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** A form's named fields as its schema reads them: each `required` one as sent, each `optional` one left out when blank. */
export function formFields<R extends string, O extends string = never>(fd: FormData, required: readonly R[], optional: readonly O[] = []): Record<R | O, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of required) fields[name] = fd.get(name);
  for (const name of optional) fields[name] = emptyToUndefined(fd.get(name));
  return fields as Record<R | O, unknown>;
}
