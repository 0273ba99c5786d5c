/**
 * Issue 12, item 10: the two-person rule cannot be bypassed by one admin — an approver whose account
 * the proposer created, re-roled or reset within a day (or the other way round, or both made by one
 * admin) is refused, every attempt audited, and the correction stays unapplied.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeGapRow, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { createUser } from "../admin/create-user";
import { updateUser } from "../admin/update-user";
import { loadViewerByUserId } from "../auth/load-viewer";
import { checkCredentials } from "../auth/check-credentials";
import { openException } from "../exceptions/open-exception";
import { asRows } from "@/db/sql-rows";
import { approveCorrection, AuditedRefusal, proposeCorrection } from "./corrections";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
});

let n = 0;
/** A user made through the admin verbs (so who made it, and when, is recorded), as a viewer. */
async function made(by: Viewer, role: "channel_manager" | "admin"): Promise<Viewer> {
  const email = `made-${Date.now()}-${n++}@test.local`;
  await createUser(tdb.db, by, { email, name: "Made", role, password: "correct horse battery" });
  const ok = (await checkCredentials(tdb.db, email, "correct horse battery"))!;
  return (await loadViewerByUserId(tdb.db, ok.userId, ok.sessionVersion))!;
}

async function proposal(proposer: Viewer) {
  const { d, p } = await makeGapRow(tdb.db, "2026-07");
  const { id } = await openException(tdb.db, proposer, { distributor: d.code, sku: p.sku, period: "2026-07" });
  return proposeCorrection(tdb.db, proposer, id, { quantity: -60, type: "transfer", reason: "To Reno" });
}

const refusals = async (correctionId: string) =>
  asRows<{ actor_id: string; reason: string }>(
    await tdb.db.execute(sql`select actor_id, data->>'reason' as reason from audit_log where action = 'correction.approve_refused' and data->>'correctionId' = ${correctionId}`),
  );
const applied = async (correctionId: string) =>
  asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from movements where correction_id = ${correctionId}::uuid`))[0]!.n;

describe(`the two-person rule against one admin (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("refuses an approver the proposer created, and audits the attempt", async () => {
    const admin = await makeViewer(tdb.db, "admin");
    const puppet = await made(admin, "channel_manager");
    // The admin makes themselves a channel manager to propose (a self re-role).
    await updateUser(tdb.db, admin, admin.email, { role: "channel_manager" });
    const proposer = { ...admin, role: "channel_manager" as const };
    const c = await proposal(proposer);
    const e = await approveCorrection(tdb.db, puppet, c.id).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuditedRefusal);
    expect((e as AuditedRefusal).status).toBe(403);
    expect((e as Error).message).toBe("A correction needs a second person: the proposer created your account in the last 24 hours");
    expect(await refusals(c.id)).toEqual([{ actor_id: puppet.userId, reason: (e as Error).message }]);
    expect(await applied(c.id)).toBe(0);
  });

  it("refuses an approver the proposer re-roled or reset, the reverse, and two accounts made by one admin", async () => {
    const admin = await makeViewer(tdb.db, "admin");
    const old = await makeViewer(tdb.db, "channel_manager"); // made long ago, by nobody we know
    const other = await makeViewer(tdb.db, "channel_manager");
    // One admin re-roles an analyst into a manager and approves a proposal by... themselves, re-roled.
    const analyst = await makeViewer(tdb.db, "rebate_analyst");
    await updateUser(tdb.db, admin, analyst.email, { role: "channel_manager" });
    await updateUser(tdb.db, admin, admin.email, { role: "channel_manager" });
    const asManager = (v: Viewer) => ({ ...v, role: "channel_manager" as const });
    let c = await proposal(asManager(admin));
    await expect(approveCorrection(tdb.db, asManager(analyst), c.id)).rejects.toThrow(/the proposer set the role of your account/);

    // The reverse: the approver reset the proposer's password (and so knows it).
    const boss = await makeViewer(tdb.db, "admin");
    await updateUser(tdb.db, boss, old.email, { password: "a new long password" });
    await updateUser(tdb.db, boss, boss.email, { role: "channel_manager" });
    c = await proposal(old);
    await expect(approveCorrection(tdb.db, asManager(boss), c.id)).rejects.toThrow(/you set the password of the proposer's account/);

    // Two accounts of one hand: an admin creates two managers, one proposes, the other approves.
    const maker = await makeViewer(tdb.db, "admin");
    const x = await made(maker, "channel_manager");
    const y = await made(maker, "channel_manager");
    c = await proposal(x);
    await expect(approveCorrection(tdb.db, y, c.id)).rejects.toThrow(/one person created or changed both/);
    expect(await refusals(c.id)).toHaveLength(1);

    // Anyone else is a second person: the correction is applied.
    const ok = await approveCorrection(tdb.db, other, c.id);
    expect(ok.status).toBe("approved");
    expect(await applied(c.id)).toBe(1);
  });

  it("counts only the last 24 hours", async () => {
    const admin = await makeViewer(tdb.db, "admin");
    const puppet = await made(admin, "channel_manager");
    await updateUser(tdb.db, admin, admin.email, { role: "channel_manager" });
    const owner = await tdb.owner();
    await owner.execute(sql`update users set created_at = now() - interval '25 hours', role_set_at = now() - interval '25 hours', password_set_at = now() - interval '25 hours'
      where id in (${puppet.userId}::uuid, ${admin.userId}::uuid)`);
    const c = await proposal({ ...admin, role: "channel_manager" });
    expect((await approveCorrection(tdb.db, puppet, c.id)).status).toBe("approved");
  });
});
