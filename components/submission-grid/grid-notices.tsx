"use client";

/**
 * The notices above the grid: what the autosave merged from a colleague, cells both of you changed
 * (with "Use theirs" / "Keep mine"), rows restored from this tab, the revision now shown after a
 * conflict. `useNotices` keeps the list (a new conflict notice replaces the previous one);
 * `GridNotices` shows it.
 */
import { useCallback, useContext, useRef, useState } from "react";
import { clsx } from "clsx";
import { FIELD_LABELS } from "@/lib/validation/submission";
import { Button } from "@/components/ui/button";
import type { DraftAutosave, HeldConflict } from "./draft-autosave";
import { NumberFormatContext, displayValue } from "./format";

export interface Notice {
  id: number;
  tone: "info" | "warning";
  text: string;
  held?: HeldConflict[];
}

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const noticeSeq = useRef(0);
  const addNotice = useCallback((n: Omit<Notice, "id">) => {
    const id = ++noticeSeq.current;
    setNotices((list) => [...list.filter((x) => !(n.held && x.held)), { ...n, id }]);
  }, []);
  const dismissNotice = useCallback((id: number) => setNotices((l) => l.filter((x) => x.id !== id)), []);
  return { notices, addNotice, dismissNotice };
}

export function GridNotices({ notices, saver, onDismiss }: { notices: Notice[]; saver: DraftAutosave; onDismiss: (id: number) => void }) {
  const fmt = useContext(NumberFormatContext);
  return notices.map((n) => (
    <div
      key={n.id}
      className={clsx(
        "flex flex-wrap items-start gap-3 rounded-lg border px-4 py-2.5 text-sm",
        n.tone === "warning" ? "border-amber-300 bg-amber-50 text-amber-950" : "border-sky-200 bg-sky-50 text-sky-950",
      )}
    >
      <div className="min-w-0 flex-1">
        <p>{n.text}</p>
        {n.held?.length ? (
          <ul className="mt-1 text-xs">
            {n.held.slice(0, 10).map((h) => (
              <li key={`${h.sku}-${h.field}`}>
                <span className="font-mono font-medium">{h.sku}</span> · {FIELD_LABELS[h.field]}: theirs{" "}
                <b>{h.theirs === null ? "(cleared)" : displayValue(fmt, h.theirs)}</b>, yours <b>{h.yours === null ? "(cleared)" : displayValue(fmt, h.yours)}</b>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {n.held?.length ? (
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => { saver.resolve("theirs"); onDismiss(n.id); }}>
            Use theirs
          </Button>
          <Button size="sm" onClick={() => { saver.resolve("mine"); onDismiss(n.id); }}>
            Keep mine
          </Button>
        </div>
      ) : (
        <button type="button" className="text-xs font-medium underline underline-offset-2" onClick={() => onDismiss(n.id)}>
          Dismiss
        </button>
      )}
    </div>
  ));
}
