/** Issue 12, item 8: a distributor reading its exception sees the manufacturer's staff by name, never by e-mail address. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addMovement, addRevision, makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import { refreshLedger } from "../ledger/refresh-ledger";
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
    const d = await makeDistributor(tdb.db);
    const p = await makeProduct(tdb.db);
    const partner = await makeViewer(tdb.db, "distributor", d);
    await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-08", type: "sell_in", quantity: 1000 });
    await addRevision(tdb.db, { distributorId: d.id, period: "2026-08", userId: partner.userId, lines: [{ productId: p.id, sold: 700, returned: 0, onHand: 240 }] });
    await refreshLedger(tdb.db, { distributorIds: [d.id], productIds: [p.id] }, "2026-08-01");
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
