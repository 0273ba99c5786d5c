import { describe, expect, it } from "vitest";
import { gapQuerySchema } from "./gaps";

describe("gap query", () => {
  it("parses flags, numbers and sort", () => {
    const q = gapQuerySchema.parse({ flag: "excess,new_gap", minAbsGap: "50", sort: "-gapPct", limit: "10" });
    expect(q).toMatchObject({ flag: ["excess", "new_gap"], minAbsGap: 50, sort: "-gapPct", limit: 10 });
  });
  it("refuses unknown flags and sort columns", () => {
    expect(gapQuerySchema.safeParse({ flag: "nope" }).success).toBe(false);
    expect(gapQuerySchema.safeParse({ sort: "password" }).success).toBe(false);
  });
});
