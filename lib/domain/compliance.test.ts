import { describe, it, expect } from "vitest";
import { periodStatus, timeliness } from "./compliance";
import { dueAt } from "./periods";

const SECOND = 1000;
const DAY = 86_400_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe("timeliness", () => {
  const due = dueAt("2026-10", { dueDay: 10, timeZone: "America/Chicago" }); // 10 Nov 23:59:59 CST

  it("23:59:59 on the due day in Chicago is on time; one second later is late", () => {
    expect(timeliness(due, due)).toEqual({ timeliness: "on_time", daysLate: 0 });
    expect(timeliness(plus(due, 999), due)).toEqual({ timeliness: "on_time", daysLate: 0 }); // same second
    expect(timeliness(plus(due, SECOND), due)).toEqual({ timeliness: "late", daysLate: 1 });
    expect(timeliness(plus(due, -DAY), due)).toEqual({ timeliness: "on_time", daysLate: 0 });
  });

  it("counts started days after the deadline", () => {
    expect(timeliness(plus(due, DAY), due).daysLate).toBe(1);
    expect(timeliness(plus(due, DAY + SECOND), due).daysLate).toBe(2);
    expect(timeliness(plus(due, 3 * DAY), due).daysLate).toBe(3);
  });

  it("grace days widen the on-time window but days late still count from dueAt", () => {
    expect(timeliness(plus(due, 2 * DAY), due, 2)).toEqual({ timeliness: "on_time", daysLate: 0 });
    expect(timeliness(plus(due, 2 * DAY + SECOND), due, 2)).toEqual({ timeliness: "late", daysLate: 3 });
  });

  it("DST-crossing months: the deadline is local 23:59:59 either side of the change", () => {
    const march = dueAt("2026-02", { dueDay: 10, timeZone: "America/Chicago" }); // spring forward 8 Mar
    expect(march.toISOString()).toBe("2026-03-11T04:59:59.000Z");
    expect(timeliness(new Date("2026-03-11T04:59:59.000Z"), march).timeliness).toBe("on_time");
    expect(timeliness(new Date("2026-03-11T05:00:00.000Z"), march).timeliness).toBe("late");
    const november = dueAt("2026-10", { dueDay: 1, timeZone: "America/Chicago" }); // fall back 1 Nov
    expect(november.toISOString()).toBe("2026-11-02T05:59:59.000Z");
    expect(timeliness(new Date("2026-11-02T05:59:59.000Z"), november).timeliness).toBe("on_time");
    expect(timeliness(new Date("2026-11-02T06:00:00.000Z"), november)).toEqual({ timeliness: "late", daysLate: 1 });
  });

  it("dueDay 31 in a 30-day month is due on the 30th", () => {
    const due30 = dueAt("2026-08", { dueDay: 31, timeZone: "America/Chicago" }); // September has 30 days
    expect(due30.toISOString()).toBe("2026-10-01T04:59:59.000Z");
    expect(timeliness(new Date("2026-10-01T04:59:59.000Z"), due30).timeliness).toBe("on_time");
    expect(timeliness(new Date("2026-10-01T05:00:00.000Z"), due30).timeliness).toBe("late");
  });

  it("rejects invalid input", () => {
    expect(() => timeliness(new Date(Number.NaN), due)).toThrow(RangeError);
    expect(() => timeliness(due, due, -1)).toThrow(RangeError);
  });
});

describe("periodStatus", () => {
  const due = dueAt("2026-10", { dueDay: 10, timeZone: "UTC" });

  it("pending until due with nothing submitted, missing one second after", () => {
    expect(periodStatus({ now: plus(due, -DAY), dueAt: due, firstSubmittedAt: null, missingSkus: 0 })).toBe("pending");
    expect(periodStatus({ now: due, dueAt: due, firstSubmittedAt: null, missingSkus: 0 })).toBe("pending");
    expect(periodStatus({ now: plus(due, SECOND), dueAt: due, firstSubmittedAt: null, missingSkus: 0 })).toBe("missing");
  });

  it("on time or late from the first submission, whatever came after", () => {
    const later = plus(due, 10 * DAY);
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: due, missingSkus: 0 })).toBe("on_time");
    expect(periodStatus({ now: plus(due, -DAY), dueAt: due, firstSubmittedAt: plus(due, -2 * DAY), missingSkus: 0 })).toBe("on_time");
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: plus(due, SECOND), missingSkus: 0 })).toBe("late");
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: plus(due, DAY), missingSkus: 0, graceDays: 1 })).toBe("on_time");
  });

  it("incomplete wins over on time and late", () => {
    const later = plus(due, 10 * DAY);
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: due, missingSkus: 1 })).toBe("incomplete");
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: plus(due, DAY), missingSkus: 2 })).toBe("incomplete");
    expect(periodStatus({ now: plus(due, -DAY), dueAt: due, firstSubmittedAt: plus(due, -DAY), missingSkus: 1 })).toBe("incomplete");
  });
});

describe("periodStatus in the manufacturer's time zone (issue 6 boundaries)", () => {
  const due = dueAt("2026-10", { dueDay: 10, timeZone: "Europe/Berlin" }); // 10 Nov 23:59:59 CET = 22:59:59Z
  const later = new Date("2026-12-01T00:00:00Z");

  it("23:59:59 local on the due day is on time, one second later is late", () => {
    expect(due.toISOString()).toBe("2026-11-10T22:59:59.000Z");
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: new Date("2026-11-10T22:59:59Z"), missingSkus: 0 })).toBe("on_time");
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: new Date("2026-11-10T23:00:00Z"), missingSkus: 0 })).toBe("late");
    // 23:30 UTC on the 10th is already the 11th in Berlin.
    expect(timeliness(new Date("2026-11-10T23:30:00Z"), due)).toEqual({ timeliness: "late", daysLate: 1 });
  });

  it("resubmissions keep the first submission's timeliness: only the first time is passed in", () => {
    const first = new Date("2026-11-09T10:00:00Z");
    // A late correction on 20 Nov does not matter: status is judged on `first`.
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: first, missingSkus: 0 })).toBe("on_time");
    // And a late first submission stays late when an on-time-looking revision follows (there can be none earlier).
    expect(periodStatus({ now: later, dueAt: due, firstSubmittedAt: new Date("2026-11-14T10:00:00Z"), missingSkus: 0 })).toBe("late");
  });
});
