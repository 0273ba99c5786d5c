"use client";

import { COLUMN_LABELS, screenMessage, type LineColumn } from "./line-draft";

export interface LineProblem {
  /** 0-based row of the screen; null: not a line (the period, the reference). */
  row: number | null;
  column: LineColumn | null;
  message: string;
}

/** Every problem by line and field; a click goes to the cell. Announced when it appears. */
export function ErrorSummary({ problems, formError, lineNumber, onGo }: {
  problems: LineProblem[];
  formError: string | null;
  lineNumber: (row: number) => number;
  onGo: (row: number, column: LineColumn) => void;
}) {
  if (!formError && problems.length === 0) return <div aria-live="polite" />;
  return (
    <div aria-live="polite" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="claim-errors">
      <p className="font-semibold">{formError ?? "Check the highlighted cells; nothing was sent."}</p>
      {problems.length ? (
        <ul className="mt-1.5 space-y-0.5">
          {problems.slice(0, 50).map((p, i) => (
            <li key={i}>
              {p.row !== null && p.column ? (
                <button type="button" onClick={() => onGo(p.row!, p.column!)} className="text-left underline-offset-2 hover:underline">
                  Line {lineNumber(p.row)} · {COLUMN_LABELS[p.column]}: {screenMessage(p.message)}
                </button>
              ) : (
                <span>{screenMessage(p.message)}</span>
              )}
            </li>
          ))}
          {problems.length > 50 ? <li>… and {problems.length - 50} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
