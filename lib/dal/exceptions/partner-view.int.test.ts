/** Issue 12, item 8: a distributor reading its exception sees the manufacturer's staff by name, never by e-mail address. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeGapRow, makeViewer } from "@/lib/testing/fixtures";
import { getException } from "./get-exception";
import { openException } from "./open-exception";
import { addExceptionNote } from "./update-exception";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
});

describe(`a partner's view of exception events (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("names staff authors without their e-mail address; the partner's own answers keep theirs; staff see every address", async () => {
    const manager = await makeViewer(tdb.db, "channel_manager");
    const { d, p, v: partner } = await makeGapRow(tdb.db, "2026-08");
    const { id } = await openException(tdb.db, manager, { distributor: d.code, sku: p.sku, period: "2026-08", note: "Where did 60 units go?" });
    await addExceptionNote(tdb.db, partner, id, { body: "Transferred to Reno" });

    const seen = await getException(tdb.db, partner, id);
    expect(seen.events.map((e) => [e.kind, e.author?.name, e.author?.email])).toEqual([
      ["note", manager.name, null],
      ["answer", partner.name, partner.email],
    ]);
    expect(JSON.stringify(seen)).not.toContain(manager.email);

    const staff = await getException(tdb.db, manager, id);
    expect(staff.events.find((e) => e.kind === "note")!.author).toMatchObject({ email: manager.email });
  });
});
