"use client";

/**
 * The keyboard shortcuts of the submission screen, shown by `?` (and the "Shortcuts" button), and
 * the `<Kbd>` key cap used wherever a key is named.
 */
import { useEffect, useRef } from "react";

export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="inline-block min-w-[1.4em] rounded border border-slate-300 bg-white px-1 text-center font-mono text-[11px] leading-[1.5] font-semibold text-slate-800 shadow-[0_1px_0_rgb(148_163_184)]">
      {children}
    </kbd>
  );
}

const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["/"], what: "Go to a SKU: type part of it, Enter jumps to its row in the column you were in" },
  { keys: ["A–Z"], what: "In a quantity cell: start typing a SKU to jump to it (then Enter, then the value)" },
  { keys: ["F8"], what: "Next flagged row (Shift+F8: previous)" },
  { keys: ["↑", "↓", "←", "→"], what: "Move between cells" },
  { keys: ["Enter"], what: "Next row (Shift+Enter: previous)" },
  { keys: ["Tab"], what: "Next cell (Shift+Tab: previous)" },
  { keys: ["Ctrl", "↑/↓"], what: "First / last row" },
  { keys: ["PgUp", "PgDn"], what: "15 rows up / down" },
  { keys: ["Esc"], what: "Revert the cell to its starting value" },
  { keys: ["F2"], what: "Edit the cell without replacing its value" },
  { keys: ["Ctrl", "V"], what: "Paste a block copied from Excel or Sheets" },
  { keys: ["?"], what: "Show or hide this list" },
];

export function ShortcutsPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
      className="rounded-lg border border-slate-300 bg-white px-4 py-3 text-sm shadow-md"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="shortcuts-title" className="font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <button ref={closeRef} type="button" onClick={onClose} className="rounded px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
          Close <Kbd>Esc</Kbd>
        </button>
      </div>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {SHORTCUTS.map((s) => (
          <div key={s.what} className="flex items-baseline gap-2">
            <dt className="flex shrink-0 gap-0.5">
              {s.keys.map((k) => (
                <Kbd key={k}>{k}</Kbd>
              ))}
            </dt>
            <dd className="text-xs text-slate-700">{s.what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
