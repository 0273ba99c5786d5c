import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ImportError } from "../errors";
import { readClaimFile } from "./read-claim-file";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../__fixtures__/claims", name));

/** A claim workbook in a third layout: a notes sheet first, real dates, numbers and text-numbers mixed. */
async function claimWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Read me").addRow(["Ship & debit claim, October 2026. One row per invoice line."]);
  const ws = wb.addWorksheet("Claim");
  ws.addRow(["Claim NWSD-2610-03"]);
  ws.addRow([]);
  ws.addRow(["Line #", "Authorisation", "Invoice", "Ship Date", "Customer", "Part Number", "Quantity", "Book Cost", "Authorised Cost", "Claim Amount"]);
  ws.addRow([10, "SPA-26-0042", 26100000, new Date(Date.UTC(2026, 9, 15)), "Solace Medical Inc", "MCU-2000", 1000, 4.84, 3.95, 890]);
  ws.addRow([20, "SPA-26-0057", "INV26100001", new Date(Date.UTC(2026, 9, 9)), { richText: [{ text: "Nakamura " }, { text: "Denki" }] }, "ANA-ADC-16", "500", "3.875", "3.10", { formula: "G5*(H5-I5)", result: 387.5 }]);
  ws.addRow([30, "SPA-26-0057", "INV26100004", "not a date", "Nakamura Denki", "ANA-ADC-16", 5, 3.875, 3.1, 3.88]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readClaimFile", () => {
  it("XLSX: picks the claim sheet, reads real dates, numbers stored as text and formula results", async () => {
    const r = await readClaimFile(await claimWorkbook(), "claim-oct.xlsx");
    expect(r).toMatchObject({ format: "xlsx", sheet: "Claim", headerLine: 3 });
    expect(r.lines).toEqual([
      { line: 10, authorization: "SPA-26-0042", invoice: "26100000", invoiceLine: null, shipDate: "2026-10-15", endCustomer: "Solace Medical Inc", sku: "MCU-2000", quantity: 1000, bookCost: 4.84, authorizedCost: 3.95, claimedAmount: 890 },
      { line: 20, authorization: "SPA-26-0057", invoice: "INV26100001", invoiceLine: null, shipDate: "2026-10-09", endCustomer: "Nakamura Denki", sku: "ANA-ADC-16", quantity: 500, bookCost: 3.875, authorizedCost: 3.1, claimedAmount: 387.5 },
    ]);
    expect(r.errors).toEqual([{ line: 6, field: "shipDate", message: expect.stringContaining('"not a date"') }]);
    expect(r.headerSignature).toMatch(/^claim:/);
  });

  it("X12 by content, whatever the name; the CSV fixture; a lookup of the saved mapping by signature", async () => {
    const x12 = await readClaimFile(fixture("northwind-844-2610.edi"), "claim.csv");
    expect(x12).toMatchObject({ format: "x12", reference: "NWSD-2610-01" });
    expect(x12.lines).toHaveLength(2);
    expect(x12.warnings[0]).toMatchObject({ code: "file_name" });

    const csv = await readClaimFile(fixture("northwind-claim-2610.csv"), "northwind.csv");
    expect(csv).toMatchObject({ format: "csv" });
    expect(csv.lines).toHaveLength(3);
    expect(csv.errors).toHaveLength(2);

    const odd = Buffer.from("Ref,Doc,When,Who,Item,Units,Cost,Net\nSPA-1,INV-1,2026-10-03,Acme,MCU-2000,10,2.50,2.00\n");
    const asked: string[] = [];
    const first = await readClaimFile(odd, "odd.csv", { savedMapping: (sig) => void asked.push(sig) });
    expect(first.needs?.[0].kind).toBe("mapping");
    expect(asked).toEqual([first.headerSignature]);
    const saved = { authorization: 0, invoice: 1, shipDate: 2, endCustomer: 3, sku: 4, quantity: 5, bookCost: 6, authorizedCost: 7 };
    const second = await readClaimFile(odd, "odd.csv", { savedMapping: async (sig) => (sig === first.headerSignature ? saved : null) });
    expect(second.lines).toEqual([expect.objectContaining({ claimedAmount: 5 })]);
    expect(second.warnings.map((w) => w.code)).toContain("amount_computed");
  });

  it("whole-file failures throw ImportError", async () => {
    await expect(readClaimFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "old.xls")).rejects.toMatchObject({ code: "unsupported" });
    await expect(readClaimFile(new Uint8Array(0), "empty.csv")).rejects.toBeInstanceOf(ImportError);
    await expect(readClaimFile(Buffer.from("a,b\n"), "big.csv", { maxBytes: 2 })).rejects.toMatchObject({ code: "too_large" });
    await expect(readClaimFile(await claimWorkbook(), "c.xlsx", { sheet: "Nope" })).rejects.toMatchObject({ code: "invalid_options" });
  });
});
