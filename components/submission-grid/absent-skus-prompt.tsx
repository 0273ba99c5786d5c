"use client";

/**
 * After an inventory summary that left SKUs out is applied: asked once what those rows should say —
 * keep last period's numbers, set them to 0, or leave them for me (each is flagged "not in your file"
 * at submit, so none is stored without a look).
 */
import { Button } from "@/components/ui/button";

export type AbsentChoice = "keep" | "zero" | "leave";

export function AbsentSkusPrompt({ count, skus, onChoose }: { count: number; skus: string[]; onChoose: (choice: AbsentChoice) => void }) {
  const shown = skus.slice(0, 8).join(", ") + (skus.length > 8 ? ` and ${skus.length - 8} more` : "");
  return (
    <div role="alertdialog" aria-labelledby="absent-title" data-testid="absent-skus" className="rounded-lg border border-indigo-300 bg-indigo-50 px-4 py-3 text-sm text-slate-900">
      <h2 id="absent-title" className="font-semibold text-indigo-950">
        Your file did not mention {count === 1 ? "1 SKU" : `${count} SKUs`} of the grid
      </h2>
      <p className="mt-0.5 text-xs text-slate-700">{shown}. What should their Sold, Returned and On hand say?</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={() => onChoose("keep")} data-testid="absent-keep">
          Keep last period’s numbers
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onChoose("zero")} data-testid="absent-zero">
          Set them to 0
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onChoose("leave")} data-testid="absent-leave">
          Leave them for me
        </Button>
      </div>
    </div>
  );
}
