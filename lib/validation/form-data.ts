/**
 * A server action is a public POST endpoint: anyone can call it with any serialisable arguments, not
 * only the FormData our forms send. `formDataOf` turns anything else into an empty form, so a forged
 * call gets the same field errors (or sign-in refusal) as an empty form instead of a 500.
 */
export function formDataOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
