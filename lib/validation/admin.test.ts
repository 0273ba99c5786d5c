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
  it("takes pack sizes per kind of pack as the contract writes them, one code per kind", () => {
    const base = { sku: "A", description: "d", family: "f", listPrice: 1 };
    expect(createProductSchema.parse({ ...base, packSizes: { CA: 12, bx: 6, CTN: 48 } }).packSizes).toEqual({ CA: 12, BX: 6, CT: 48 });
    expect(createProductSchema.parse({ ...base, packSizes: { CS: 24 } }).packSizes).toEqual({ CA: 24 });
    const bad = createProductSchema.safeParse({ ...base, packSizes: { EA: 1, CA: 0 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining(["Pack size is at least 1"]));
    expect(createProductSchema.safeParse({ ...base, packSizes: { EA: 1 } }).error!.issues[0]!.message).toMatch(/EA is not a pack unit/);
  });
  it("takes a distributor's EDI identities as the contract's list", () => {
    expect(createDistributorSchema.safeParse({ code: "NWC", name: "N", ediIds: [{ qualifier: "ZZ", id: "NORTHWIND" }] }).success).toBe(true);
    const bad = createDistributorSchema.safeParse({ code: "NWC", name: "N", ediIds: [{ qualifier: "ZZ", id: "A" }, { qualifier: "DUNS", id: "1" }] });
    expect(bad.error!.issues[0]).toMatchObject({ path: ["ediIds", 1], message: "A DUNS has 9 digits" });
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
