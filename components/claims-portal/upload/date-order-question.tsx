"use client";

import { useState } from "react";
import type { ClaimNeed } from "@/lib/imports/claims/types";
import { Button } from "@/components/ui/button";

type DateNeed = Extract<ClaimNeed, { kind: "dateOrder" }>;

/** Dates like 05/10/2026 read both ways: which comes first in this file, the day or the month? */
export function DateOrderQuestion({ need, pending, onAnswer }: { need: DateNeed; pending: boolean; onAnswer: (order: "DMY" | "MDY") => void }) {
  const [order, setOrder] = useState<"DMY" | "MDY">(need.assumed === "MDY" ? "MDY" : "DMY");
  return (
    <fieldset className="space-y-2 rounded-md border border-amber-300 bg-amber-50/60 p-3 text-sm text-amber-950" data-testid="claim-date-order">
      <legend className="px-1 font-medium">How are the ship dates written{need.example ? ` (e.g. ${need.example})` : ""}?</legend>
      <label className="flex items-center gap-2">
        <input type="radio" name="dateOrder" value="DMY" checked={order === "DMY"} onChange={() => setOrder("DMY")} /> Day first (25/11/2026)
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="dateOrder" value="MDY" checked={order === "MDY"} onChange={() => setOrder("MDY")} /> Month first (11/25/2026)
      </label>
      <Button size="sm" pending={pending} onClick={() => onAnswer(order)}>
        Read the file with this order
      </Button>
    </fieldset>
  );
}
