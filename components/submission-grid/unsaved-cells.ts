/**
 * What the draft autosave has not taken yet (`GridStore`, grid-store.ts): the cells changed since it
 * last took them, per SKU, and the rows added by hand whose existence still has to be saved.
 */
import { setPatch, type CellPatch, type DraftPatch, type EditField, type RowModel, type RowState } from "./grid-model";
import { patchValue } from "./grid-selectors";

/** A SKU's row and its current state; undefined when the grid has no such row. */
export type RowAt = (sku: string) => { row: RowModel; state: RowState } | undefined;

export class UnsavedCells {
  private cells = new Map<string, Set<EditField>>();
  private added = new Set<string>();

  has(sku: string, f: EditField): boolean {
    return this.cells.get(sku)?.has(f) ?? false;
  }

  mark(sku: string, f: EditField): void {
    let set = this.cells.get(sku);
    if (!set) this.cells.set(sku, (set = new Set()));
    set.add(f);
  }

  markAdded(sku: string): void {
    this.added.add(sku);
  }

  any(): boolean {
    return this.cells.size > 0 || this.added.size > 0;
  }

  /**
   * The unsaved cells as a draft patch (a cell back at its starting value is `null`: the edit is
   * dropped), forgotten here: `restore` puts them back after a failed save.
   */
  take(at: RowAt): DraftPatch {
    const patch: DraftPatch = {};
    for (const [sku, fields] of this.cells) {
      const r = at(sku);
      if (!r) continue;
      const cell: CellPatch = {};
      for (const f of fields) setPatch(cell, f, patchValue(r.row, r.state, f));
      patch[sku] = cell;
    }
    for (const sku of this.added) {
      const s = at(sku)?.state;
      if (!s) continue;
      // A hand-added SKU is kept in the draft by its quantities, even when they are all 0.
      patch[sku] = { ...(patch[sku] ?? {}), sold: s.sold, returned: s.returned, onHand: s.onHand };
    }
    this.cells = new Map();
    this.added = new Set();
    return patch;
  }

  /** The unsaved cells (only the keys matter: every value is null), not forgotten. */
  keys(): DraftPatch {
    const out: DraftPatch = {};
    for (const [sku, fields] of this.cells) {
      const c: CellPatch = {};
      for (const f of fields) setPatch(c, f, null);
      out[sku] = c;
    }
    for (const sku of this.added) out[sku] = { ...(out[sku] ?? {}), sold: null, returned: null, onHand: null };
    return out;
  }

  /** Marks a patch's cells unsaved again (a failed save, values restored after a reload). */
  restore(patch: DraftPatch, at: RowAt): void {
    for (const [sku, cell] of Object.entries(patch)) {
      const r = at(sku);
      if (!r) continue;
      if (r.row.added && cell && "sold" in cell && "returned" in cell && "onHand" in cell) this.added.add(sku);
      for (const f of Object.keys(cell ?? {}) as EditField[]) this.mark(sku, f);
    }
  }
}
