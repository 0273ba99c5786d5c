import { describe, it, expect } from "vitest";
import {
  COLUMN_ORIENTATION,
  LEDGER_COLUMNS,
  MOVEMENT_COLUMN,
  MOVEMENT_SIGN,
  MOVEMENT_TYPES,
  columnContribution,
  isMovementType,
  movementColumnSql,
  signedCorrection,
  signedQuantity,
  type LedgerColumn,
  type MovementType,
} from "./movements";

describe("movement signs", () => {
  it("decides every type's sign", () => {
    expect(MOVEMENT_SIGN).toEqual({
      opening_balance: 1,
      sell_in: 1,
      sell_through: -1,
      customer_return: 1,
      return_to_vendor: -1,
      transfer_in: 1,
      transfer_out: -1,
      adjustment_in: 1,
      adjustment_out: -1,
    });
    expect(Object.keys(MOVEMENT_SIGN).sort()).toEqual([...MOVEMENT_TYPES].sort());
  });

  it("maps every type to a column", () => {
    expect(MOVEMENT_COLUMN.customer_return).toBe("sellThrough");
    expect(MOVEMENT_COLUMN.return_to_vendor).toBe("returns");
    expect(MOVEMENT_COLUMN.transfer_out).toBe("adjustments");
    expect(MOVEMENT_COLUMN.opening_balance).toBe("opening");
    for (const t of MOVEMENT_TYPES) expect(LEDGER_COLUMNS).toContain(MOVEMENT_COLUMN[t]);
  });

  it("signs quantities and rejects negative or non-finite input", () => {
    expect(signedQuantity("sell_in", 10)).toBe(10);
    expect(signedQuantity("sell_through", 10)).toBe(-10);
    expect(signedQuantity("customer_return", 5)).toBe(5);
    expect(signedQuantity("return_to_vendor", 5)).toBe(-5);
    expect(() => signedQuantity("sell_in", -1)).toThrow(RangeError);
    expect(() => signedQuantity("sell_in", Number.NaN)).toThrow(RangeError);
  });

  it("recognises movement types", () => {
    expect(isMovementType("transfer_in")).toBe(true);
    expect(isMovementType("SS")).toBe(false);
    expect(isMovementType(3)).toBe(false);
  });
});

describe("columnContribution", () => {
  it("puts a customer return into sellThrough as a reduction", () => {
    expect(columnContribution("sell_through", 20, "sellThrough")).toBe(20);
    expect(columnContribution("customer_return", 5, "sellThrough")).toBe(-5);
    expect(columnContribution("customer_return", 5, "returns")).toBe(0);
  });

  it("keeps adjustments signed and returns positive", () => {
    expect(columnContribution("transfer_out", 7, "adjustments")).toBe(-7);
    expect(columnContribution("adjustment_in", 7, "adjustments")).toBe(7);
    expect(columnContribution("return_to_vendor", 3, "returns")).toBe(3);
  });

  it("column values recombine into the signed balance effect", () => {
    for (const t of MOVEMENT_TYPES) {
      const total = LEDGER_COLUMNS.reduce((acc, c) => acc + COLUMN_ORIENTATION[c] * columnContribution(t, 4, c), 0);
      expect(total).toBe(signedQuantity(t, 4));
    }
  });
});

describe("signedCorrection", () => {
  it("turns a signed correction into an unsigned adjustment", () => {
    expect(signedCorrection(12)).toEqual({ type: "adjustment_in", quantity: 12 });
    expect(signedCorrection(-60)).toEqual({ type: "adjustment_out", quantity: 60 });
    expect(signedQuantity(signedCorrection(-60).type, signedCorrection(-60).quantity)).toBe(-60);
  });

  it("rejects zero and non-finite corrections", () => {
    expect(() => signedCorrection(0)).toThrow(RangeError);
    expect(() => signedCorrection(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("movementColumnSql", () => {
  it("generates the CASE for each column", () => {
    expect(movementColumnSql("m.type", "m.quantity", "sellThrough")).toBe(
      "CASE m.type WHEN 'sell_through' THEN m.quantity WHEN 'customer_return' THEN -(m.quantity) ELSE 0 END",
    );
    expect(movementColumnSql("type", "qty", "returns")).toBe("CASE type WHEN 'return_to_vendor' THEN qty ELSE 0 END");
    expect(movementColumnSql("type", "qty", "adjustments")).toBe(
      "CASE type WHEN 'transfer_in' THEN qty WHEN 'transfer_out' THEN -(qty) WHEN 'adjustment_in' THEN qty WHEN 'adjustment_out' THEN -(qty) ELSE 0 END",
    );
    expect(movementColumnSql("type", "qty", "opening")).toBe("CASE type WHEN 'opening_balance' THEN qty ELSE 0 END");
    expect(movementColumnSql("type", "qty", "sellIn")).toBe("CASE type WHEN 'sell_in' THEN qty ELSE 0 END");
  });

  it("agrees with columnContribution for every type and column", () => {
    // Evaluate the generated CASE for a row, the way SQL would.
    const evalCase = (sqlText: string, type: MovementType, qty: number): number => {
      const m = new RegExp(`WHEN '${type}' THEN (-\\()?q\\)?`).exec(sqlText);
      return m ? (m[1] ? -qty : qty) : 0;
    };
    for (const c of LEDGER_COLUMNS) {
      const text = movementColumnSql("t", "q", c);
      for (const t of MOVEMENT_TYPES) expect(evalCase(text, t, 9)).toBe(columnContribution(t, 9, c));
    }
  });

  it("rejects anything but simple identifiers", () => {
    expect(() => movementColumnSql("m.type; drop table x", "q", "sellIn")).toThrow();
    expect(() => movementColumnSql("t", "1q", "sellIn")).toThrow();
    expect(() => movementColumnSql("t", "q)", "sellIn")).toThrow();
    expect(() => movementColumnSql("", "q", "sellIn")).toThrow();
    expect(() => movementColumnSql("t", "q", "bogus" as LedgerColumn)).toThrow();
    expect(() => movementColumnSql("M.Type_2", "_q", "sellIn")).not.toThrow();
  });
});
