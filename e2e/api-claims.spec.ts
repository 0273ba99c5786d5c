/**
 * Ship & debit over the REST API against the built app, on rows of its own (a new distributor, its
 * product and user), so it changes nothing another spec reads: sell-in with unit_cost, authorisations
 * by CSV, a claim stored once for one Idempotency-Key, its answer as X12 849 and CSV, and another
 * distributor's claim and authorisations answering 404.
 */
import { test, expect, request as pwRequest, type APIRequestContext } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf, type AccountName } from "./accounts";

test.describe.configure({ mode: "serial" });

const tag = (Date.now().toString(36) + Math.random().toString(36).slice(2, 4)).toUpperCase();
const code = `SD${tag}`.slice(0, 12);
const sku = `SD-${tag}`;
const email = `claims-${tag.toLowerCase()}@e2e.test`;
const password = `claims-${tag}-password`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const SHIP = day(-10);
const PERIOD = SHIP.slice(0, 7);

const as = (who: AccountName) => pwRequest.newContext({ baseURL, storageState: storageStateOf(who) });
let admin: APIRequestContext, manager: APIRequestContext, northwind: APIRequestContext, dist: APIRequestContext;
let claimId = "";

test.beforeAll(async () => {
  [admin, manager, northwind] = await Promise.all([as("admin"), as("manager"), as("northwind")]);
  expect((await admin.post("/api/v1/admin/distributors", { data: { code, name: `Claims ${tag}`, ediIsaId: `ZZ:${code}` } })).status()).toBe(201);
  expect((await admin.post("/api/v1/admin/products", { data: { sku, description: "Ship & debit part", family: "E2E", listPrice: "10.00" } })).status()).toBe(201);
  expect((await admin.post("/api/v1/admin/users", { data: { email, name: `Claims ${tag}`, role: "distributor", distributorCode: code, password } })).status()).toBe(201);
  dist = await pwRequest.newContext({ baseURL });
  const { csrfToken } = await (await dist.get("/api/auth/csrf")).json();
  await dist.post("/api/auth/callback/credentials", { form: { csrfToken, email, password } });
  expect((await (await dist.get("/api/v1/me")).json()).distributor.code).toBe(code);
});

test.afterAll(async () => {
  for (const c of [admin, manager, northwind, dist]) await c?.dispose();
});

test("sell-in carries the distributor's unit cost, and authorisations import from CSV with their liability", async () => {
  const sellIn = `distributor_code,sku,ship_date,quantity,document,line,unit_cost\n${code},${sku},${day(-40)},500,SO-${tag},1,8.00\n`;
  const loaded = await manager.post("/api/v1/sell-in", { data: sellIn, headers: { "content-type": "text/csv" } });
  expect(await loaded.json()).toMatchObject({ loaded: 1, errors: [] });

  const csv = [
    "number,distributor,end_customer_name,sku,authorized_cost,quantity_limit,valid_from,valid_to",
    `SPA-${tag},${code},Acme Robotics,${sku},5.00,100,${day(-60)},${day(60)}`,
    `SPA-X-${tag},${code},Acme Robotics,NO-SUCH-${tag},5.00,100,${day(-60)},${day(60)}`,
  ].join("\n");
  const res = await manager.post("/api/v1/authorizations", { data: csv, headers: { "content-type": "text/csv" } });
  expect(res.status()).toBe(201);
  expect(await res.json()).toEqual({ created: 1, updated: 0, errors: [{ line: 3, message: `No SKU NO-SUCH-${tag}` }] });

  const mine = await (await dist.get("/api/v1/authorizations")).json();
  expect(mine.authorizations).toEqual([expect.objectContaining({ number: `SPA-${tag}`, remainingQuantity: 100, debitPerUnit: "3.00", openLiability: "300.00" })]);
  expect((await dist.post("/api/v1/authorizations", { data: csv, headers: { "content-type": "text/csv" } })).status()).toBe(403);
});

test("a claim needs an Idempotency-Key, and the same key answers the first answer without a second claim", async () => {
  const body = {
    period: PERIOD, reference: `CLM-${tag}`,
    lines: [{ authorization: `SPA-${tag}`, invoice: `INV-${tag}`, shipDate: SHIP, endCustomer: "Acme Robotics", sku, quantity: 10, bookCost: 8, authorizedCost: 5, claimedAmount: 30 }],
  };
  const missing = await dist.post("/api/v1/claims", { data: body });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error.code).toBe("idempotency_key_missing");

  const first = await dist.post("/api/v1/claims", { data: body, headers: { "Idempotency-Key": `claim-${tag}` } });
  expect(first.status()).toBe(201);
  expect(first.headers()["cache-control"]).toBe("no-store");
  const text = await first.text();
  const claim = JSON.parse(text);
  claimId = claim.id;
  expect(claim).toMatchObject({ period: PERIOD, reference: `CLM-${tag}`, revision: 1, distributor: { code } });
  // No POS was reported for the invoice: rejected, and the message says what to do.
  expect(claim.lines[0]).toMatchObject({ line: 1, outcome: "rejected", reasonCode: "NO_POS_SALE", approvedAmount: "0.00" });

  const again = await dist.post("/api/v1/claims", { data: body, headers: { "Idempotency-Key": `claim-${tag}` } });
  expect(again.status()).toBe(201);
  expect(await again.text()).toBe(text);
  const list = await (await dist.get("/api/v1/claims")).json();
  expect(list.claims.map((c: { id: string }) => c.id)).toEqual([claimId]);
});

test("the answer downloads as an X12 849 or CSV by Accept; anything else is 406", async () => {
  const x12 = await dist.get(`/api/v1/claims/${claimId}/response`, { headers: { accept: "application/edi-x12" } });
  expect(x12.status()).toBe(200);
  expect(x12.headers()["content-type"]).toBe("application/edi-x12");
  expect(x12.headers()["content-disposition"]).toBe(`attachment; filename="claim-${code}-${PERIOD}-CLM-${tag}-r1.849.edi"`);
  const edi = await x12.text();
  expect(edi).toMatch(new RegExp(`^ISA\\*00\\*.{10}\\*00\\*.{10}\\*ZZ\\*SELLTHRU {7}\\*ZZ\\*${code}`));
  expect(edi).toContain("ST*849*");

  const csv = await dist.get(`/api/v1/claims/${claimId}/response`, { headers: { accept: "text/csv" } });
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const rows = (await csv.text()).trim().split("\r\n");
  expect(rows[0]).toBe("claim,revision,line,authorization,invoice,invoice_line,sku,quantity,claimed_amount,outcome,approved_quantity,approved_amount,reason_code,message");
  expect(rows[1]).toContain(`CLM-${tag},1,1,SPA-${tag},INV-${tag},,${sku},10,30.00,rejected,0,0.00,NO_POS_SALE,`);

  expect((await dist.get(`/api/v1/claims/${claimId}/response`, { headers: { accept: "application/json" } })).status()).toBe(406);
});

test("another distributor gets 404 for the claim, its answer and the authorisations; staff see them", async () => {
  for (const url of [`/api/v1/claims/${claimId}`, `/api/v1/claims/${claimId}/response?format=csv`, `/api/v1/claims?distributor=${code}`, `/api/v1/authorizations?distributor=${code}`]) {
    const res = await northwind.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text(), url).not.toContain(tag);
  }
  expect(JSON.stringify(await (await northwind.get("/api/v1/claims")).json())).not.toContain(tag);
  const staff = await (await manager.get(`/api/v1/claims/${claimId}`)).json();
  expect(staff).toMatchObject({ id: claimId, distributor: { code } });
});
