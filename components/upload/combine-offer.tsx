"use client";

/**
 * A file covering part of the month (a weekly report) and earlier partial files of the same month:
 * the distributor combines them into the month in one action — sales and receipts added, on hand from
 * the latest-dated file — or undoes it. Once combined, the panel says with which files.
 */
import type { UploadAnswer } from "@/lib/dal/uploads/answer";
import { dayRange } from "@/lib/imports/coverage";
import { Button } from "@/components/ui/button";

type Earlier = NonNullable<UploadAnswer["combinable"]>[number];

const named = (p: Earlier) => `${p.fileName ?? "an earlier file"} (${dayRange(p.coverage.from, p.coverage.to)})`;

export function CombineOffer({ answer, onCombine }: { answer: UploadAnswer; onCombine: (ids: string[] | undefined) => void }) {
  if (answer.combinedWith?.length) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950" data-testid="upload-combined">
        <p>
          Combined with {answer.combinedWith.map(named).join(", ")}: sales and receipts added, on hand from the latest-dated file. The totals below are
          the month so far.
        </p>
        <Button size="sm" variant="secondary" onClick={() => onCombine(undefined)}>
          Use this file alone
        </Button>
      </div>
    );
  }
  if (!answer.combinable?.length) return null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="upload-combine-offer">
      <p>
        This file covers part of the month. You sent {answer.combinable.length === 1 ? "another part" : "other parts"} earlier: {answer.combinable.map(named).join(", ")}.
        Combine them into the month?
      </p>
      <Button size="sm" onClick={() => onCombine(answer.combinable!.map((p) => p.uploadId))}>
        Combine into the month
      </Button>
    </div>
  );
}
