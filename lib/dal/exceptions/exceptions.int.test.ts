import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addMovement, addRevision, makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { exceptionQuerySchema, type ExceptionQueryInput } from "@/lib/validation/exceptions";
import { refreshLedger } from "../ledger/refresh-ledger";
import { asRows } from "@/db/sql-rows";
import { approveCorrection, proposeCorrection, rejectCorrection } from "../corrections/corrections";
import { getException, type StaffExceptionDetail } from "./get-exception";
import { listExceptions, type StaffExceptionRow } from "./list-exceptions";
import { openAutomaticExceptions, openException } from "./open-exception";
import { addExceptionNote, bulkUpdateExceptions, updateException } from "./update-exception";
import { ledgerNow } from "./shared";

let tdb: TestDatabase;
let manager: Viewer;
let manager2: Viewer;
let analyst: Viewer;
beforeAll(async () => {
  tdb = await createTestDatabase();
  manager = await makeViewer(tdb.db, "channel_manager");
  manager2 = await makeViewer(tdb.db, "channel_manager");
  analyst = await makeViewer(tdb.db, "rebate_analyst");
});
afterAll(async () => {
  await tdb?.close();
});

/** A distributor × product with `sellIn` shipped and `sold`/`onHand` reported in `period`. */
async function row(period: string, sellIn: number, sold: number, onHand: number, d?: Awaited<ReturnType<typeof makeDistributor>>) {
  const dist = d ?? (await makeDistributor(tdb.db));
  const p = await makeProduct(tdb.db);
  const v = await makeViewer(tdb.db, "distributor", dist);
  await addMovement(tdb.db, { distributorId: dist.id, productId: p.id, period, type: "sell_in", quantity: sellIn });
  await addRevision(tdb.db, { distributorId: dist.id, period, userId: v.userId, lines: [{ productId: p.id, sold, returned: 0, onHand }] });
  await refreshLedger(tdb.db, { distributorIds: [dist.id], productIds: [p.id] }, `${period}-01`);
  return { d: dist, p, v };
}

const q = (input: ExceptionQueryInput = {}) => exceptionQuerySchema.parse(input);
const exceptionsOf = async (distributorId: number) =>
  asRows<{ id: string; automatic: string | null }>(await tdb.db.execute(sql`select id, automatic from exceptions where distributor_id = ${distributorId}`));

describe(`exceptions and corrections (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("opens exceptions automatically above the thresholds, once", async () => {
    const period = "2026-03";
    const big = await row(period, 1000, 700, 240); // gap 60 (20 %): both thresholds
    const pct = await row(period, 30, 10, 17); // gap 3 of 20 = 15 %: the % threshold only
    const small = await row(period, 1000, 700, 295); // gap 5 (1.7 %): below both
    const none = await row(period, 100, 50, 50); // gap 0

    const first = await openAutomaticExceptions(tdb.db, { period });
    expect(first.opened).toHaveLength(2);
    expect(await exceptionsOf(big.d.id)).toHaveLength(1);
    expect((await exceptionsOf(big.d.id))[0]!.automatic).toContain("|gap| 60 ≥ 50 units");
    expect(await exceptionsOf(pct.d.id)).toHaveLength(1);
    expect(await exceptionsOf(small.d.id)).toHaveLength(0);
    expect(await exceptionsOf(none.d.id)).toHaveLength(0);

    // Idempotent, also under concurrency, and a dismissed exception is not opened again.
    const again = await Promise.all([openAutomaticExceptions(tdb.db, { period }), openAutomaticExceptions(tdb.db, { period })]);
    expect(again.flatMap((a) => a.opened)).toHaveLength(0);
    const [bigEx] = await exceptionsOf(big.d.id);
    await updateException(tdb.db, manager, bigEx!.id, { status: "dismissed" });
    expect((await openAutomaticExceptions(tdb.db, { period })).opened).toHaveLength(0);
    const events = asRows(await tdb.db.execute(sql`select kind from exception_events where exception_id = ${bigEx!.id}::uuid order by seq`));
    expect(events.map((e) => e.kind)).toEqual(["opened", "status"]);

    // Listing a period as staff opens nothing (writes open exceptions: submit-exceptions.int.test.ts).
    const later = await row("2026-04", 500, 100, 300);
    const list = await listExceptions(tdb.db, manager, q({ period: "2026-04" }));
    expect(list.rows).toEqual([]);
    expect(await exceptionsOf(later.d.id)).toHaveLength(0);
    await openAutomaticExceptions(tdb.db, { period: "2026-04" });
    const after = await listExceptions(tdb.db, manager, q({ period: "2026-04" }));
    expect(after.rows.map((r) => (r as StaffExceptionRow).distributor)).toEqual([later.d.code]);
  });

  it("opens by hand once per row; only channel managers and admins may", async () => {
    const { d, p } = await row("2026-05", 1000, 700, 240);
    const input = { distributor: d.code, sku: p.sku, period: "2026-05", reason: "timing" as const, note: "Looks like late POS" };
    await expect(openException(tdb.db, analyst, input)).rejects.toMatchObject({ code: "forbidden" });
    const a = await openException(tdb.db, manager, input);
    expect(a.created).toBe(true);
    const b = await openException(tdb.db, manager2, input);
    expect(b).toMatchObject({ id: a.id, created: false });
    await expect(openException(tdb.db, manager, { ...input, sku: "NOPE-1" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(openException(tdb.db, manager, { ...input, period: "2025-01" })).rejects.toMatchObject({ code: "validation_failed" });
    const detail = (await getException(tdb.db, analyst, a.id)) as StaffExceptionDetail;
    expect(detail).toMatchObject({ status: "open", reason: "timing", gapAtOpen: 60, ledger: { calculated: 300, reported: 240, gap: 60, gapPct: 20 } });
    expect(detail.events.map((e) => e.kind)).toEqual(["opened", "note"]);
  });

  it("moves through its statuses and keeps every change as an event", async () => {
    const { d, p, v } = await row("2026-06", 1000, 700, 240);
    const { id } = await openException(tdb.db, manager, { distributor: d.code, sku: p.sku, period: "2026-06" });
    await expect(updateException(tdb.db, manager, id, { status: "resolved" })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateException(tdb.db, analyst, id, { status: "investigating" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateException(tdb.db, v, id, { status: "investigating" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateException(tdb.db, manager, id, { owner: v.email })).rejects.toMatchObject({ code: "validation_failed" });

    expect((await updateException(tdb.db, manager, id, { status: "investigating", owner: manager2.email, reason: "stock_transfer" })).changed).toEqual(["status", "reason", "owner"]);
    expect((await updateException(tdb.db, manager, id, { status: "investigating" })).changed).toEqual([]);
    await updateException(tdb.db, manager2, id, { status: "resolved", note: "Transfer confirmed" });
    await expect(updateException(tdb.db, manager, id, { status: "investigating" })).rejects.toMatchObject({ code: "conflict" });
    await updateException(tdb.db, manager, id, { status: "open" });
    await updateException(tdb.db, manager, id, { owner: null });

    const detail = (await getException(tdb.db, manager, id)) as StaffExceptionDetail;
    expect(detail.status).toBe("open");
    expect(detail.owner).toBeNull();
    expect(detail.events.map((e) => [e.kind, e.data?.to ?? null])).toEqual([
      ["opened", null], ["status", "investigating"], ["reason", "stock_transfer"], ["owner", manager2.userId],
      ["status", "resolved"], ["note", null], ["status", "open"], ["owner", null],
    ]);
    expect(detail.events.every((e) => e.author && e.at)).toBe(true);

    const mine = await listExceptions(tdb.db, manager, q({ period: "2026-06", status: "open", distributor: d.code }));
    expect(mine.rows.map((r) => r.id)).toEqual([id]);
  });

  it("takes a correction into the ledger only when a second person approves it", async () => {
    const { d, p } = await row("2026-07", 1000, 700, 240);
    const { id } = await openException(tdb.db, manager, { distributor: d.code, sku: p.sku, period: "2026-07" });
    await expect(proposeCorrection(tdb.db, analyst, id, { quantity: -60, type: "transfer", reason: "To Reno" })).rejects.toMatchObject({ code: "forbidden" });
    const c = await proposeCorrection(tdb.db, manager, id, { quantity: -60, type: "transfer", reason: "Transferred 60 to the Reno branch" });
    expect(c).toMatchObject({ status: "proposed", type: "transfer_out", quantity: -60 });
    expect(await ledgerNow(tdb.db, d.id, p.id, "2026-07")).toMatchObject({ gap: 60, calculated: 300 });

    await expect(approveCorrection(tdb.db, manager, c.id)).rejects.toMatchObject({
      code: "forbidden", status: 403, message: "A correction needs a second person: you proposed it",
    });
    await expect(approveCorrection(tdb.db, analyst, c.id)).rejects.toMatchObject({ code: "forbidden" });
    const approved = await approveCorrection(tdb.db, manager2, c.id);
    expect(approved.ledger).toMatchObject({ calculated: 240, reported: 240, gap: 0, adjustments: -60 });
    await expect(approveCorrection(tdb.db, manager2, c.id)).rejects.toMatchObject({ code: "conflict" });

    const mv = asRows(await tdb.db.execute(sql`select type::text as type, quantity, to_char(period,'YYYY-MM') as period, reason from movements where correction_id = ${c.id}::uuid`));
    expect(mv).toEqual([{ type: "transfer_out", quantity: 60, period: "2026-07", reason: "Transferred 60 to the Reno branch" }]);
    const detail = (await getException(tdb.db, manager, id)) as StaffExceptionDetail;
    expect(detail.ledger).toMatchObject({ calculated: 240, gap: 0 });
    expect(detail.corrections).toMatchObject([{ status: "approved", signedQuantity: -60, decidedBy: { id: manager2.userId } }]);
    // Within tolerance now: the hand-opened exception is resolved by the correction (issue 16).
    expect(detail.events.map((e) => e.kind)).toEqual(["opened", "correction.proposed", "correction.approved", "status"]);
    expect(detail.events.at(-2)!.data).toMatchObject({ gapBefore: 60, gapAfter: 0 });
    expect(detail).toMatchObject({ status: "resolved", resolution: "correction" });
    const audit = asRows(await tdb.db.execute(sql`select action from audit_log where data->>'correctionId' = ${c.id} order by id`));
    expect(audit.map((a) => a.action)).toEqual(["correction.propose", "correction.approve"]);

    // A rejected correction writes nothing to the ledger; nothing else is edited.
    await updateException(tdb.db, manager, id, { status: "open" });
    const r = await proposeCorrection(tdb.db, manager2, id, { quantity: 5, type: "count_correction", reason: "Recount" });
    await rejectCorrection(tdb.db, manager, r.id);
    expect(asRows(await tdb.db.execute(sql`select 1 from movements where correction_id = ${r.id}::uuid`))).toHaveLength(0);
    expect(await ledgerNow(tdb.db, d.id, p.id, "2026-07")).toMatchObject({ gap: 0 });
    await expect(proposeCorrection(tdb.db, manager, id, { quantity: 5, type: "damage", reason: "x" })).rejects.toThrow();
  });

  it("keeps each distributor to its own exceptions", async () => {
    const a = await row("2026-08", 1000, 700, 240);
    const b = await row("2026-08", 500, 100, 100);
    const { id } = await openException(tdb.db, manager, { distributor: a.d.code, sku: a.p.sku, period: "2026-08", note: "Where did 60 units go?" });
    await addExceptionNote(tdb.db, manager, id, { body: "Internal: check the Reno shipments", internal: true });
    const other = await openException(tdb.db, manager, { distributor: b.d.code, sku: b.p.sku, period: "2026-08" });

    await expect(getException(tdb.db, b.v, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(addExceptionNote(tdb.db, b.v, id, { body: "Not ours" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listExceptions(tdb.db, b.v, q({ distributor: a.d.code }))).rejects.toMatchObject({ code: "not_found" });
    expect((await listExceptions(tdb.db, b.v, q())).rows.map((r) => r.id)).toEqual([other.id]);
    await expect(getException(tdb.db, b.v, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });

    const own = await listExceptions(tdb.db, a.v, q({ status: "active" }));
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0]).not.toHaveProperty("owner");
    expect(own.rows[0]).toMatchObject({ id, gap: 60, answered: false });

    await addExceptionNote(tdb.db, a.v, id, { body: "Transferred 60 to our Reno branch" });
    const partnerView = await getException(tdb.db, a.v, id);
    expect(partnerView.events.map((e) => e.body)).toEqual(["Where did 60 units go?", "Transferred 60 to our Reno branch"]);
    expect(partnerView).not.toHaveProperty("corrections");
    const staffView = (await getException(tdb.db, manager, id)) as StaffExceptionDetail;
    const answer = staffView.events.find((e) => e.kind === "answer")!;
    expect(answer).toMatchObject({ isAnswer: true, body: "Transferred 60 to our Reno branch", author: { email: a.v.email, distributor: true } });
    expect((await listExceptions(tdb.db, manager, q({ period: "2026-08", distributor: a.d.code }))).rows[0]).toMatchObject({ answered: true });
  });

  it("assigns and moves many at once, skipping what may not move", async () => {
    const dist = await makeDistributor(tdb.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await row("2026-09", 1000, 700, 240, dist);
      ids.push((await openException(tdb.db, manager, { distributor: dist.code, sku: r.p.sku, period: "2026-09" })).id);
    }
    await updateException(tdb.db, manager, ids[2]!, { status: "dismissed" });
    await expect(bulkUpdateExceptions(tdb.db, analyst, { ids, owner: "me" })).rejects.toMatchObject({ code: "forbidden" });
    const res = await bulkUpdateExceptions(tdb.db, manager, { ids, owner: manager2.email, status: "investigating" });
    expect(res.updated.sort()).toEqual([ids[0], ids[1]].sort());
    expect(res.skipped).toMatchObject([{ id: ids[2] }]);
    const mine = await listExceptions(tdb.db, manager2, q({ owner: "me", period: "2026-09" }));
    expect(mine.rows.map((r) => r.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(mine.rows.every((r) => r.status === "investigating")).toBe(true);
    const byEmail = await listExceptions(tdb.db, manager, q({ owner: manager2.email, period: "2026-09" }));
    expect(byEmail.rows).toHaveLength(2);
    const events = asRows(await tdb.db.execute(sql`select kind from exception_events where exception_id = ${ids[0]!}::uuid order by seq`));
    expect(events.map((e) => e.kind)).toEqual(["opened", "status", "owner"]);
  });
});
