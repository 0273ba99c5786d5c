/** Issue 12, item 6: every editable record refuses a write based on a version that is no longer current (nothing saved). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeGapRow, makeViewer } from "@/lib/testing/fixtures";
import { StaleVersion } from "@/lib/errors";
import { getException } from "./exceptions/get-exception";
import { openException } from "./exceptions/open-exception";
import { addExceptionNote, updateException } from "./exceptions/update-exception";
import { createProgram, updateProgram } from "./rebates/save-program";
import { loadProgram } from "./rebates/programs";
import { createUser } from "./admin/create-user";
import { getUser, updateUser } from "./admin/update-user";
import { getSettings } from "./settings/get-settings";
import { updateSettings } from "./settings/update-settings";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
});

const stale = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(StaleVersion);

describe(`versions of editable records (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("an exception: every change moves the version on; a change based on an old one is refused", async () => {
    const manager = await makeViewer(tdb.db, "channel_manager");
    const other = await makeViewer(tdb.db, "channel_manager");
    const { d, p } = await makeGapRow(tdb.db, "2026-05");
    const { id } = await openException(tdb.db, manager, { distributor: d.code, sku: p.sku, period: "2026-05" });
    const v1 = (await getException(tdb.db, manager, id)).version;
    await updateException(tdb.db, other, id, { status: "investigating" }, v1);
    const v2 = (await getException(tdb.db, manager, id)).version;
    expect(v2).toBeGreaterThan(v1);
    await stale(updateException(tdb.db, manager, id, { status: "dismissed" }, v1));
    expect((await getException(tdb.db, manager, id)).status).toBe("investigating");
    await addExceptionNote(tdb.db, other, id, { body: "Looking into it" });
    await stale(updateException(tdb.db, manager, id, { reason: "timing" }, v2)); // a note is a change too
    await updateException(tdb.db, manager, id, { reason: "timing" }); // no version named: the contract's PATCH
  });

  it("a rebate programme, a user and the settings", async () => {
    const analyst = await makeViewer(tdb.db, "rebate_analyst");
    const values = { name: "Versions", fromPeriod: "2020-01", toPeriod: "2020-03", graceDays: 0, lateAllowed: 0, minCompletenessPct: 95, maxAccuracyPct: 2, ratePct: 1 };
    const prog = await createProgram(tdb.db, analyst, values);
    const saved = await updateProgram(tdb.db, analyst, prog.id, { ...values, ratePct: 2 }, prog.version);
    expect(saved.version).toBe(prog.version + 1);
    await stale(updateProgram(tdb.db, analyst, prog.id, { ...values, ratePct: 3 }, prog.version));
    expect((await loadProgram(tdb.db, prog.id)).rules.ratePct).toBe("2.00");

    const admin = await makeViewer(tdb.db, "admin");
    await createUser(tdb.db, admin, { email: "versions@example.test", name: "V", role: "rebate_analyst", password: "correct horse battery" });
    const u = await getUser(tdb.db, admin, "versions@example.test");
    await updateUser(tdb.db, admin, "versions@example.test", { name: "Renamed" }, u.version);
    await stale(updateUser(tdb.db, admin, "versions@example.test", { active: false }, u.version));
    expect(await getUser(tdb.db, admin, "versions@example.test")).toMatchObject({ name: "Renamed", active: true });
    await expect(updateUser(tdb.db, admin, "nobody@example.test", { name: "x" }, 1)).rejects.toMatchObject({ code: "not_found" });

    const s = await getSettings(tdb.db);
    const input = { dueDay: s.dueDay, timeZone: s.timeZone, graceDays: s.graceDays, reminderDaysBefore: s.reminderDaysBefore };
    await updateSettings(tdb.db, admin, { ...input, graceDays: 2 }, new Date(), s.version);
    await stale(updateSettings(tdb.db, admin, { ...input, graceDays: 5 }, new Date(), s.version));
    expect((await getSettings(tdb.db)).graceDays).toBe(2);
  });
});
