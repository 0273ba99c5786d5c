import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { submitPeriod } from "./submit-period";
import { listRevisions } from "./list-revisions";
import { getRevision } from "./get-revision";
import { diffRevisions } from "./diff-revisions";
import { diffLines } from "@/lib/domain/revision-diff";
import { listSubmissionHistory } from "./list-submission-history";
import { getSubmissionView } from "./get-submission-view";
import { saveDraft } from "../drafts/save-draft";
import { getDraft } from "../drafts/get-draft";
import { discardDraft } from "../drafts/discard-draft";
import { createApiToken } from "../tokens/create-api-token";
import { listApiTokens } from "../tokens/list-api-tokens";
import { revokeApiToken } from "../tokens/revoke-api-token";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

const at = (s: string) => new Date(s);
const send = (v: Viewer, period: string, now: string, baseRevision: number | null, lines: object[], source: "portal" | "api" = "portal") =>
  submitPeriod(tdb.db, v, { period, source, now: at(now), body: { baseRevision, lines } });

describe(`revisions and history (${label})`, () => {
  it("lists revisions newest first, shows one with its lines, and diffs two", async () => {
    const d = await makeDistributor(tdb.db);
    const ann = await makeViewer(tdb.db, "distributor", d);
    const ben = await makeViewer(tdb.db, "distributor", d);
    const [a, b, c] = [await makeProduct(tdb.db, `A-${d.code}`), await makeProduct(tdb.db, `B-${d.code}`), await makeProduct(tdb.db, `C-${d.code}`)];
    await send(ann, "2026-10", "2026-11-04T09:00:00Z", null, [
      { sku: a.sku, sold: 10, returned: 0, onHand: 5 },
      { sku: b.sku, sold: 3, returned: 1, onHand: 7 },
    ]);
    await send(ben, "2026-10", "2026-11-06T09:00:00Z", 1, [
      { sku: a.sku, sold: 12, returned: 0, onHand: 5, note: "late invoice" },
      { sku: c.sku, sold: 1, returned: 0, onHand: 0 },
    ], "api");

    const list = await listRevisions(tdb.db, ann, { period: "2026-10" });
    expect(list.map((r) => [r.revision, r.submittedBy, r.source, r.submittedAt])).toEqual([
      [2, "distributor", "api", "2026-11-06T09:00:00.000Z"],
      [1, "distributor", "portal", "2026-11-04T09:00:00.000Z"],
    ]);
    expect(list[1]).toMatchObject({ lineCount: 2, totals: { sold: 13, returned: 1, onHand: 12 } });
    expect(await listRevisions(tdb.db, ann, { period: "2026-09" })).toEqual([]);

    const one = await getRevision(tdb.db, ann, { period: "2026-10", revision: 1 });
    expect(one).toMatchObject({ revision: 1, latest: false, timeliness: "on_time", totals: { lines: 2, sold: 13 } });
    expect(one.lines.map((l) => [l.sku, l.sold, l.returned, l.onHand])).toEqual([[a.sku, 10, 0, 5], [b.sku, 3, 1, 7]]);
    await expect(getRevision(tdb.db, ann, { period: "2026-10", revision: 3 })).rejects.toMatchObject({ code: "not_found" });

    const diff = await diffRevisions(tdb.db, ann, { period: "2026-10", from: 1, to: 2 });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 0 });
    expect(diff.changes).toEqual([
      { sku: a.sku, description: a.description, change: "changed", fields: { sold: { from: 10, to: 12 }, note: { from: null, to: "late invoice" } } },
      { sku: b.sku, description: b.description, change: "removed", fields: { sold: { from: 3, to: null }, returned: { from: 1, to: null }, onHand: { from: 7, to: null } } },
      { sku: c.sku, description: c.description, change: "added", fields: { sold: { from: null, to: 1 }, returned: { from: null, to: 0 }, onHand: { from: null, to: 0 } } },
    ]);
    expect((await diffRevisions(tdb.db, ann, { period: "2026-10", from: 0, to: 1 })).counts).toMatchObject({ added: 2 });
    expect(diffLines([{ sku: "x", sold: 1, returned: 0, onHand: 1 }], [{ sku: "X", sold: 1, returned: 0, onHand: 1 }]).unchanged).toBe(1);
  });

  it("lists every period of the distributor with its status", async () => {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const p = await makeProduct(tdb.db);
    await send(v, "2026-07", "2026-08-15T00:00:00Z", null, [{ sku: p.sku, sold: 1, returned: 0, onHand: 1 }]); // 5 days late
    await send(v, "2026-09", "2026-10-02T00:00:00Z", null, [{ sku: p.sku, sold: 1, returned: 0, onHand: 1 }]);
    await send(v, "2026-09", "2026-10-03T00:00:00Z", 1, [{ sku: p.sku, sold: 2, returned: 0, onHand: 0 }]);
    const rows = await listSubmissionHistory(tdb.db, v, {}, at("2026-11-05T00:00:00Z"));
    expect(rows.map((r) => [r.period, r.status, r.revisions, r.daysLate])).toEqual([
      ["2026-10", "pending", 0, null],
      ["2026-09", "on_time", 2, 0],
      ["2026-08", "missing", 0, null],
      ["2026-07", "late", 1, 5],
    ]);
    expect(rows[1]).toMatchObject({ firstSubmittedAt: "2026-10-02T00:00:00.000Z", latestSubmittedAt: "2026-10-03T00:00:00.000Z", dueAt: "2026-10-10T23:59:59.000Z", state: "open" });
    const staff = await makeViewer(tdb.db, "channel_manager");
    expect(await listSubmissionHistory(tdb.db, staff, { distributorCode: d.code }, at("2026-11-05T00:00:00Z"))).toEqual(rows);
  });

  it("never shows one distributor's submissions, drafts or tokens to another", async () => {
    const a = await makeDistributor(tdb.db);
    const b = await makeDistributor(tdb.db);
    const va = await makeViewer(tdb.db, "distributor", a);
    const vb = await makeViewer(tdb.db, "distributor", b);
    const secret = await makeProduct(tdb.db, `SECRET-${a.code}`);
    const now = at("2026-11-05T00:00:00Z");
    await send(va, "2026-10", "2026-11-04T00:00:00Z", null, [{ sku: secret.sku, sold: 5, returned: 0, onHand: 5 }]);
    await saveDraft(tdb.db, va, { period: "2026-09", version: 0, cells: { [secret.sku]: { sold: 1 } } }, now);
    const token = await createApiToken(tdb.db, va, { name: "a's" });

    const q = { period: "2026-10", distributorCode: a.code };
    await expect(getSubmissionView(tdb.db, vb, q, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(listRevisions(tdb.db, vb, q)).rejects.toMatchObject({ code: "not_found" });
    await expect(getRevision(tdb.db, vb, { ...q, revision: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(diffRevisions(tdb.db, vb, { ...q, from: 0, to: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(listSubmissionHistory(tdb.db, vb, { distributorCode: a.code }, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiToken(tdb.db, vb, token.id)).rejects.toMatchObject({ code: "not_found" });

    // B's own views hold nothing of A's.
    const own = await getSubmissionView(tdb.db, vb, { period: "2026-10" }, now);
    expect(own).toMatchObject({ revision: null, lines: [], draft: null, distributor: { code: b.code } });
    expect(await listRevisions(tdb.db, vb, { period: "2026-10" })).toEqual([]);
    await expect(getRevision(tdb.db, vb, { period: "2026-10", revision: 1 })).rejects.toMatchObject({ code: "not_found" });
    expect(await getDraft(tdb.db, vb, { period: "2026-09" })).toBeNull();
    expect(await discardDraft(tdb.db, vb, { period: "2026-09" })).toEqual({ discarded: false });
    expect(await getDraft(tdb.db, va, { period: "2026-09" })).not.toBeNull();
    expect(await listApiTokens(tdb.db, vb)).toEqual([]);
    // B submitting A's SKU writes B's own row; A's revision is untouched.
    await send(vb, "2026-10", "2026-11-04T00:00:00Z", null, [{ sku: secret.sku, sold: 1, returned: 0, onHand: 0 }]);
    expect((await getRevision(tdb.db, va, { period: "2026-10", revision: 1 })).lines[0]).toMatchObject({ sold: 5 });
    expect((await listRevisions(tdb.db, va, { period: "2026-10" })).length).toBe(1);

    // Staff read with a code; without one it is a 404 that asks for it.
    const staff = await makeViewer(tdb.db, "rebate_analyst");
    expect((await getSubmissionView(tdb.db, staff, q, now)).lines[0]).toMatchObject({ sku: secret.sku, sold: 5 });
    expect((await getSubmissionView(tdb.db, staff, q, now)).draft).toBeNull();
    await expect(getSubmissionView(tdb.db, staff, { period: "2026-10" }, now)).rejects.toMatchObject({ code: "not_found" });
  });
});
