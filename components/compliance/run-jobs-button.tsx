"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/validation/action-state";

export function RunJobsButton({ runJobsAction }: { runJobsAction: () => Promise<ActionState> }) {
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" pending={pending} onClick={() => startTransition(async () => setResult(await runJobsAction()))}>
        Run reminder job now
      </Button>
      <span aria-live="polite" className={result?.ok === false ? "text-sm text-red-700" : "text-sm text-slate-700"}>{result?.ok === false ? result.formError : result?.ok ? result.message : null}</span>
    </div>
  );
}
