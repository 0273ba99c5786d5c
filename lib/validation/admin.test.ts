import { describe, expect, it } from "vitest";
import { createDistributorSchema, createProductSchema, createUserSchema } from "./admin";
import { sellInRowSchema } from "./sell-in";

describe("admin schemas", () => {
  it("normalises distributor codes and refuses odd ones", () => {
    expect(createDistributorSchema.parse({ code: " nwc ", name: "Northwind" }).code).toBe("NWC");
    expect(createDistributorSchema.safeParse({ code: "N W", name: "x" }).success).toBe(false);
  });
  it("keeps list prices exact as decimal text", () => {
    expect(createProductSchema.parse({ sku: "A", description: "d", family: "f", listPrice: 2.15 }).listPrice).toBe("2.15");
    expect(createProductSchema.safeParse({ sku: "A", description: "d", family: "f", listPrice: "-1" }).success).toBe(false);
    expect(createProductSchema.safeParse({ sku: "A", description: "d", family: "f", listPrice: "1.23456" }).success).toBe(false);
  });
  it("ties the distributor role to a distributor code", () => {
    const base = { email: "a@b.test", name: "A", password: "long-enough-pass" };
    expect(createUserSchema.safeParse({ ...base, role: "distributor" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, role: "admin", distributorCode: "NWC" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, role: "distributor", distributorCode: "NWC" }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, role: "admin", password: "short" }).success).toBe(false);
  });
});

describe("sell-in rows", () => {
  const row = { distributor_code: "nwc", sku: "MCU-1000", ship_date: "2026-10-05", quantity: "1000", document: "SO-1", line: "1" };
  it("accepts a shipment line", () => {
    expect(sellInRowSchema.parse(row)).toMatchObject({ distributor_code: "NWC", quantity: 1000 });
  });
  it.each([
    [{ quantity: "0" }, "at least 1"],
    [{ quantity: "2.5" }, "positive whole number"],
    [{ quantity: "-3" }, "positive whole number"],
    [{ quantity: "1000000000" }, "implausibly large"],
    [{ ship_date: "2026-02-30" }, "not a real date"],
    [{ ship_date: "10/05/2026" }, "YYYY-MM-DD"],
    [{ document: "" }, "document is empty"],
  ])("refuses %o", (patch, message) => {
    const r = sellInRowSchema.safeParse({ ...row, ...patch });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join(" ")).toContain(message);
  });
});
