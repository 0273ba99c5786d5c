/**
 * Issue 16, items 1 and 2: the approval queue (count, list, notices and e-mail to the proposer's
 * colleagues who may approve) and "resolved by correction" for a hand-opened exception.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { suiteDatabase } from "@/lib/testing/suite-db";
import { makeGapRow, makeViewer, makeViewers } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { exceptionQuerySchema } from "@/lib/validation/exceptions";
import { getException } from "../exceptions/get-exception";
import { listExceptions } from "../exceptions/list-exceptions";
import { openException } from "../exceptions/open-exception";
import { updateException } from "../exceptions/update-exception";
import { asRows } from "@/db/sql-rows";
import { listOpenNotices } from "./approval-notices";
import { countToApprove, listApprovalQueue } from "./approval-queue";
import { approveCorrection, proposeCorrection, rejectCorrection } from "./corrections";

const tdb = suiteDatabase();
let proposer: Viewer, approver: Viewer, analyst: Viewer;
beforeAll(async () => {
  [proposer, approver, analyst] = await makeViewers(tdb.db, "channel_manager", "channel_manager", "rebate_analyst");
});

async function proposed(period: string, quantity = -60) {
  const row = await makeGapRow(tdb.db, period);
  const { id } = await openException(tdb.db, proposer, { distributor: row.d.code, sku: row.p.sku, period });
  const c = await proposeCorrection(tdb.db, proposer, id, { quantity, type: "adjustment", reason: "Moved to Reno" });
  return { ...row, exceptionId: id, correctionId: c.id };
}

const outboxFor = async (correctionId: string) =>
  asRows<{ to_address: string; subject: string; kind: string }>(
    await tdb.db.execute(sql`select to_address, subject, kind from outbox where dedupe_key like ${`approval:${correctionId}:%`} order by to_address`),
  );

describe(`the approval queue (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("counts, lists and notices a proposal for the colleagues who may approve, not for the proposer", async () => {
    const before = await countToApprove(tdb.db, approver);
    const p = await proposed("2026-05");
    expect(await countToApprove(tdb.db, approver)).toBe(before + 1);
    expect(await countToApprove(tdb.db, analyst)).toBe(0);
    const mineBefore = (await listApprovalQueue(tdb.db, proposer)).find((r) => r.correctionId === p.correctionId);
    expect(mineBefore).toMatchObject({ mine: true, signed: -60, gap: 60, gapAfter: 0, calculated: 300, reported: 240, distributor: p.d.code, sku: p.p.sku, period: "2026-05" });
    expect((await listApprovalQueue(tdb.db, approver)).find((r) => r.correctionId === p.correctionId)?.mine).toBe(false);

    const notices = await listOpenNotices(tdb.db, approver);
    expect(notices.find((n) => n.href.endsWith(p.correctionId))?.body).toBe(`${proposer.name} proposed a correction of \u221260 on ${p.d.code} × ${p.p.sku}, May 2026: Moved to Reno`);
    expect((await listOpenNotices(tdb.db, proposer)).some((n) => n.href.endsWith(p.correctionId))).toBe(false);
    const mails = await outboxFor(p.correctionId);
    expect(mails.map((m) => m.to_address)).toContain(approver.email);
    expect(mails.map((m) => m.to_address)).not.toContain(proposer.email);
    expect(mails.map((m) => m.to_address)).not.toContain(analyst.email);
    expect(mails[0]).toMatchObject({ kind: "approval", subject: `To approve: a correction of \u221260 on ${p.d.code} × ${p.p.sku}, May 2026` });

    // Someone who turned e-mail off gets the notice, not the mail.
    const quiet = await makeViewer(tdb.db, "channel_manager");
    await tdb.db.execute(sql`update users set notify_email = false where id = ${quiet.userId}::uuid`);
    const q2 = await proposed("2026-05");
    expect((await listOpenNotices(tdb.db, quiet)).some((n) => n.href.endsWith(q2.correctionId))).toBe(true);
    expect((await outboxFor(q2.correctionId)).map((m) => m.to_address)).not.toContain(quiet.email);

    // The exceptions filter "awaiting approval".
    const awaiting = await listExceptions(tdb.db, approver, exceptionQuerySchema.parse({ corrections: "awaiting", distributor: p.d.code }));
    expect(awaiting.rows.map((r) => r.id)).toEqual([p.exceptionId]);

    // Deciding closes everyone's notice; the count falls.
    await rejectCorrection(tdb.db, approver, q2.correctionId, { reason: "Not this one" });
    expect((await listOpenNotices(tdb.db, quiet)).some((n) => n.href.endsWith(q2.correctionId))).toBe(false);
    await approveCorrection(tdb.db, approver, p.correctionId, { note: "Checked the transfer note" });
    expect((await listOpenNotices(tdb.db, approver)).some((n) => n.href.endsWith(p.correctionId))).toBe(false);
    expect(await countToApprove(tdb.db, approver)).toBe(before);
    expect((await listExceptions(tdb.db, approver, exceptionQuerySchema.parse({ corrections: "awaiting", distributor: p.d.code }))).rows).toEqual([]);
  });

  it("resolves a hand-opened exception by correction when the approval brings its row within tolerance, and says so to the distributor", async () => {
    const p = await proposed("2026-06");
    const res = await approveCorrection(tdb.db, approver, p.correctionId, { note: "Transfer note seen" });
    expect(res.exceptionResolved).toBe(true);
    expect(res.ledger).toMatchObject({ calculated: 240, reported: 240, gap: 0 });
    const staff = await getException(tdb.db, approver, p.exceptionId);
    expect(staff).toMatchObject({ status: "resolved", resolution: "correction" });
    const approved = staff.events.find((e) => e.kind === "correction.approved");
    expect(approved?.body).toBe("Transfer note seen");
    expect(staff.events.at(-1)).toMatchObject({ kind: "status", body: "Resolved by correction" });
    const partner = await getException(tdb.db, p.v, p.exceptionId);
    expect(partner).toMatchObject({ status: "resolved", resolution: "correction" });
    const list = await listExceptions(tdb.db, p.v, exceptionQuerySchema.parse({ status: "resolved" }));
    expect(list.rows.find((r) => r.id === p.exceptionId)?.resolution).toBe("correction");

    // Reopened by hand, the resolution no longer stands.
    await updateException(tdb.db, approver, p.exceptionId, { status: "open" });
    expect(await getException(tdb.db, approver, p.exceptionId)).toMatchObject({ status: "open", resolution: null });
  });

  it("leaves the exception open when the approved correction does not bring the row within tolerance", async () => {
    const p = await proposed("2026-07", -5); // gap 60 → 55: still ≥ 50 units
    const res = await approveCorrection(tdb.db, approver, p.correctionId);
    expect(res.exceptionResolved).toBe(false);
    expect(await getException(tdb.db, approver, p.exceptionId)).toMatchObject({ status: "open", resolution: null });
  });
});
