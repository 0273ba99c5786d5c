"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CreatedTokenData } from "@/lib/validation/tokens";

/** The new token's secret, once, in a copyable box with a warning. */
export function NewTokenSecret({ token, onDone }: { token: CreatedTokenData; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [token.id]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("no");
    }
  }

  return (
    <section
      aria-labelledby="new-token-heading"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-4"
      data-testid="new-token"
    >
      <div>
        <h3 id="new-token-heading" className="text-sm font-semibold text-slate-900">
          Token “{token.name}” created
        </h3>
        <p className="mt-1 text-sm font-medium text-amber-900">
          Copy it now — you will not see it again. Only a hash is stored; if you lose it, revoke it and create another.
        </p>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="new-token-secret" className="block text-sm font-medium text-slate-800">
          Your new API token
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            id="new-token-secret"
            readOnly
            value={token.secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
            className="block h-9 min-w-0 flex-1 rounded-md border-0 bg-white px-3 font-mono text-xs text-slate-900 shadow-xs ring-1 ring-inset ring-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
          <Button variant="primary" onClick={() => void copy()}>
            Copy
          </Button>
        </div>
        <p aria-live="polite" className="min-h-4 text-xs text-slate-700">
          {copied === "yes" ? "Copied to the clipboard." : copied === "no" ? "Copying is blocked here; the token is selected, press Ctrl+C (⌘C)." : ""}
        </p>
      </div>
      <Button variant="secondary" size="sm" onClick={onDone}>
        I have copied it
      </Button>
    </section>
  );
}
