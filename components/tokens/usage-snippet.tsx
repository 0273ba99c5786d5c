import type { ReactNode } from "react";

/** How to call the API with a token: a short, copyable example. */
export function UsageSnippet({ origin, period }: { origin: string; period: string }) {
  const get = `curl -H "Authorization: Bearer st_…" ${origin}/api/v1/submissions/${period}`;
  const post =
    `curl -X POST -H "Authorization: Bearer st_…" -H "Idempotency-Key: $(uuidgen)" \\\n` +
    `     -H "Content-Type: application/json" \\\n` +
    `     -d '{"baseRevision": null, "lines": [{"sku": "MCU-1000", "sold": 700, "returned": 0, "onHand": 240}]}' \\\n` +
    `     ${origin}/api/v1/submissions/${period}`;
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>
        Send the token in the <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization</code> header. It acts
        for your company only, with the same rights as you.
      </p>
      <Example caption="Read a period (the latest revision, or the prefill)" label="Example: read a period" code={get} />
      <Example
        caption={
          <>
            Submit (a new revision; use the latest revision number as <code className="font-mono">baseRevision</code>)
          </>
        }
        label="Example: submit a period"
        code={post}
      />
      <p className="text-xs text-slate-600">
        The full contract is in the OpenAPI document at <code className="font-mono">{origin}/api/v1/openapi.json</code>.
      </p>
    </div>
  );
}

/** A command under its caption, scrollable and reachable by keyboard. */
function Example({ caption, label, code }: { caption: ReactNode; label: string; code: string }) {
  return (
    <figure className="space-y-1">
      <figcaption className="text-xs font-medium text-slate-600">{caption}</figcaption>
      <pre
        tabIndex={0}
        role="region"
        aria-label={label}
        className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs whitespace-pre text-slate-100"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
