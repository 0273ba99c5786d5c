import { describe, expect, it } from "vitest";
import { describeJobRun, type JobRun } from "./run-jobs";

const run = (over: Partial<JobRun["reminders"]> = {}, mail: Partial<JobRun["mail"]> = {}, ledger: Partial<JobRun["ledger"]> = {}): JobRun => ({
  ledger: { built: [], bootstrapped: false, through: "2026-10", ...ledger },
  reminders: { locked: true, candidates: [], queued: [], duplicates: [], noRecipients: [], ...over } as JobRun["reminders"],
  mail: { configured: false, sent: 0, failed: 0, ...mail },
});

describe("describeJobRun", () => {
  it("names each reminder queued and says mail stays in the outbox without SMTP", () => {
    const line = describeJobRun(run({ queued: [{ kind: "overdue", code: "MPD", period: "2026-10" }] as never }));
    expect(line).toBe("1 reminder(s) queued: overdue MPD 2026-10; not sent: no SMTP configured (see /admin/outbox)");
  });
  it("says when another instance holds the lock", () => {
    expect(describeJobRun(run({ locked: false }, { configured: true, sent: 2 }))).toBe(
      "another instance holds the reminder lock; nothing queued here; sent 2, failed 0",
    );
  });
  it("says when what is due was queued before", () => {
    expect(describeJobRun(run({ duplicates: ["MPD", "CES"] as never }))).toMatch(/^no new reminder \(2 due now already queued\); not sent/);
  });
  it("names each ledger period the month roll built, and says nothing of the ledger when none was due", () => {
    expect(describeJobRun(run({}, { configured: true }, { built: [{ period: "2026-11", rows: 1200, ms: 35 }] }))).toBe(
      "ledger built for 2026-11 (1200 rows, 35 ms); no reminder due now; sent 0, failed 0",
    );
    expect(describeJobRun(run({}, { configured: true }, { bootstrapped: true }))).toMatch(/^ledger computed from history through 2026-10; /);
  });
  it("says when nothing is due", () => {
    expect(describeJobRun(run({}, { configured: true }))).toBe("no reminder due now; sent 0, failed 0");
  });
});
