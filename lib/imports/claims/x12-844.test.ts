import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "../errors";
import { readClaim844 } from "./x12-844";

const FIXTURE = fs.readFileSync(path.join(__dirname, "../__fixtures__/claims/northwind-844-2610.edi"));
const ENVELOPE = "ISA*00*          *00*          *ZZ*NORTHWIND      *ZZ*HALCYONSEMI    *261105*1015*U*00401*000000001*0*P*>~GS*CF*NORTHWIND*HALCYONSEMI*20261105*1015*1*X*004010~";
/** One transaction set from its body segments (no ST/SE), with a correct SE count. */
const set = (body: string[], st = "ST*844*0001") => `${ENVELOPE}${[st, ...body, `SE*${body.length + 2}*0001`].join("~")}~GE*1*1~IEA*1*000000001~`;
const LINE = ["BAA*00*SD*20261105*ZZ*C-1", "CON*CT*SPA-1*AP", "N1*EN*ACME ROBOTICS*92*C1", "PAD*1*SD", "LIN**VP*MCU-2000", "QTY*39*10*EA", "UIT*EA*2.50*DI", "UIT*EA*2.00*CT", "REF*IV*INV-1", "DTM*011*20261003"];

describe("X12 844 claim reader", () => {
  it("reads the Northwind sample: lines, the missing invoice as an error, unread segments named", async () => {
    const r = await readClaim844(FIXTURE);
    expect(r.reference).toBe("NWSD-2610-01");
    expect(r.claimDate).toBe("2026-11-05");
    expect(r.lines).toEqual([
      { line: 1, authorization: "SPA-26-0042", invoice: "INV26100000", invoiceLine: "2", shipDate: "2026-10-15", endCustomer: "SOLACE MEDICAL INC", sku: "MCU-2000", quantity: 1000, bookCost: 4.84, authorizedCost: 3.95, claimedAmount: 890 },
      { line: 3, authorization: "SPA-26-0057", invoice: "INV26100001", invoiceLine: null, shipDate: "2026-10-09", endCustomer: "NAKAMURA DENKI K.K.", sku: "ANA-ADC-16", quantity: 500, bookCost: 3.875, authorizedCost: 3.1, claimedAmount: 387.5 },
    ]);
    expect(r.errors).toEqual([{ line: 20, segment: "REF*IV", message: expect.stringContaining("No invoice number") }]);
    const codes = r.warnings.map((w) => `${w.code}@${w.line}`);
    expect(codes).toContain("amount_computed@29");
    expect(codes).toContain("control_totals@38");
    const notRead = r.warnings.filter((w) => w.code === "segment_not_read").map((w) => w.message);
    expect(notRead).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Segments 5, 6 \(N1\): the claim header's parties/),
      expect.stringMatching(/^Segment 9 \(N3\)/),
      expect.stringMatching(/^Segment 10 \(N4\)/),
      expect.stringMatching(/^Segment 34 \(UIT\): UIT\*RE \(retail price per each\)/),
    ]));
    expect(r.warnings.find((w) => w.code === "envelope")).toBeUndefined();
  });

  it("computes a missing amount, prefers DTM*011, falls back to the invoice date with a warning", async () => {
    const body = LINE.filter((s) => !s.startsWith("DTM")).concat("DTM*003*20261002");
    const r = await readClaim844(set(body));
    expect(r.lines[0]).toMatchObject({ shipDate: "2026-10-02", claimedAmount: 5 });
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["ship_date_from_invoice", "amount_computed"]));
  });

  it("errors name the segment: bad quantity, cases, missing costs, missing customer", async () => {
    const bad = (replace: Record<string, string | null>) => set(LINE.map((s) => (s in replace ? replace[s] : s)).filter((s): s is string => s !== null));
    expect((await readClaim844(bad({ "QTY*39*10*EA": "QTY*39*1.5*EA" }))).errors[0]).toMatchObject({ line: 9, segment: "QTY02" });
    expect((await readClaim844(bad({ "QTY*39*10*EA": "QTY*39*10*CA" }))).errors[0]).toMatchObject({ segment: "QTY03" });
    expect((await readClaim844(bad({ "UIT*EA*2.50*DI": null }))).errors[0]).toMatchObject({ line: 7, segment: "UIT*DI" });
    expect((await readClaim844(bad({ "N1*EN*ACME ROBOTICS*92*C1": "N1*ST*ACME ROBOTICS" }))).errors[0]).toMatchObject({ segment: "N1*EN" });
    expect((await readClaim844(bad({ "DTM*011*20261003": "DTM*011*20261332" }))).errors[0]).toMatchObject({ segment: "DTM*011" });
    const noRef = await readClaim844(bad({ "BAA*00*SD*20261105*ZZ*C-1": "BAA*00*SD*20261105" }));
    expect(noRef.reference).toBeNull();
    expect(noRef.errors).toEqual([expect.objectContaining({ segment: "BAA05" })]);
  });

  it("a line REF*CT overrides CON02; BP used as SKU when there is no VP; CDD04 (N2) and CTP tolerated", async () => {
    const body = [...LINE.slice(0, 4), "LIN**BP*NW-1", "QTY*39*10*EA", "CTP**DIS*2.50", "CTP**CON*2.00", "CDD*01*C**500", "REF*IV*INV-1", "REF*CT*SPA-9", "DTM*011*20261003"];
    const r = await readClaim844(set(body));
    expect(r.errors).toEqual([]);
    expect(r.lines[0]).toMatchObject({ authorization: "SPA-9", sku: "NW-1", bookCost: 2.5, authorizedCost: 2, claimedAmount: 5 });
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["authorization_ref", "sku_not_manufacturer_part", "segment_tolerated"]));
  });

  it("envelope: an SE count off is a warning; a cut-off set is an error; other sets are refused", async () => {
    const wrong = set(LINE).replace(`SE*${LINE.length + 2}*`, "SE*99*");
    expect((await readClaim844(wrong)).warnings.some((w) => w.code === "envelope" && /SE01 says 99/.test(w.message))).toBe(true);
    const two = `${ENVELOPE}ST*844*0001~${LINE.join("~")}~SE*${LINE.length + 2}*0001~ST*844*0002~${LINE.slice(0, 5).join("~")}~GE*2*1~IEA*1*000000001~`;
    const cut = await readClaim844(two);
    expect(cut.lines).toHaveLength(1);
    expect(cut.errors).toEqual([expect.objectContaining({ segment: "ST", message: expect.stringContaining("is cut off") })]);
    await expect(readClaim844(set(LINE, "ST*867*0001"))).rejects.toThrow(ImportError);
    const other = `${ENVELOPE}ST*844*0001~${LINE.join("~")}~SE*${LINE.length + 2}*0001~ST*844*0002~${LINE.join("~").replace("C-1", "C-2")}~SE*${LINE.length + 2}*0002~GE*2*1~IEA*1*000000001~`;
    await expect(readClaim844(other)).rejects.toThrow(/more than one claim/);
  });

  it("repeated PAD01 numbers are renumbered in file order, with a warning", async () => {
    const r = await readClaim844(set([...LINE, ...LINE.slice(3)]));
    expect(r.lines.map((l) => l.line)).toEqual([1, 2]);
    expect(r.warnings.some((w) => w.code === "line_numbers")).toBe(true);
  });
});
