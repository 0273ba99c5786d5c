import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { databaseLabel, suiteDatabase } from "@/lib/testing/suite-db";
import { addMovement, makeDistributor, makeProduct, makeViewer, makeViewers } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import * as t from "@/db/schema";
import { reminderKindAt, runReminders } from "@/lib/jobs/run-reminders";
import { sendOutbox } from "@/lib/mail/send-outbox";
import { submitPeriod } from "../submissions/submit-period";
import { listCompliance } from "../compliance/list-compliance";
import { asRows } from "@/db/sql-rows";
import { remindSelected } from "./remind-selected";
import { listOutbox } from "./list-outbox";

const tdb = suiteDatabase();
let manager: Viewer, analyst: Viewer;
beforeAll(async () => {
  [manager, analyst] = await makeViewers(tdb.db, "channel_manager", "rebate_analyst");
});

const DUE_OCT = new Date("2026-11-10T23:59:59Z");
const at = (iso: string) => new Date(iso);

async function tenant(users = 1) {
  const d = await makeDistributor(tdb.db);
  const viewers: Viewer[] = [];
  for (let i = 0; i < users; i++) viewers.push(await makeViewer(tdb.db, "distributor", d));
  const p = await makeProduct(tdb.db);
  await addMovement(tdb.db, { distributorId: d.id, productId: p.id, period: "2026-10", type: "sell_in", quantity: 10 });
  return { d, v: viewers[0]!, viewers, p };
}

async function outboxOf(distributorId: number) {
  return asRows<{ dedupe_key: string; kind: string; to_address: string; sent_at: unknown; subject: string }>(
    await tdb.db.execute(sql`select dedupe_key, kind, to_address, sent_at, subject from outbox where distributor_id = ${distributorId} order by created_at, dedupe_key`),
  );
}

describe("reminderKindAt", () => {
  it("before from N days ahead, due_day on the local due day until 23:59:59, overdue one second after", () => {
    expect(reminderKindAt(at("2026-11-07T23:59:58Z"), DUE_OCT, 3, "UTC")).toBeNull();
    expect(reminderKindAt(at("2026-11-07T23:59:59Z"), DUE_OCT, 3, "UTC")).toBe("before");
    expect(reminderKindAt(at("2026-11-10T00:00:00Z"), DUE_OCT, 3, "UTC")).toBe("due_day");
    expect(reminderKindAt(DUE_OCT, DUE_OCT, 3, "UTC")).toBe("due_day");
    expect(reminderKindAt(at("2026-11-11T00:00:00Z"), DUE_OCT, 3, "UTC")).toBe("overdue");
    expect(reminderKindAt(at("2026-11-09T12:00:00Z"), DUE_OCT, 0, "UTC")).toBeNull();
    expect(reminderKindAt(at("2027-01-01T00:00:00Z"), DUE_OCT, 3, "UTC")).toBeNull();
  });
});

describe(`reminder job (${databaseLabel})`, () => {
  it("running the job twice queues exactly one message per distributor and kind, to all its active users", async () => {
    const missing = await tenant(2);
    const done = await tenant();
    await submitPeriod(tdb.db, done.v, { period: "2026-10", source: "api", now: at("2026-11-05T00:00:00Z"), body: { baseRevision: null, lines: [{ sku: done.p.sku, sold: 1, returned: 0, onHand: 9 }] } });
    // Deactivated users get nothing.
    const gone = await makeViewer(tdb.db, "distributor", missing.d);
    await tdb.db.execute(sql`update users set active = false where id = ${gone.userId}`);

    const before = at("2026-11-08T09:00:00Z");
    const first = await runReminders(tdb.db, before);
    expect(first.locked).toBe(true);
    expect(first.queued.filter((q) => q.code === missing.d.code)).toEqual([
      { code: missing.d.code, period: "2026-10", kind: "before", key: `reminder:before:${missing.d.code}:2026-10` },
    ]);
    const second = await runReminders(tdb.db, at("2026-11-08T21:00:00Z"));
    expect(second.queued.filter((q) => q.code === missing.d.code)).toEqual([]);
    const rows = await outboxOf(missing.d.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to_address.split(", ").sort()).toEqual(missing.viewers.map((v) => v.email).sort());
    expect(await outboxOf(done.d.id)).toEqual([]);

    // On the due day and after it: one each, still never twice.
    await runReminders(tdb.db, at("2026-11-10T08:00:00Z"));
    await runReminders(tdb.db, at("2026-11-10T20:00:00Z"));
    await runReminders(tdb.db, at("2026-11-12T08:00:00Z"));
    await runReminders(tdb.db, at("2026-11-13T08:00:00Z"));
    expect((await outboxOf(missing.d.id)).map((r) => r.kind)).toEqual(["before", "due_day", "overdue"]);
  });

  it("several instances at once: one holds the lock, the outbox still gets each reminder once", async () => {
    const m = await tenant();
    const runs = await Promise.all([0, 1, 2].map(() => runReminders(tdb.db, at("2026-11-15T08:00:00Z"))));
    expect(runs.some((r) => r.locked)).toBe(true);
    const rows = (await outboxOf(m.d.id)).filter((r) => r.kind === "overdue");
    expect(rows).toHaveLength(1);
  });

  it("a closed period gets no reminders", async () => {
    const m = await tenant();
    await tdb.db.execute(sql`update periods set closed_at = now() where period = '2026-10-01'`);
    try {
      await runReminders(tdb.db, at("2026-11-16T08:00:00Z"));
      expect(await outboxOf(m.d.id)).toEqual([]);
    } finally {
      await tdb.db.execute(sql`update periods set closed_at = null where period = '2026-10-01'`);
    }
  });
});

describe(`remind selected (${databaseLabel})`, () => {
  it("a channel manager reminds a missing partner: exactly one message, also after a double click; shown on the board", async () => {
    const m = await tenant();
    const now = at("2026-11-20T10:00:00Z");
    const r1 = await remindSelected(tdb.db, manager, { distributors: [m.d.code], requestId: "render-0001" }, now);
    const r2 = await remindSelected(tdb.db, manager, { distributors: [m.d.code], requestId: "render-0001" }, now);
    expect(r1.queued).toEqual([{ code: m.d.code, period: "2026-10", kind: "manual", key: `reminder:manual:${m.d.code}:2026-10:render-0001` }]);
    expect(r2.queued).toEqual([]);
    expect(r2.duplicates).toEqual([m.d.code]);
    const rows = await outboxOf(m.d.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toMatch(/Oct 2026/);

    const board = await listCompliance(tdb.db, manager, { distributor: m.d.code, from: "2026-10", to: "2026-10" }, now);
    expect(board.rows[0]!.cells[0]).toMatchObject({ status: "missing", reminders: 1, lastReminderKind: "manual" });
    expect(board.rows[0]!.lastRemindedAt).not.toBeNull();

    const listed = await listOutbox(tdb.db, manager, { distributor: m.d.code });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: "manual", period: "2026-10", sentAt: null });

    // A later, separate click is a new reminder.
    await remindSelected(tdb.db, manager, { distributors: [m.d.code], requestId: "render-0002" }, now);
    expect(await outboxOf(m.d.id)).toHaveLength(2);
  });

  it("rebate analysts and distributors may not remind; unknown codes are a 400", async () => {
    const m = await tenant();
    for (const v of [analyst, m.v]) {
      await expect(remindSelected(tdb.db, v, { distributors: [m.d.code], requestId: "render-x001" })).rejects.toMatchObject({ status: 403 });
    }
    await expect(remindSelected(tdb.db, manager, { distributors: ["NOPE"], requestId: "render-x002" })).rejects.toBeInstanceOf(AppError);
  });
});

describe(`sending (${databaseLabel})`, () => {
  it("without SMTP nothing is sent and rows stay; with a transport each row is sent once", async () => {
    const m = await tenant();
    await remindSelected(tdb.db, manager, { distributors: [m.d.code], requestId: "send-0001" }, at("2026-11-20T10:00:00Z"));
    expect(await sendOutbox(tdb.db)).toEqual({ configured: false, sent: 0, failed: 0 });
    expect((await outboxOf(m.d.id))[0]!.sent_at).toBeNull();

    const sent: { to: string; subject: string }[] = [];
    const transport = { sendMail: async (msg: { to: string; subject: string }) => { sent.push(msg); return {}; } };
    const r = await sendOutbox(tdb.db, { transport: transport as never, limit: 500 });
    expect(r.configured).toBe(true);
    expect(r.sent).toBeGreaterThanOrEqual(1);
    expect(sent.filter((s) => s.to === m.v.email)).toHaveLength(1);
    expect((await outboxOf(m.d.id))[0]!.sent_at).not.toBeNull();
    const again = await sendOutbox(tdb.db, { transport: transport as never, limit: 500 });
    expect(again.sent).toBe(0);

    // A failing transport keeps the row unsent with the error.
    await remindSelected(tdb.db, manager, { distributors: [m.d.code], requestId: "send-0002" }, at("2026-11-20T10:00:00Z"));
    const broken = { sendMail: async () => { throw new Error("connection refused"); } };
    expect(await sendOutbox(tdb.db, { transport: broken as never })).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await tdb.db.select().from(t.outbox).where(sql`dedupe_key like ${"%:send-0002"}`);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: "connection refused" });
  });
});
