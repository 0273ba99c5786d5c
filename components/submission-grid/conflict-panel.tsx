"use client";

import { useContext, useSyncExternalStore } from "react";
import { FIELD_LABELS } from "@/lib/validation/submission";
import { Button } from "@/components/ui/button";
import { useFormatter } from "@/components/format/format-provider";
import { displayValue, NumberFormatContext } from "./format";
import type { RevisionDifference } from "./types";

export interface ConflictInfo {
  latestRevision: number | null;
  submittedAt: string | null;
  submittedBy: string | null;
  differences: RevisionDifference[];
  differenceCount: number;
  /** Found by the autosave (no list of differences) rather than by a submission. */
  fromDraft: boolean;
}

const noSubscribe = () => () => {};

function show(fmt: Intl.NumberFormat, v: number | string | null): string {
  if (v === null) return "—";
  return typeof v === "number" ? displayValue(fmt, v) : v || "(empty)";
}

/** A colleague submitted while this user was editing: say who and when, show what differs, never overwrite. */
export function ConflictPanel({ conflict, reviewing, onReview }: { conflict: ConflictInfo; reviewing: boolean; onReview: () => void }) {
  const fmt = useContext(NumberFormatContext);
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
  const f = useFormatter();
  const at = conflict.submittedAt && mounted ? f.time(conflict.submittedAt) : null;
  const who = conflict.submittedBy ?? "a colleague";
  const rev = conflict.latestRevision ? `Revision ${conflict.latestRevision}` : "A new revision";
  const shown = conflict.differences.slice(0, 25);
  return (
    <div data-testid="conflict" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <h2 className="font-semibold">
        {rev} was submitted by {who}
        {at ? ` at ${at}` : ""} while you were editing
      </h2>
      <p className="mt-1">
        Nothing from your grid was stored, and nothing of theirs was overwritten.{" "}
        {conflict.fromDraft
          ? "Your edits are kept in this tab."
          : conflict.differenceCount
            ? `${conflict.differenceCount} number${conflict.differenceCount === 1 ? " differs" : "s differ"} between their revision and your grid:`
            : "Their revision has the same numbers as your grid."}
      </p>
      {shown.length ? (
        <div className="mt-2 max-h-56 max-w-2xl overflow-auto rounded-md border border-amber-200 bg-white">
          <table className="w-full text-xs">
            <thead className="sticky top-0 bg-amber-100/80 text-left text-amber-950">
              <tr>
                <th scope="col" className="px-2 py-1 font-semibold">SKU</th>
                <th scope="col" className="px-2 py-1 font-semibold">Field</th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">Theirs</th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">Yours</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={`${d.sku}-${d.field}`} className="border-t border-amber-100">
                  <td className="px-2 py-1 font-mono">{d.sku}</td>
                  <td className="px-2 py-1">{d.field === "line" ? "Line" : FIELD_LABELS[d.field]}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{d.field === "line" && d.theirs === null ? "not in theirs" : show(fmt, d.theirs)}</td>
                  <td className="px-2 py-1 text-right font-medium tabular-nums">{d.field === "line" && d.yours === null ? "not in yours" : show(fmt, d.yours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {conflict.differenceCount > shown.length ? (
            <p className="border-t border-amber-100 px-2 py-1 text-xs text-amber-900">…and {conflict.differenceCount - shown.length} more.</p>
          ) : null}
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={onReview} pending={reviewing}>
          Review their numbers
        </Button>
        <span className="text-xs text-amber-900">
          Reloads with their revision; the cells you changed keep your numbers as a draft. Then submit again.
        </span>
      </div>
    </div>
  );
}
