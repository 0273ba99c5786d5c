/** A form's outcome, announced politely: the error, or the success message. */
export function FormMessage({ error, success, testId }: { error?: string | null; success?: string | null; testId?: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" data-testid={testId}>
      {error ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
      ) : success ? (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</p>
      ) : null}
    </div>
  );
}
