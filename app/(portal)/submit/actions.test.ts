/**
 * The submit action's answers through the action wrapper when the database goes away mid-submission,
 * and when the check wants a review (no database here: the DAL is mocked).
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { AppError } from "@/lib/errors";

const state = vi.hoisted(() => ({ failure: null as unknown }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  unstable_rethrow: () => {},
}));
vi.mock("@/db/client", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/auth/viewer-db", () => ({ withViewerDb: async (_viewer: unknown, fn: (db: unknown) => unknown) => fn({}) }));
vi.mock("@/lib/auth/current-viewer", () => {
  const viewer = { userId: "u1", email: "d@test.local", name: "d", role: "distributor", distributorId: 1, distributorCode: "D1", distributorName: "D1", via: "session" };
  return { getViewer: async () => viewer, requireViewer: async () => viewer };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/dal/submissions/submit-period", () => ({
  submitPeriod: async () => {
    throw state.failure;
  },
}));

const { submitReportAction } = await import("./actions");
const { ReviewRequired } = await import("@/lib/dal/submissions/check-submission");
const input = { period: "2026-10", idempotencyKey: "render-1", body: { baseRevision: null, lines: [{ sku: "MCU-1000", sold: 1, returned: 0, onHand: 2 }] } };

describe("submitReportAction when the database is unavailable", () => {
  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation(() => {});
  });

  it("says nothing was stored and the draft is kept, for a connection cut mid-transaction", async () => {
    const cut = Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" });
    state.failure = new DrizzleQueryError("insert into submission_lines (revision_id) select $1", ["x"], cut);
    const r = await submitReportAction(input);
    expect(r).toEqual({ ok: false, code: "database_unavailable", fieldErrors: {}, formError: expect.stringMatching(/could not reach the database.*nothing was stored.*draft.*kept/) });
    expect(JSON.stringify(r)).not.toMatch(/insert|submission_lines|CONNECTION_CLOSED/);
  });

  it("says the same for a refused connection and for the AppError code", async () => {
    state.failure = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const refused = await submitReportAction(input);
    state.failure = new AppError("database_unavailable", "down");
    const coded = await submitReportAction(input);
    expect(refused).toEqual(coded);
    expect(refused.ok === false && refused.formError).toMatch(/nothing was stored/);
  });

  it("answers a colleague's newer revision with it (details.conflict), found by the error's details, not its wording", async () => {
    state.failure = new AppError("conflict", "Revision 3 was submitted meanwhile", [], { latestRevision: 3, submittedAt: "2026-11-02T10:00:00Z", submittedBy: "Ann" });
    const r = await submitReportAction(input);
    expect(r.ok === false && r.code).toBe("conflict");
    expect(r.ok === false && r.details?.conflict).toMatchObject({ latestRevision: 3, submittedAt: "2026-11-02T10:00:00Z", submittedBy: "Ann" });
    expect(r.ok === false && r.details?.review).toBeUndefined();
  });

  it("keeps the generic answer for other failures", async () => {
    state.failure = new Error("boom");
    const r = await submitReportAction(input);
    expect(r.ok === false && r.formError).toMatch(/^Something went wrong on our side/);
  });

  it("answers review with the flags when flagged lines are neither fixed nor confirmed (nothing stored)", async () => {
    const flags = [{ sku: "MCU-1000", kind: "out_of_tolerance" as const, message: "gap 60" }, { sku: "MCU-1000", kind: "stale_prefill" as const, message: "still 240" }];
    const quality = { score: 75, parts: { completeness: 100, plausibility: 100, agreement: 0, freshness: 100 } };
    state.failure = new ReviewRequired(flags, quality);
    const r = await submitReportAction(input);
    expect(r).toEqual({ ok: false, code: "conflict", fieldErrors: {}, formError: expect.stringMatching(/^1 line needs a look/), details: { review: { flags, quality } } });
  });
});
