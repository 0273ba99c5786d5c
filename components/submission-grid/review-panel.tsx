"use client";

/**
 * Review before storing: the rows the submission check flagged, grouped by kind (a row sits under its
 * first kind and shows every message). Each SKU is one click or keystroke away in the grid (fix it
 * in place, then submit again), or is confirmed as reported with an optional reason and note.
 * "Confirm all as reported and submit" is one action. Nothing flagged is stored without one or the other.
 */
import { Button } from "@/components/ui/button";
import { Kbd } from "./shortcuts-panel";
import { QUALITY_PARTS, QUALITY_PART_LABELS, type Quality } from "@/lib/domain/quality";
import { MessageText } from "@/components/format/text";
import {
  CHECK_KINDS,
  CHECK_KIND_LABELS,
  CONFIRM_REASONS,
  CONFIRM_REASON_LABELS,
  type CheckKind,
  type Confirmation,
  type ConfirmReason,
  type RowFlag,
} from "@/lib/domain/submission-checks";

export interface ReviewState {
  flags: RowFlag[];
  quality: Quality;
}

export interface ReviewPanelProps {
  review: ReviewState;
  /** Confirmations by upper-case SKU. */
  confirms: ReadonlyMap<string, Confirmation>;
  onConfirm: (sku: string, confirmation: Confirmation | null) => void;
  onGoTo: (sku: string) => void;
  onConfirmAll: () => void;
  onSubmit: () => void;
  submitting: boolean;
}

type Row = { sku: string; kinds: CheckKind[]; messages: string[] };

function groupRows(flags: readonly RowFlag[]): { kind: CheckKind; rows: Row[] }[] {
  const bySku = new Map<string, Row>();
  for (const f of flags) {
    const key = f.sku.toUpperCase();
    const r = bySku.get(key) ?? { sku: f.sku, kinds: [], messages: [] };
    r.kinds.push(f.kind);
    r.messages.push(f.message);
    bySku.set(key, r);
  }
  const first = (r: Row) => CHECK_KINDS.find((k) => r.kinds.includes(k))!;
  return CHECK_KINDS.map((kind) => ({ kind, rows: [...bySku.values()].filter((r) => first(r) === kind) })).filter((g) => g.rows.length);
}

export function ReviewPanel({ review, confirms, onConfirm, onGoTo, onConfirmAll, onSubmit, submitting }: ReviewPanelProps) {
  const groups = groupRows(review.flags);
  const total = groups.reduce((a, g) => a + g.rows.length, 0);
  const confirmed = groups.reduce((a, g) => a + g.rows.filter((r) => confirms.has(r.sku.toUpperCase())).length, 0);
  const q = review.quality;
  return (
    <section
      data-testid="review-panel"
      aria-labelledby="review-title"
      className="rounded-lg border border-amber-300 bg-amber-50/60 px-3 py-3 text-sm text-slate-900 sm:px-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="review-title" className="font-semibold text-amber-950">
            {total === 1 ? "1 row needs" : `${total} rows need`} a look before we store your report
          </h2>
          <p className="mt-0.5 text-xs text-slate-700">
            Nothing was stored yet. Fix a number in the grid (click the SKU, or press <Kbd>F8</Kbd> for the next flagged row), or
            confirm it as reported and say why. Quality if stored as it is: <strong data-testid="review-quality">{q.score}</strong>/100 (
            {QUALITY_PARTS.map((p) => `${QUALITY_PART_LABELS[p].toLowerCase()} ${q.parts[p]}`).join(", ")}).
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={onSubmit} pending={submitting} data-testid="review-submit">
            Check again and submit{confirmed ? ` (${confirmed} confirmed)` : ""}
          </Button>
          <Button size="sm" onClick={onConfirmAll} pending={submitting} data-testid="review-confirm-all">
            Confirm all as reported and submit
          </Button>
        </div>
      </div>
      <div className="mt-3 max-h-80 space-y-3 overflow-auto">
        {groups.map((g) => (
          <div key={g.kind} data-kind={g.kind}>
            <h3 className="text-xs font-semibold tracking-wide text-amber-900 uppercase">
              {CHECK_KIND_LABELS[g.kind]} · {g.rows.length}
            </h3>
            <ul className="mt-1 divide-y divide-amber-200 rounded-md border border-amber-200 bg-white">
              {g.rows.map((r) => {
                const c = confirms.get(r.sku.toUpperCase()) ?? null;
                return (
                  <li key={r.sku} data-testid="review-row" data-sku={r.sku} className="flex flex-col gap-1.5 px-2.5 py-2 sm:flex-row sm:items-start sm:gap-3">
                    <button
                      type="button"
                      onClick={() => onGoTo(r.sku)}
                      className="shrink-0 self-start rounded font-mono text-[13px] font-semibold text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                      title="Go to this row in the grid to fix it"
                    >
                      {r.sku}
                    </button>
                    <div className="min-w-0 flex-1 space-y-0.5 text-xs text-slate-800">
                      {r.messages.map((m, i) => (
                        <p key={i}>
                          <MessageText text={m} />
                        </p>
                      ))}
                    </div>
                    <div className="flex flex-wrap items-center gap-2 text-xs">
                      <label className="inline-flex items-center gap-1.5 font-medium text-slate-800">
                        <input
                          type="checkbox"
                          checked={c !== null}
                          onChange={(e) => onConfirm(r.sku, e.target.checked ? { reason: c?.reason ?? "other", note: c?.note ?? null } : null)}
                          className="size-3.5 accent-indigo-600"
                        />
                        Confirm as reported
                      </label>
                      <label className="sr-only" htmlFor={`reason-${r.sku}`}>
                        Reason for {r.sku}
                      </label>
                      <select
                        id={`reason-${r.sku}`}
                        value={c?.reason ?? ""}
                        onChange={(e) => onConfirm(r.sku, e.target.value ? { reason: e.target.value as ConfirmReason, note: c?.note ?? null } : null)}
                        className="h-7 rounded-md border-0 bg-white px-1.5 text-xs text-slate-900 ring-1 ring-slate-400 ring-inset focus:ring-2 focus:ring-indigo-600"
                      >
                        <option value="">Reason (optional)</option>
                        {CONFIRM_REASONS.map((reason) => (
                          <option key={reason} value={reason}>
                            {CONFIRM_REASON_LABELS[reason]}
                          </option>
                        ))}
                      </select>
                      <input
                        type="text"
                        aria-label={`Note for ${r.sku}`}
                        placeholder="Note"
                        maxLength={500}
                        value={c?.note ?? ""}
                        onChange={(e) => onConfirm(r.sku, { reason: c?.reason ?? "other", note: e.target.value || null })}
                        className="h-7 w-36 rounded-md border-0 bg-white px-1.5 text-xs text-slate-900 ring-1 ring-slate-400 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600"
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
