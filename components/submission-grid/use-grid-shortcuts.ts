"use client";

/**
 * Screen-wide keys of the submission grid (listed by the shortcuts panel): `?` shows the panel, `/`
 * goes to the "Go to SKU" box, and so does a letter typed in a quantity cell (type to jump: the box
 * opens with that letter, Enter lands in the same column of the SKU's row); F8 / Shift+F8 the next /
 * previous flagged row. They work from a quantity cell ("?", "/" and letters are not numbers) but not
 * while typing text (a note, the search).
 */
import { useEffect, type RefObject } from "react";
import type { CheckKind } from "@/lib/domain/submission-checks";
import type { ErrorField, GridStore } from "./grid-store";
import type { GoToSkuHandle } from "./go-to-sku";
import { NUM_FIELDS, type NumField } from "./grid-model";

const SOLD_KINDS: readonly CheckKind[] = ["impossible", "outlier"];

function typingText(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === "TEXTAREA" || t.tagName === "SELECT") return true;
  if (t.tagName !== "INPUT") return false;
  const col = t.dataset.col;
  // Quantity and forecast cells of the grid take numbers only.
  return !(col && col !== "note");
}

/** A grid cell that takes numbers (a letter typed there can only mean a jump). */
function quantityCell(t: EventTarget | null): boolean {
  return t instanceof HTMLInputElement && !!t.dataset.col && t.dataset.col !== "note";
}

/** The quantity column the focus is in, to land in the same one after a jump (Sold from anywhere else). */
function columnOf(t: EventTarget | null): NumField {
  const col = t instanceof HTMLElement ? t.dataset.col : undefined;
  return (NUM_FIELDS as readonly string[]).includes(col ?? "") ? (col as NumField) : "sold";
}

export function useGridShortcuts({
  store,
  goTo,
  goToRef,
  toggleShortcuts,
  announce,
}: {
  store: GridStore;
  goTo: (index: number, field: ErrorField) => void;
  goToRef: RefObject<GoToSkuHandle | null>;
  toggleShortcuts: () => void;
  announce: (message: string) => void;
}) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "F8") {
        e.preventDefault();
        const flagged = store.flaggedRows();
        if (!flagged.length) {
          announce("No flagged rows");
          return;
        }
        const active = document.activeElement as HTMLElement | null;
        const here = active?.dataset.index !== undefined ? Number(active.dataset.index) : -1;
        const next = e.shiftKey
          ? ([...flagged].reverse().find((i) => i < here) ?? flagged[flagged.length - 1]!)
          : (flagged.find((i) => i > here) ?? flagged[0]!);
        const flags = store.rowState(next).flags ?? [];
        goTo(next, flags.some((f) => SOLD_KINDS.includes(f.kind)) ? "sold" : "onHand");
        announce(`${store.rows[next]!.sku}: ${flags.map((f) => f.message).join(". ")}`);
        return;
      }
      if (typingText(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        toggleShortcuts();
      } else if (e.key === "/" || (/^[a-z]$/i.test(e.key) && quantityCell(e.target))) {
        e.preventDefault();
        goToRef.current?.begin(e.key === "/" ? "" : e.key, columnOf(e.target));
      }
    }
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [store, goTo, goToRef, toggleShortcuts, announce]);
}
