import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import * as t from "@/db/schema";
import { AppError } from "@/lib/errors";
import { saveDraft } from "./save-draft";
import { getDraft } from "./get-draft";
import { discardDraft } from "./discard-draft";
import { submitPeriod } from "../submissions/submit-period";
import { getSubmissionView } from "../submissions/get-submission-view";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
const NOW = new Date("2026-11-05T12:00:00Z");
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

async function tenant() {
  const d = await makeDistributor(tdb.db);
  return { d, alice: await makeViewer(tdb.db, "distributor", d), bob: await makeViewer(tdb.db, "distributor", d) };
}
const period = "2026-10";

describe(`drafts (${label})`, () => {
  it("are shared by a distributor's users and keep what was typed, even when not valid yet", async () => {
    const { alice, bob } = await tenant();
    const first = await saveDraft(tdb.db, alice, { period, version: 0, baseRevision: null, cells: { "MCU-1": { sold: 12, onHand: "12a" }, "MCU-2": { returned: -3, note: "damaged" } } }, NOW);
    expect(first).toMatchObject({ conflict: false, merged: false, draft: { version: 1, baseRevision: null, editedSkus: 2 } });
    const seen = await getDraft(tdb.db, bob, { period });
    expect(seen).toMatchObject({ version: 1, updatedBy: { id: alice.userId }, cells: { "MCU-1": { sold: 12, onHand: "12a" }, "MCU-2": { returned: -3, note: "damaged" } } });

    // Escape reverts a cell: null drops the edit; a SKU mapped to null drops all of its edits.
    const second = await saveDraft(tdb.db, bob, { period, version: 1, cells: { "MCU-1": { onHand: null }, "MCU-2": null } }, NOW);
    expect(second).toMatchObject({ conflict: false, draft: { version: 2, cells: { "MCU-1": { sold: 12 } }, editedSkus: 1 } });
    expect((await getDraft(tdb.db, alice, { period }))!.cells).toEqual({ "MCU-1": { sold: 12 } });
  });

  it("merge a colleague's save on other cells, and report a conflict on the same cells instead of overwriting", async () => {
    const { alice, bob } = await tenant();
    await saveDraft(tdb.db, alice, { period, version: 0, cells: { A: { sold: 1 }, B: { sold: 2 } } }, NOW);
    // Bob saves on top of version 1 …
    await saveDraft(tdb.db, bob, { period, version: 1, cells: { A: { sold: 10 } } }, NOW);
    // … Alice, still on version 1, edits other cells: merged.
    const merged = await saveDraft(tdb.db, alice, { period, version: 1, cells: { B: { onHand: 5 }, C: { sold: 3 } } }, NOW);
    expect(merged).toMatchObject({ conflict: false, merged: true, draft: { version: 3, cells: { A: { sold: 10 }, B: { sold: 2, onHand: 5 }, C: { sold: 3 } } } });
    // Alice, still believing version 1, changes A.sold, which Bob changed: conflict, nothing written.
    const clash = await saveDraft(tdb.db, alice, { period, version: 1, cells: { A: { sold: 99 }, D: { sold: 1 } } }, NOW);
    expect(clash).toMatchObject({ conflict: true, reason: "edited", conflicts: [{ sku: "A", field: "sold", yours: 99, theirs: 10 }], draft: { version: 3 } });
    expect((await getDraft(tdb.db, bob, { period }))!.cells).not.toHaveProperty("D");
    // The same value as the colleague's is no conflict.
    expect(await saveDraft(tdb.db, alice, { period, version: 1, cells: { A: { sold: 10 } } }, NOW)).toMatchObject({ conflict: false, merged: true });
    // Keeping hers after seeing the conflict: save again with the current version.
    const current = (await getDraft(tdb.db, alice, { period }))!.version;
    expect(await saveDraft(tdb.db, alice, { period, version: current, cells: { A: { sold: 99 } } }, NOW)).toMatchObject({ conflict: false, draft: { cells: { A: { sold: 99 } } } });
  });

  it("say so when the draft was discarded or a colleague submitted, and are deleted by the submission", async () => {
    const { alice, bob } = await tenant();
    const p = await makeProduct(tdb.db);
    await saveDraft(tdb.db, alice, { period, version: 0, baseRevision: null, cells: { [p.sku]: { sold: 4 } } }, NOW);
    expect(await discardDraft(tdb.db, bob, { period })).toEqual({ discarded: true });
    expect(await discardDraft(tdb.db, bob, { period })).toEqual({ discarded: false });
    expect(await saveDraft(tdb.db, alice, { period, version: 1, cells: { [p.sku]: { sold: 5 } } }, NOW)).toMatchObject({ conflict: true, reason: "discarded", draft: null });

    await saveDraft(tdb.db, alice, { period, version: 0, baseRevision: null, cells: { [p.sku]: { sold: 6 } } }, NOW);
    const view = await getSubmissionView(tdb.db, alice, { period }, NOW);
    expect(view.draft).toMatchObject({ version: 1, cells: { [p.sku]: { sold: 6 } } });
    expect(view.lines.map((l) => l.sku)).toContain(p.sku); // a SKU added by hand is a row
    await submitPeriod(tdb.db, bob, { period, source: "portal", now: NOW, body: { baseRevision: null, lines: [{ sku: p.sku, sold: 6, returned: 0, onHand: 0 }] } });
    expect(await getDraft(tdb.db, alice, { period })).toBeNull();
    expect(await saveDraft(tdb.db, alice, { period, version: 1, baseRevision: null, cells: { [p.sku]: { sold: 7 } } }, NOW)).toMatchObject({ conflict: true, reason: "submitted", latestRevision: 1 });
    expect(await saveDraft(tdb.db, alice, { period, version: 0, baseRevision: 1, cells: { [p.sku]: { sold: 7 } } }, NOW)).toMatchObject({ conflict: false, draft: { baseRevision: 1 } });
  });

  it("are for the distributor's own users, in open periods, with valid cells", async () => {
    const { alice } = await tenant();
    const staff = await makeViewer(tdb.db, "channel_manager");
    await expect(saveDraft(tdb.db, staff, { period, version: 0, cells: {} }, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getDraft(tdb.db, staff, { period })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveDraft(tdb.db, alice, { period: "2026-11", version: 0, cells: {} }, NOW)).rejects.toMatchObject({ code: "conflict" });
    await tdb.db.insert(t.periods).values({ period: "2026-07-01", dueAt: new Date("2026-08-10T23:59:59Z"), closedAt: NOW }).onConflictDoNothing();
    await expect(saveDraft(tdb.db, alice, { period: "2026-07", version: 0, cells: {} }, NOW)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/closed/) });
    const bad = await saveDraft(tdb.db, alice, { period, version: 0, cells: { A: { sold: "x".repeat(41) } } }, NOW).catch((e: AppError) => e);
    expect(bad).toMatchObject({ code: "validation_failed" });
    expect((bad as AppError).issues[0]!.path).toBe("cells.A.sold");
  });

  it("merge two first saves made at the same moment", async () => {
    const { alice, bob } = await tenant();
    const [a, b] = await Promise.all([
      saveDraft(tdb.db, alice, { period, version: 0, cells: { A: { sold: 1 } } }, NOW),
      saveDraft(tdb.db, bob, { period, version: 0, cells: { B: { sold: 2 } } }, NOW),
    ]);
    expect([a.conflict, b.conflict]).toEqual([false, false]);
    expect((await getDraft(tdb.db, alice, { period }))).toMatchObject({ version: 2, cells: { A: { sold: 1 }, B: { sold: 2 } } });
  });
});
