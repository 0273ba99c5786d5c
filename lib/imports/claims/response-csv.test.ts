import { describe, expect, it } from "vitest";
import { RESPONSE_CSV_HEADER, writeClaimCsv } from "./response-csv";

describe("claim answer CSV", () => {
  it("one row per line, amounts with cents, formulas neutralised", () => {
    const csv = writeClaimCsv({
      claim: { id: "c-1", reference: "NWSD-2610-01", revision: 2 },
      lines: [
        { line: 1, authorization: "SPA-1", invoice: "=HYPERLINK(\"x\")", invoiceLine: null, sku: "MCU-2000", quantity: 10, claimedAmount: 5, approvedQuantity: 8, approvedAmount: 4, outcome: "adjusted", reasonCode: "OVER_LIMIT", message: "Cut to 8 of 10, see \"limit\"" },
      ],
    });
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe(RESPONSE_CSV_HEADER.join(","));
    expect(header).toBe("claim,revision,line,authorization,invoice,invoice_line,sku,quantity,claimed_amount,outcome,approved_quantity,approved_amount,reason_code,message");
    expect(row).toBe(`NWSD-2610-01,2,1,SPA-1,"'=HYPERLINK(""x"")",,MCU-2000,10,5.00,adjusted,8,4.00,OVER_LIMIT,"Cut to 8 of 10, see ""limit"""`);
    expect(end).toBe("");
  });
});
