import { describe, expect, it } from "vitest";
import { SELL_IN_HEADER, SELL_IN_OPTIONAL, sellInRowSchema } from "./sell-in";

describe("sell-in unit_cost (optional)", () => {
  const row = { distributor_code: "nwc", sku: "MCU-1000", ship_date: "2026-10-05", quantity: "1000", document: "SO-1", line: "1" };

  it("is not part of the required header", () => {
    expect(SELL_IN_HEADER).not.toContain("unit_cost");
    expect(SELL_IN_OPTIONAL).toEqual(["unit_cost"]);
  });

  it.each([
    [undefined, null],
    ["", null],
    ["  ", null],
    ["4.84", "4.84"],
    ["3.875", "3.875"],
    ["$4.84", "4.84"],
    ["1,204.5", "1204.5"],
    ["0", "0"],
  ])("reads %o as %o", (unit_cost, expected) => {
    expect(sellInRowSchema.parse({ ...row, unit_cost }).unit_cost).toBe(expected);
  });

  it.each(["-1", "4.84321", "abc", "1e3", "12345678901"])("refuses %s", (unit_cost) => {
    const r = sellInRowSchema.safeParse({ ...row, unit_cost });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain("unit_cost must be a cost per unit");
  });
});
