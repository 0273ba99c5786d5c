/** An audit entry's data as one line of JSON; long values open in full on demand. */
export function JsonCompact({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-500">—</span>;
  const text = JSON.stringify(value);
  if (text.length <= 80) {
    return <code className="font-mono text-xs break-all text-slate-700">{text}</code>;
  }
  return (
    <details className="group max-w-md">
      <summary className="cursor-pointer list-none rounded-sm font-mono text-xs text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <span className="group-open:hidden">{text.slice(0, 77)}…</span>
        <span className="hidden text-indigo-700 group-open:inline">Hide</span>
      </summary>
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}
