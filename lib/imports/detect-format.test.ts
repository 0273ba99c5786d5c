import { describe, expect, it } from "vitest";
import { detectContainer } from "./detect-format";

const b = (s: string) => Buffer.from(s, "latin1");

describe("detectContainer (content, never the file name)", () => {
  it.each([
    ["PK\x03\x04rest", "xlsx"],
    ["ISA*00*", "x12"],
    ["\xef\xbb\xbf\r\n  ISA|00|", "x12"],
    ["ISAAC,Newton\n", "delimited"],
    ["Invoice Date,Qty\n", "delimited"],
    ["\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"],
    ["%PDF-1.7", "pdf"],
    ["\x1f\x8b\x08", "gzip"],
    ["", "empty"],
  ])("%j → %s", (head, container) => {
    expect(detectContainer(b(head))).toBe(container);
  });
});
