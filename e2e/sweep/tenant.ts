import { request as pwRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { storageStateOf, type AccountName } from "../accounts";
import { baseURL } from "../env";

export const VICTIM = "NWC";
export const VICTIM_EMAIL = "ops@northwind.test";

export async function contextOf(who: AccountName | null): Promise<APIRequestContext> {
  return pwRequest.newContext({ baseURL, ...(who ? { storageState: storageStateOf(who) } : {}) });
}

async function json<T>(res: APIResponse, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** Real ids that belong to the victim distributor, created or looked up through the API. */
export interface VictimIds {
  openPeriod: string;
  period: string; // an open period other than the one the worked example (exceptions-workflow) changes
  closedPeriod: string | null;
  revision: number; // a revision number NWC has in `period` (and, ideally, the attacker does not)
  attackerHasRevision: boolean;
  submissionId: string;
  exceptionId: string;
  sku: string;
  correctionId: string;
  uploadId: string;
  tokenId: string;
  programId: string;
  secretNote: string;
  submitterName: string;
  victimName: string;
  /** Ship & debit: an authorisation, a claim and an override of NWC's (the override waits when above the limit). */
  authorizationNumber: string;
  claimId: string;
  overrideId: string;
}

export async function prepareVictim(staff: APIRequestContext, nwc: APIRequestContext, attacker: APIRequestContext): Promise<VictimIds> {
  const stamp = Date.now().toString(36);
  const periods = await json<{ period: string; state: string }[]>(await staff.get("/api/v1/periods"), "periods");
  const open = periods.filter((p) => p.state === "open").map((p) => p.period);
  if (open.length < 2) throw new Error(`need two open periods, got ${open.join(",")}`);
  const openPeriod = open[0];
  const period = open[1];
  const closedPeriod = periods.find((p) => p.state === "closed")?.period ?? null;

  // A new NWC revision in `period`, so NWC has a revision number the attacker lacks.
  const current = await json<{ revision: number | null; lines: { sku: string; sold: number; returned: number; onHand: number }[] }>(
    await nwc.get(`/api/v1/submissions/${period}`),
    "nwc submission",
  );
  const posted = await json<{ revision: number; submissionId: string }>(
    await nwc.post(`/api/v1/submissions/${period}`, {
      headers: { "Idempotency-Key": `sweep-${stamp}` },
      data: { baseRevision: current.revision, lines: current.lines.map(({ sku, sold, returned, onHand }) => ({ sku, sold, returned, onHand })) },
    }),
    "nwc submits",
  );
  const revs = await json<{ revision: number; submittedBy: string }[]>(await staff.get(`/api/v1/submissions/${period}/revisions?distributor=${VICTIM}`), "nwc revisions");
  const mine = await json<{ revision: number }[]>(await attacker.get(`/api/v1/submissions/${period}/revisions`), "attacker revisions");
  const detail = await json<{ distributor: { name: string } }>(await staff.get(`/api/v1/submissions/${period}?distributor=${VICTIM}`), "nwc detail");

  // An exception of NWC's that no other spec touches (not the worked example MCU-1000 in the open period).
  const sku = current.lines.map((l) => l.sku).find((s) => s !== "MCU-1000")!;
  const opened = await staff.post("/api/v1/exceptions", { data: { distributor: VICTIM, sku, period, note: `sweep fixture ${stamp}` } });
  if (!opened.ok()) throw new Error(`open exception: ${opened.status()} ${await opened.text()}`);
  const list = await json<{ rows: { id: string; sku: string; period: string }[] }>(
    await staff.get(`/api/v1/exceptions?distributor=${VICTIM}&period=${period}&sku=${encodeURIComponent(sku)}`),
    "exceptions",
  );
  const exceptionId = list.rows.find((r) => r.sku === sku)!.id;
  const secretNote = `sweep-secret-${stamp}-nwc-answer`;
  await json(await nwc.post(`/api/v1/exceptions/${exceptionId}/notes`, { data: { body: secretNote } }), "nwc note");
  await json(await staff.post(`/api/v1/exceptions/${exceptionId}/corrections`, { data: { quantity: -1, type: "transfer", reason: `sweep fixture ${stamp}` } }), "correction");
  const ex = await json<{ corrections: { id: string }[] }>(await staff.get(`/api/v1/exceptions/${exceptionId}`), "exception detail");

  const upload = await json<{ uploadId: string }>(
    await nwc.post(`/api/v1/uploads?period=${period}`, { headers: { "content-type": "text/csv" }, data: `sku,sold,returned,on_hand\n${sku},1,0,1\n` }),
    "nwc upload",
  );
  const token = await json<{ id: string }>(await nwc.post("/api/v1/tokens", { data: { name: `sweep ${stamp}` } }), "nwc token");
  const programs = await json<{ programs: { id: string }[] }>(await staff.get("/api/v1/rebates"), "rebates");
  const sd = await prepareClaim(staff, nwc, sku, stamp);

  return {
    openPeriod,
    period,
    closedPeriod,
    revision: posted.revision,
    attackerHasRevision: mine.some((r) => r.revision === posted.revision),
    submissionId: posted.submissionId,
    exceptionId,
    sku,
    correctionId: ex.corrections[0].id,
    uploadId: upload.uploadId,
    tokenId: token.id,
    programId: programs.programs[0].id,
    secretNote,
    submitterName: revs.find((r) => r.revision !== posted.revision)?.submittedBy ?? revs[0].submittedBy,
    victimName: detail.distributor.name,
    ...sd,
  };
}

/** An NWC authorisation (by staff), a claim on it (by NWC) and an override of its line (by the rebate team). */
async function prepareClaim(staff: APIRequestContext, nwc: APIRequestContext, sku: string, stamp: string) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const authorizationNumber = `SWEEP-${stamp}`.toUpperCase();
  await json(await staff.post("/api/v1/authorizations", {
    data: { number: authorizationNumber, distributor: VICTIM, endCustomer: { name: "Sweep Customer" }, sku, authorizedCost: 0.01, quantityLimit: 1000, validFrom: day(-60), validTo: day(60) },
  }), "nwc authorisation");
  const ship = day(-5);
  const claim = await json<{ id: string }>(await nwc.post("/api/v1/claims", {
    headers: { "Idempotency-Key": `sweep-claim-${stamp}` },
    data: { period: ship.slice(0, 7), reference: `SWEEP-${stamp}`, lines: [{ authorization: authorizationNumber, invoice: `SWEEP-INV-${stamp}`, shipDate: ship, endCustomer: "Sweep Customer", sku, quantity: 500, bookCost: 5, authorizedCost: 0.01, claimedAmount: 2495 }] },
  }), "nwc claim");
  const rebates = await contextOf("rebates");
  const override = await json<{ id: string }>(await rebates.post(`/api/v1/claims/${claim.id}/lines/1/override`, {
    data: { outcome: "approved", approvedQuantity: 500, approvedAmount: 2000, note: "sweep fixture: waits for a second approver" },
  }), "override");
  await rebates.dispose();
  return { authorizationNumber, claimId: claim.id, overrideId: override.id };
}

/** What "NWC's data" is, as seen by staff and NWC itself; compared before and after the sweep. */
export async function snapshot(staff: APIRequestContext, nwc: APIRequestContext, v: VictimIds) {
  const get = async (ctx: APIRequestContext, url: string) => {
    const res = await ctx.get(url);
    return { status: res.status(), body: res.ok() ? await res.json() : null };
  };
  const exc = (await get(staff, `/api/v1/exceptions/${v.exceptionId}`)).body as {
    status: string; reason: unknown; owner: unknown; events: { kind: string; body: string | null }[]; corrections: { id: string; status: string }[];
  };
  const list = (await get(staff, `/api/v1/exceptions?distributor=${VICTIM}&limit=1000`)).body as { rows: { id: string; sku: string; period: string; status: string; owner: unknown; reason: unknown }[] };
  const tokens = (await get(nwc, "/api/v1/tokens")).body as { id: string; revokedAt?: unknown }[];
  return {
    periods: (await get(staff, "/api/v1/periods")).body,
    revisionsOpen: (await get(staff, `/api/v1/submissions/${v.openPeriod}/revisions?distributor=${VICTIM}`)).body,
    revisions: (await get(staff, `/api/v1/submissions/${v.period}/revisions?distributor=${VICTIM}`)).body,
    submission: (await get(staff, `/api/v1/submissions/${v.period}?distributor=${VICTIM}`)).body,
    exception: { status: exc.status, reason: exc.reason, owner: exc.owner, events: exc.events.map((e) => `${e.kind}:${e.body}`), corrections: exc.corrections.map((c) => `${c.id}:${c.status}`) },
    // The worked example (MCU-1000, open period) is changed on purpose by exceptions-workflow, which runs alongside.
    exceptions: list.rows
      .filter((r) => !(r.sku === "MCU-1000" && r.period === v.openPeriod))
      .map((r) => `${r.id}:${r.sku}:${r.period}:${r.status}:${JSON.stringify(r.owner)}:${r.reason}`)
      .sort(),
    tokens: tokens.map((t) => JSON.stringify(t)).sort(),
    me: (await get(nwc, "/api/v1/me")).status,
    upload: await get(nwc, `/api/v1/uploads/${v.uploadId}`),
    rebates: (await get(staff, "/api/v1/rebates")).body,
    authorizations: (await get(staff, `/api/v1/authorizations?distributor=${VICTIM}`)).body,
    claims: (await get(staff, `/api/v1/claims?distributor=${VICTIM}`)).body,
    claim: await get(staff, `/api/v1/claims/${v.claimId}`),
    eligibility: (await get(staff, `/api/v1/rebates/${v.programId}/eligibility`)).body,
  };
}
