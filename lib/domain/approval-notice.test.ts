import { describe, expect, it } from "vitest";
import { approvalNotice } from "./approval-notice";

describe("approvalNotice", () => {
  const base = { proposer: "Ana Lee", reason: "Transferred 60 to Reno", distributor: "NWC", sku: "MCU-1000", period: "2026-10" };

  it("names the proposer, the signed quantity, the row and the reason", () => {
    const t = approvalNotice({ ...base, signed: -60 });
    expect(t.notice).toBe("Ana Lee proposed a correction of \u221260 on NWC × MCU-1000, Oct 2026: Transferred 60 to Reno");
    expect(t.subject).toBe("To approve: a correction of \u221260 on NWC × MCU-1000, Oct 2026");
    expect(t.body).toContain(t.notice);
    expect(t.body).toContain("To approve");
  });

  it("writes a positive correction with a plus sign", () => {
    expect(approvalNotice({ ...base, signed: 12 }).subject).toContain("+12");
  });
});
