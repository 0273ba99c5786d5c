import { describe, expect, it } from "vitest";
import { REASON_X12 } from "@/lib/domain/claims/reasons";
import { el, readSegments, type Segment } from "../x12-segments";
import type { ClaimAnswerLine } from "./types";
import { writeClaim849, x12Text, type Claim849Input } from "./x12-849";

const LINES: ClaimAnswerLine[] = [
  { line: 1, authorization: "SPA-26-0042", invoice: "INV26100000", invoiceLine: "2", sku: "MCU-2000", quantity: 1000, claimedAmount: 890, approvedQuantity: 1000, approvedAmount: 890, outcome: "approved", reasonCode: null, message: "Approved as claimed." },
  { line: 3, authorization: "SPA-26-0057", invoice: "INV26100001", invoiceLine: null, sku: "ANA-ADC-16", quantity: 500, claimedAmount: 387.5, approvedQuantity: 400, approvedAmount: 310, outcome: "adjusted", reasonCode: "OVER_LIMIT", message: "Cut to 400 of 500: only 400 remained within authorisation SPA-26-0057's limit." },
  { line: 4, authorization: "SPA-26-0042", invoice: "INV*2~6", sku: "SNS-ACC-3", quantity: 25, claimedAmount: 7.19, approvedQuantity: 0, approvedAmount: 0, outcome: "rejected", reasonCode: "AMOUNT", message: "Claimed 7.19, but quantity × (book − authorised) is 7.18; approved 0.00." },
];
const INPUT: Claim849Input = {
  sender: { qualifier: "ZZ", id: "HALCYONSEMI" }, receiver: { qualifier: "ZZ", id: "NORTHWIND" }, control: 42,
  date: new Date(Date.UTC(2026, 10, 20, 9, 5)), claim: { reference: "NWSD-2610-01", id: "0b6f3f3e-claim", period: "2026-10" }, lines: LINES,
};

async function parse(text: string) {
  const warnings: string[] = [];
  const segments: Segment[] = [];
  async function* once() {
    yield text;
  }
  for await (const s of readSegments(once(), { onWarning: (_p, m) => warnings.push(m), onCutOff: (c) => warnings.push(c.why) })) segments.push(s);
  return { segments, warnings };
}

describe("X12 849 writer", () => {
  it("round-trips through the segment reader with correct SE, GE and IEA counts", async () => {
    const text = writeClaim849(INPUT);
    const { segments, warnings } = await parse(text);
    expect(warnings).toEqual([]);
    const ids = segments.map((s) => s.id);
    expect(ids.slice(0, 8)).toEqual(["ISA", "GS", "ST", "BRC", "REF", "DTM", "DTM", "CON"]);
    expect(text.split("\n")[0]).toHaveLength(106);
    const st = segments.findIndex((s) => s.id === "ST");
    const se = segments.find((s) => s.id === "SE")!;
    expect(Number(el(se, 1))).toBe(segments.indexOf(se) - st + 1);
    expect(el(segments[1], 1)).toBe("CF");
    expect(segments.find((s) => s.id === "BRC")!.elements.slice(1)).toEqual(["00", "20261120", "ZZ", "NWSD-2610-01"]);
    expect(segments.filter((s) => s.id === "DTM").map((s) => el(s, 2))).toEqual(["20261001", "20261031"]);
  });

  it("one CON per authorisation; per line the outcome, quantities, amounts, references and the reason's X12 code", async () => {
    const { segments } = await parse(writeClaim849(INPUT));
    const text = segments.map((s) => s.elements.join("*"));
    expect(segments.filter((s) => s.id === "CON").map((s) => el(s, 2))).toEqual(["SPA-26-0042", "SPA-26-0057"]);
    expect(text).toEqual(expect.arrayContaining([
      "PAD*1*SD*NC", "AAA*Y", "QTY*38*1000*EA", "QTY*QA*1000*EA", "AMT*S*890.00", "AMT*A*890.00", "REF*IV*INV26100000", "REF*LI*2", "REF*ZZ**Approved as claimed.",
      "PAD*3*SD*QD", `AAA*Y*ZZ*${REASON_X12.OVER_LIMIT}`, "QTY*QA*400*EA", "AMT*A*310.00",
      "PAD*4*SD*DI", `AAA*N*ZZ*${REASON_X12.AMOUNT}`, "REF*IV*INV 2 6",
      "CTT*3*1525", "AMT*S*1284.69", "AMT*A*1200.00",
    ]));
    const message = text.find((t) => t.startsWith(`REF*ZZ*${REASON_X12.AMOUNT}*`))!;
    expect(message.split("*")[3]).toMatch(/^Claimed 7\.19, but quantity x \(book - authorised\) is 7\.18; approved 0\.00\.$/);
    expect(text.find((t) => t.startsWith(`REF*ZZ*${REASON_X12.OVER_LIMIT}*`))!.split("*")[3].length).toBeLessThanOrEqual(80);
  });

  it("refuses envelope values X12 cannot carry", () => {
    expect(() => writeClaim849({ ...INPUT, control: 0 })).toThrow(RangeError);
    expect(() => writeClaim849({ ...INPUT, sender: { qualifier: "ZZ", id: "A*B" } })).toThrow(RangeError);
    expect(() => writeClaim849({ ...INPUT, claim: { ...INPUT.claim, period: "2026-13" } })).toThrow(RangeError);
    expect(x12Text("Müller ~ Söhne * Co", 12)).toBe("Muller So...");
  });
});
