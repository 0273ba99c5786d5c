import { describe, expect, it } from "vitest";
import { accountedRows, resolvePart, UPC_OF, utf8, x12 } from "./__fixtures__/support";
import { ImportError } from "./errors";
import { parseUpload } from "./index";
import { readX12 } from "./x12";
import { readSeparators } from "./x12-segments";

const PERIOD = "2026-10";
const parse = (text: string) => parseUpload({ bytes: utf8(text), period: PERIOD, resolvePart });
async function* once(s: string) {
  yield s;
}
async function failure(text: string): Promise<ImportError> {
  const e = await parse(text).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const SALE = ["BPT*00*R1*20261105*DR", "DTM*090*20261001", "DTM*091*20261031", "PTD*SS", "DTM*003*20261015", "REF*IV*INV1", "N1*ST*ACME*92*C1", "N4*AUSTIN*TX**US", "QTY*39*10*EA", "LIN*1*VP*MCU-1000*BP*NW-700000", "UIT*EA*2.5", "QTY*39*5*EA", "LIN*2*VP*LDO-330", "CTT*2*15"];

describe("ISA: separators are read, never assumed", () => {
  it("element |, component ^, segment terminator newline", async () => {
    const text = x12(SALE, { element: "|", segment: "\n", component: "^" });
    expect(readSeparators(text)).toEqual({ element: "|", component: "^", segment: "\n", repetition: undefined });
    const r = await parse(text);
    expect(r.format).toBe("x12-867");
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 5, returned: 0, onHand: null },
      { sku: "MCU-1000", sold: 10, returned: 0, onHand: null },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("segment terminator followed by CR LF; repetition separator from ISA11 in 00501", async () => {
    const text = x12(SALE, { segment: "~\r\n", repetition: "{", version: "00501" });
    const r = await readX12(once(text), { period: PERIOD, resolvePart });
    expect(r.separators).toEqual({ element: "*", component: ">", segment: "~", repetition: "{" });
    expect(r.rowsAccepted).toBe(2);
  });

  it("all on one line with an unusual terminator", async () => {
    const r = await parse(x12(SALE, { element: "^", segment: "'", component: ":" }));
    expect(r.rowsAccepted).toBe(2);
  });

  it("an ISA whose fields are not the standard widths is read by its separators", async () => {
    const text = x12(SALE).replace("NORTHWIND      ", "NORTHWIND").replace("HALCYONSEMI    ", "HALCYONSEMI-RECV01").replace("*000000042*", "*0000000042*").replace("IEA*1*000000042", "IEA*1*0000000042");
    const r = await parse(text);
    expect(r.rowsAccepted).toBe(2);
    expect(r.warnings).toEqual([]);
  });
});

describe("envelopes: mismatches are warnings, the data is read", () => {
  const messages = (r: { warnings: { message: string }[] }) => r.warnings.map((w) => w.message);
  it("SE01 segment count wrong → a warning naming the transaction set", async () => {
    const r = await parse(x12(SALE, { seCount: 99 }));
    expect(r.rowsAccepted).toBe(2);
    expect(messages(r)).toContain("Envelope: SE01 says 99 segments but transaction set 0001 has 16 (ST to SE)");
  });
  it("control numbers and counts that do not match", async () => {
    const r = await parse(x12(SALE).replace("SE*16*0001", "SE*16*0002").replace("GE*1*7", "GE*2*8").replace("IEA*1*000000042", "IEA*3*000000043"));
    expect(r.lines.map((l) => l.sold)).toEqual([5, 10]);
    expect(messages(r)).toEqual([
      'Envelope: SE02 "0002" does not match ST02 "0001" (transaction set at segment 3)',
      'Envelope: GE02 "8" does not match GS06 "7"',
      "Envelope: GE01 says 2 transaction sets but the group has 1",
      'Envelope: IEA02 "000000043" does not match ISA13 "000000042"',
      "Envelope: IEA01 says 3 functional groups but the interchange has 1",
    ]);
  });
  it("an ST02 repeated within one functional group", async () => {
    const text = x12(SALE).replace("GE*1*7", "ST*867*0001~\nPTD*SS~\nQTY*39*1~\nLIN*1*VP*MCU-1000~\nSE*5*0001~\nGE*2*7");
    const r = await parse(text);
    expect(r.lines.find((l) => l.sku === "MCU-1000")!.sold).toBe(11);
    expect(messages(r)).toContain('Envelope: ST02 control number "0001" is used twice in the functional group GS at segment 2');
  });
  it("a transmission cut off: the complete sets are read, the cut one is named and not counted", async () => {
    const second = ["ST*867*0002", "PTD*SS", "QTY*39*4", "LIN*1*VP*LDO-330", "QTY*39*9", "LIN*2*VP*MCU-10"];
    const text = x12(SALE).replace("GE*1*7~\nIEA*1*000000042~\n", second.join("~\n"));
    const r = await parse(text);
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 5, returned: 0, onHand: null },
      { sku: "MCU-1000", sold: 10, returned: 0, onHand: null },
    ]);
    expect(messages(r)).toContain('Transaction set 0002 (ST at segment 19) is cut off: the file ends inside it: the last segment "LIN*2*VP*MCU-10" is cut off. Its 2 item(s) read so far are not counted; the 1 complete transaction set(s) are. Send the rest of the transmission.');
    expect(messages(r)).toContain("Envelope: the file ends without the GE of the functional group at segment 2");
  });
  it("a file cut off inside its only transaction set is refused, saying so", async () => {
    const text = x12(SALE);
    const e = await failure(text.slice(0, text.indexOf("LIN*2")));
    expect(e.code).toBe("corrupt");
    expect(e.message).toMatch(/no complete transaction set.*Transaction set 0001 \(ST at segment 3\) is cut off/);
  });
  it("a last trailer without terminator is fine", async () => {
    const r = await parse(x12(SALE).trimEnd().slice(0, -1));
    expect(r.rowsAccepted).toBe(2);
    expect(r.warnings).toEqual([]);
  });
  it("segments outside ST…SE are warned about; garbage ids are refused", async () => {
    const r = await parse(x12(SALE).replace("GE*1*7", "REF*IV*X~\nGE*1*7"));
    expect(messages(r)).toContain("Envelope: REF at segment 19 is outside a transaction set (ST … SE); ignored");
    expect((await failure(x12(SALE).replace("PTD*SS", "ptd*SS"))).message).toMatch(/"ptd" is not a segment id/);
  });
  it("a bare ST … SE without ISA/GS, ' as terminator with CR LF after it", async () => {
    const body = ["ST*852*0001", "XQ*H*20261001*20261031", "LIN**VN*MCU-1000", "ZA*QS*7*EA", "ZA*QA*40*EA", "SE*6*0001"];
    const r = await parse(body.join("'\r\n") + "'\r\n");
    expect(r.format).toBe("x12-852");
    expect(r.lines).toEqual([{ sku: "MCU-1000", sold: 7, returned: null, onHand: 40 }]);
    expect(r.warnings).toEqual([]);
  });
  it("] as segment terminator, empty ISA02/ISA04", async () => {
    const text = x12(SALE, { segment: "]" }).replace("*00*          *00*          *", "*00**00**");
    const r = await parse(text);
    expect(r.rowsAccepted).toBe(2);
  });
  it("other transaction sets are refused by name", async () => {
    const e = await failure(x12(["BIG*20261001*INV1"], { st: "810", gs: "IN" }));
    expect(e.code).toBe("unsupported");
    expect(e.message).toMatch(/an invoice \(810\)/);
  });
});

describe("867 product transfer and resale", () => {
  it("credits, returns to vendor, adjustments, drop ships, UPC-only items, item-level dates", async () => {
    const r = await parse(
      x12([
        "BPT*00*R1*20261105*DR",
        "PTD*DS", "DTM*011*20261002", "REF*PO*PO-77", "N1*BY*GLOBEX CORP", "N1*ST*GLOBEX PLANT 2", "N4*OSAKA***JP",
        "QTY*39*100", "LIN*7*UP*" + UPC_OF["SNS-TMP-1"], "UIT*EA*0.5",
        "QTY*39*-25", "LIN*8*VP*MCU-1000", "DTM*003*20261020", "REF*CM*CM-1",
        "PTD*RV", "REF*RA*RMA-1", "QTY*39*30", "LIN*1*VP*PMIC-240",
        "PTD*IA", "QTY*39*4", "LIN*1*VP*PMIC-240",
        "PTD*ZZ", "QTY*39*4", "LIN*1*VP*PMIC-240",
        "PTD*SS", "DTM*003*20260930", "QTY*39*9", "LIN*1*VP*MCU-1000",
        "PTD*SS", "DTM*003*20261003", "QTY*39*1.5", "LIN*1*VP*MCU-1000",
        "PTD*SS", "DTM*003*20261003", "QTY*39*3", "LIN*1*BP*NW-999999",
        "CTT*9",
      ]),
    );
    expect(r.lines).toEqual([
      { sku: "MCU-1000", sold: -25, returned: 0, onHand: null },
      { sku: "PMIC-240", sold: 0, returned: 30, onHand: null },
      { sku: "SNS-TMP-1", sold: 100, returned: 0, onHand: null },
    ]);
    expect(r.credits).toBe(1);
    expect(r.posLines[0]).toMatchObject({ transferType: "DS", date: "2026-10-02", invoice: "PO-77", invoiceLine: "7", endCustomer: "GLOBEX CORP", shipToCountry: "JP", shipToCity: "OSAKA" });
    expect(r.posLines[1]).toMatchObject({ quantity: -25, date: "2026-10-20", invoice: "CM-1" });
    expect(r.skipped.map((s) => s.reason).sort()).toEqual([
      expect.stringMatching(/^Adjustment \(IA\) is not counted/),
      expect.stringMatching(/^PTD\*ZZ \(segment \d+\) is not an X12 transfer type \(not a transfer Sellthru counts\); not counted/),
    ]);
    expect(r.outOfPeriod).toEqual([{ line: expect.any(Number), date: "2026-09-30" }]);
    expect(r.errors).toEqual([{ line: expect.any(Number), column: "QTY02", message: '"1.5" is a fraction of a unit: quantities must be whole units' }]);
    expect(r.unknownParts).toEqual([{ part: "NW-999999", rows: 1 }]);
    expect(r.warnings.map((w) => w.message)).toContain("CTT01 says 9 line items; the file has 8");
    expect(accountedRows(r)).toBe(r.rowsRead);
    expect(r.rowsRead).toBe(8);
  });

  it("LIN before QTY (some senders) pairs each LIN with the QTY after it", async () => {
    const r = await parse(x12(["BPT*00*R1*20261105*DR", "PTD*SS", "DTM*003*20261015", "LIN*1*VP*MCU-1000", "QTY*39*7", "UIT*EA*2", "LIN*2*VP*LDO-330", "QTY*39*3"]));
    expect(r.lines.map((l) => [l.sku, l.sold])).toEqual([["LDO-330", 3], ["MCU-1000", 7]]);
  });

  it("a repeated invoice line is kept and asked about; answered drop, it is counted once", async () => {
    const block = ["PTD*SS", "DTM*003*20261015", "REF*IV*INV9", "QTY*39*7", "LIN*1*VP*MCU-1000"];
    const text = x12(["BPT*00*R1*20261105*DR", ...block, ...block]);
    const asked = await parse(text);
    expect(asked.lines[0].sold).toBe(14);
    expect(asked.needs?.duplicates).toEqual({ lines: [13], count: 1 });
    const r = await parseUpload({ bytes: utf8(text), period: PERIOD, resolvePart, duplicates: "drop" });
    expect(r.lines[0].sold).toBe(7);
    expect(r.duplicates).toEqual([{ line: 13, invoice: "INV9", invoiceLine: "1" }]);
    expect(r.needs).toBeUndefined();
  });
});

describe("852 product activity", () => {
  it("SDQ location splits are summed when ZA02 is empty; UPC identifiers resolve; unknown codes warn", async () => {
    const r = await parse(
      x12(
        [
          "XQ*H*20261001*20261031", "N1*RL*NORTHWIND*91*NWC",
          "LIN**UP*" + UPC_OF["MCU-2000"], "ZA*QS**EA", "SDQ*EA*92*DC1*10*DC2*15*DC3*5", "ZA*QA*400*EA", "SDQ*EA*92*DC1*300*DC2*100", "ZA*QP*50*EA",
          "LIN**EN*0" + UPC_OF["LDO-330"] + "*VN*LDO-330", "ZA*OH*12*EA", "ZA*QS*3*EA", "SDQ*EA*92*DC1*1*DC2*1",
          "LIN**VN*MCU-1010", "ZA*QR*5*EA",
          "CTT*3",
        ],
        { st: "852" },
      ),
    );
    expect(r.format).toBe("x12-852");
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 3, returned: null, onHand: 12 },
      { sku: "MCU-2000", sold: 30, returned: null, onHand: 400 },
    ]);
    expect(r.errors).toEqual([{ line: expect.any(Number), column: "ZA01", message: "No ZA with quantity sold (QS/TS/Q1) or on hand (QA/OH/QE) for this item" }]);
    const warnings = r.warnings.map((w) => w.message);
    expect(warnings).toContain("ZA*QS says 3 but its SDQ locations add up to 2; ZA02 is used");
    expect(r.codes).toContainEqual({ code: "ZA*QP", meaning: "quantity on order, not yet received", use: "not used (Sellthru does not track open orders)", count: 1 });
    expect(r.filePeriod).toEqual({ start: "2026-10-01", end: "2026-10-31" });
  });

  it("a file for another period says so", async () => {
    const r = await parse(x12(["XQ*H*20260901*20260930", "LIN**VN*LDO-330", "ZA*QA*5"], { st: "852" }));
    expect(r.warnings.map((w) => w.message)).toContain("The file reports 2026-09-01 to 2026-09-30, not the period 2026-10");
  });

  it("mixing 852 and 867 in one interchange is refused", async () => {
    const text = x12(["XQ*H*20261001*20261031"], { st: "852" }).replace("GE*1*7", "ST*867*0002~\nBPT*00*R*20261105*DR~\nSE*3*0002~\nGE*2*7");
    expect((await failure(text)).message).toMatch(/mixes 852 and 867/);
  });
});
