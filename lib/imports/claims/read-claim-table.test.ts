import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readClaimTable } from "./read-claim-table";
import { delimitedRows } from "./table-rows";

const FIXTURE = fs.readFileSync(path.join(__dirname, "../__fixtures__/claims/northwind-claim-2610.csv"));
const csv = async (text: string) => (await delimitedRows(Buffer.from(text, "utf8"))).rows;
const HEADER = "Auth No,Invoice,Ship Date,Customer,Part Number,Qty,Book Cost,Authorized Cost,Claim Amount";

describe("claim spreadsheets", () => {
  it("reads the Northwind layout: title lines, $ and thousands, a computed amount, errors naming line and field, a totals row", async () => {
    const { rows, delimiter } = await delimitedRows(FIXTURE);
    const r = readClaimTable(rows, { delimiter });
    expect(r.needs).toBeUndefined();
    expect(r.headerLine).toBe(4);
    expect(r.headerSignature).toMatch(/^claim:[0-9a-f]{16}$/);
    expect(r.mapping).toEqual({ line: null, authorization: 0, invoice: 1, invoiceLine: 2, shipDate: 3, endCustomer: 4, sku: 5, quantity: 6, bookCost: 7, authorizedCost: 8, claimedAmount: 9 });
    expect(r.dateOrder).toBe("MDY");
    expect(r.lines).toEqual([
      { line: 1, authorization: "SPA-26-0042", invoice: "INV26100000", invoiceLine: "2", shipDate: "2026-10-15", endCustomer: "Solace Medical Inc", sku: "MCU-2000", quantity: 1000, bookCost: 4.84, authorizedCost: 3.95, claimedAmount: 890 },
      { line: 2, authorization: "SPA-26-0042", invoice: "INV26100002", invoiceLine: "1", shipDate: "2026-10-20", endCustomer: "Solace Medical Inc", sku: "SNS-ACC-3", quantity: 25, bookCost: 1.1875, authorizedCost: 0.9, claimedAmount: 7.19 },
      { line: 3, authorization: "SPA-26-0057", invoice: "INV26100001", invoiceLine: "1", shipDate: "2026-10-09", endCustomer: "Nakamura Denki K.K.", sku: "ANA-ADC-16", quantity: 500, bookCost: 3.875, authorizedCost: 3.1, claimedAmount: 387.5 },
    ]);
    expect(r.errors).toEqual([
      { line: 8, field: "quantity", message: expect.stringMatching(/^“Qty Shipped”: "12.5" is a fraction/) },
      { line: 8, field: "shipDate", message: expect.stringMatching(/^“Date Shipped”: "10\/32\/2026"/) },
    ]);
    expect(r.warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 6, code: "amount_computed" }),
      expect.objectContaining({ line: 9, code: "row_skipped", message: expect.stringContaining("totals row") }),
    ]));
  });

  it("asks for the columns it cannot place or is unsure of, then reads with the saved mapping", async () => {
    const rows = await csv("Ref,Doc,When,Who,Item,Units,Cost,Net,Amount\nSPA-1,INV-1,2026-10-03,Acme,MCU-2000,10,2.50,2.00,5.00\n");
    const first = readClaimTable(rows);
    expect(first.lines).toEqual([]);
    expect(first.needs).toEqual([expect.objectContaining({ kind: "mapping", missing: expect.arrayContaining(["authorization", "invoice", "endCustomer"]), uncertain: expect.arrayContaining(["sku", "bookCost"]) })]);
    const saved = { authorization: 0, invoice: 1, shipDate: 2, endCustomer: 3, sku: 4, quantity: 5, bookCost: 6, authorizedCost: 7, claimedAmount: 8 };
    const second = readClaimTable(rows, { savedMapping: saved });
    expect(second.needs).toBeUndefined();
    expect(second.headerSignature).toBe(first.headerSignature);
    expect(second.lines).toEqual([expect.objectContaining({ line: 1, authorization: "SPA-1", quantity: 10, claimedAmount: 5 })]);
    const misfit = readClaimTable(rows, { savedMapping: { ...saved, claimedAmount: 12 } });
    expect(misfit.warnings[0].code).toBe("saved_mapping");
    expect(misfit.needs?.[0].kind).toBe("mapping");
  });

  it("ambiguous ship dates: asked (assuming month/day), answered, or decided by the period", async () => {
    const rows = await csv(`${HEADER}\nSPA-1,INV-1,03/10/2026,Acme,MCU-2000,10,2.50,2.00,5.00\n`);
    expect(readClaimTable(rows).needs).toEqual([{ kind: "dateOrder", assumed: "MDY", example: "03/10/2026" }]);
    expect(readClaimTable(rows, { dateOrder: "DMY" }).lines[0].shipDate).toBe("2026-10-03");
    const byPeriod = readClaimTable(rows, { period: "2026-10" });
    expect(byPeriod.needs).toBeUndefined();
    expect(byPeriod.lines[0].shipDate).toBe("2026-10-03");
  });

  it("European numbers in a ; file, negative and missing values are errors, a line column is kept", async () => {
    const rows = await csv(`Line;${HEADER.replace(/,/g, ";")}\n7;SPA-1;INV-1;2026-10-03;Acme;MCU-2000;1.000;2,50 €;2,00 €;500,00\n8;SPA-1;INV-2;2026-10-03;;MCU-2000;5;-2,50;2,00;\n`);
    const r = readClaimTable(rows, { delimiter: ";" });
    expect(r.lines).toEqual([expect.objectContaining({ line: 7, quantity: 1000, bookCost: 2.5, authorizedCost: 2, claimedAmount: 500 })]);
    expect(r.errors.map((e) => `${e.line}:${e.field}`)).toEqual(["3:endCustomer"]);
    const neg = await csv(`${HEADER}\nSPA-1,INV-2,2026-10-03,Acme,MCU-2000,5,-2.50,2.00,1\n`);
    expect(readClaimTable(neg).errors).toEqual([{ line: 2, field: "bookCost", message: expect.stringContaining("cannot be negative") }]);
  });

  it("repeated line numbers are renumbered with a warning, never merged", async () => {
    const row = "SPA-1,INV-1,2026-10-03,Acme,MCU-2000,10,2.50,2.00,5.00";
    const r = readClaimTable(await csv(`Line,${HEADER}\n1,${row}\n1,${row}\n`));
    expect(r.lines.map((l) => l.line)).toEqual([1, 2]);
    expect(r.warnings.some((w) => w.code === "line_numbers")).toBe(true);
  });
});
