"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { runJobsAction } from "@/app/(manufacturer)/admin/outbox/actions";
import type { ActionResult } from "./action-result";

export function RunJobsButton() {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" pending={pending} onClick={() => startTransition(async () => setResult(await runJobsAction()))}>
        Run reminder job now
      </Button>
      <span aria-live="polite" className={result?.ok === false ? "text-sm text-red-700" : "text-sm text-slate-700"}>{result?.message}</span>
    </div>
  );
}
