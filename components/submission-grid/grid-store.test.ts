import { describe, expect, it, vi } from "vitest";
import { GridStore, differenceOf, stripLabel } from "./grid-store";
import { summarise } from "./grid-model";
import type { GridLineInput } from "./types";

const line = (sku: string, opening: number, received: number, sold: number, onHand: number): GridLineInput => ({
  sku, description: `${sku} part`, family: "MCU", opening, received, sold, returned: 0, onHand, note: "", lastSold: null, lastOnHand: null, required: true,
});

function store() {
  return new GridStore({ lines: [line("MCU-1000", 100, 50, 120, 30), line("MCU-2000", 10, 0, 5, 5)], differenceTolerance: 0, bench: false });
}

/** The totals kept by difference, recounted from scratch. */
const recount = (s: GridStore) => summarise(s.rows, s.rows.map((_, i) => s.rowState(i)));

describe("GridStore", () => {
  it("keeps the totals by difference equal to a recount through edits, errors and added rows", () => {
    const s = store();
    expect(s.summary()).toEqual(recount(s));
    s.setText(0, "sold", "1,234");
    s.setText(1, "onHand", "abc");
    s.setText(1, "note", "counted twice");
    expect(s.validateCell(1, "onHand")).not.toBeNull();
    s.addRow({ sku: "NEW-1", description: "New", family: "X" });
    s.setText(2, "returned", "7");
    s.revert(0, "sold");
    expect(s.summary()).toEqual(recount(s));
    expect(s.summary()).toMatchObject({ rows: 3, changed: 3, errors: 1, returned: 7 });
  });

  it("notifies only the edited row, plus the totals", () => {
    const s = store();
    const row0 = vi.fn();
    const row1 = vi.fn();
    const totals = vi.fn();
    s.subscribeRow(0, row0);
    s.subscribeRow(1, row1);
    s.subscribeSummary(totals);
    s.setText(0, "sold", "121");
    expect(row0).toHaveBeenCalledTimes(1);
    expect(row1).not.toHaveBeenCalled();
    expect(totals).toHaveBeenCalledTimes(1);
  });

  it("hands the autosave what changed since the last save, and takes a failed save back", () => {
    const s = store();
    s.setText(0, "sold", "125");
    s.setText(1, "sold", "6");
    s.revert(1, "sold");
    s.addRow({ sku: "NEW-1", description: "New", family: "X" });
    const patch = s.takePatch();
    expect(patch).toEqual({ "MCU-1000": { sold: 125 }, "MCU-2000": { sold: null }, "NEW-1": { sold: 0, returned: 0, onHand: 0 } });
    expect(s.hasDirty()).toBe(false);
    s.restorePatch(patch);
    expect(s.peekDirty()).toEqual({ "MCU-1000": { sold: null }, "MCU-2000": { sold: null }, "NEW-1": { sold: null, returned: null, onHand: null } });
    expect(s.allEdits()).toEqual({ "MCU-1000": { sold: 125 }, "NEW-1": { sold: 0, returned: 0, onHand: 0, note: null } });
    expect(s.addedRows()).toEqual([{ sku: "NEW-1", description: "New", family: "X" }]);
  });

  it("builds the submission body in row order and lists errors by row", () => {
    const s = store();
    s.setText(1, "note", "  ");
    s.setErrors(new Map([[1, { sold: "MCU-2000: Sold cannot be negative" }]]));
    expect(s.buildBody(3)).toEqual({
      baseRevision: 3,
      lines: [
        { sku: "MCU-1000", sold: 120, returned: 0, onHand: 30, note: undefined },
        { sku: "MCU-2000", sold: 5, returned: 0, onHand: 5, note: undefined },
      ],
    });
    expect(s.errorList()).toEqual([{ index: 1, sku: "MCU-2000", field: "sold", message: "MCU-2000: Sold cannot be negative" }]);
    expect(stripLabel("MCU-2000", "sold", "MCU-2000: Sold cannot be negative")).toBe("cannot be negative");
    expect(differenceOf(s.rows[0]!, s.rowState(0))).toBe(0);
    expect(s.hasNoteInput(0)).toBe(false);
    expect(s.hasNoteInput(1)).toBe(true);
  });
});

describe("GridStore — review flags, partial uploads and the gap's sign", () => {
  it("the gap is expected − on hand (ours − yours), the manufacturer's sign", () => {
    const s = new GridStore({ lines: [line("MCU-1000", 0, 1000, 700, 240)], differenceTolerance: 0, bench: false });
    expect(differenceOf(s.rows[0]!, s.rowState(0))).toBe(60);
    expect(s.summary().difference).toBe(60);
    s.setText(0, "onHand", "320");
    expect(s.summary().difference).toBe(-20);
    expect(s.summary()).toEqual(recount(s));
  });

  it("marks flagged rows by SKU (any case) and lists them in row order for F8", () => {
    const s = store();
    const seen = vi.fn();
    s.subscribeRow(1, seen);
    s.setFlags([{ sku: "mcu-2000", kind: "out_of_tolerance", message: "gap 5" }]);
    expect(s.flaggedRows()).toEqual([1]);
    expect(s.rowState(1).flags).toEqual([{ sku: "mcu-2000", kind: "out_of_tolerance", message: "gap 5" }]);
    expect(seen).toHaveBeenCalledTimes(1);
    s.setFlags([]);
    expect(s.flaggedRows()).toEqual([]);
  });

  it("a line-level POS upload zeroes Sold and Returned of the SKUs it left out, as changes to save", () => {
    const s = store();
    s.takePatch();
    s.applyChanges([{ sku: "MCU-1000", sold: 80, returned: null, onHand: null }], "u1");
    const absent = s.applyAbsent(new Set(["MCU-1000"]), "zeroSales");
    expect(absent).toEqual([1]);
    expect(s.rowState(1)).toMatchObject({ sold: 0, returned: 0, onHand: 5 });
    expect(s.isChanged(1, "sold")).toBe(true);
    expect(s.takePatch()["MCU-2000"]).toMatchObject({ sold: 0 });
    // A summary's "set them to 0" also zeroes On hand; "none" only lists them.
    expect(s.applyAbsent(new Set(["MCU-1000"]), "none")).toEqual([1]);
    s.applyAbsent(new Set(["MCU-1000"]), "zeroAll");
    expect(s.rowState(1)).toMatchObject({ sold: 0, returned: 0, onHand: 0 });
    expect(s.summary()).toEqual(recount(s));
  });
});
