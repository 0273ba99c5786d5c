import { test, expect, request as pwRequest, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { baseURL } from "./env";
import { addPeriods, signInToGrid } from "./own-distributor";

/**
 * Issue 14 item 7: ten scattered cells by keyboard in about thirty actions. A distributor of its own
 * (created through the admin API, with twelve products of its own and last month's sell-in) so nothing
 * another spec reads changes. Typing a SKU's letters in a quantity cell opens "Go to SKU" with them
 * (type to jump); Enter lands in the same column of that row; the value is typed; the next SKU's
 * letters jump again. Every key press or typed word is counted as one action.
 */

const uniq = Date.now().toString(36).toUpperCase().slice(-5);
const CODE = `KJ${uniq}`;
const EMAIL = `keys-${uniq.toLowerCase()}@jump.test`;
const PASSWORD = "ten-cells-thirty-keys";
const WORDS = ["QALF", "QBRV", "QCHR", "QDLT", "QECH", "QFXT", "QGLF", "QHTL", "QIND", "QJLT", "QKIL", "QLIM"];
const SKUS = WORDS.map((w) => `${w}-${uniq}`);

let admin: APIRequestContext;
let open: string;

test.beforeAll(async () => {
  admin = await pwRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const periods: { period: string; state: string }[] = await (await admin.get("/api/v1/periods")).json();
  open = periods.find((p) => p.state === "open")!.period;
  expect((await admin.post("/api/v1/admin/distributors", { data: { code: CODE, name: `Keyboard Jump ${uniq}` } })).status()).toBe(201);
  for (const sku of SKUS) expect((await admin.post("/api/v1/admin/products", { data: { sku, description: `Jump part ${sku}`, family: "Jump", listPrice: "1.00" } })).status()).toBe(201);
  const user = await admin.post("/api/v1/admin/users", { data: { email: EMAIL, name: "Kim Keys", role: "distributor", distributorCode: CODE, password: PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);
  const prev = addPeriods(open, -1);
  const csv = ["distributor_code,sku,ship_date,quantity,document,line", ...SKUS.map((sku, i) => `${CODE},${sku},${prev}-10,50,KJ-${uniq},${i + 1}`)].join("\n");
  const res = await admin.post("/api/v1/sell-in", { headers: { "content-type": "text/csv" }, data: csv });
  expect(res.status(), await res.text()).toBe(200);
});
test.afterAll(async () => admin?.dispose());

test("ten scattered cells take thirty keyboard actions: the SKU's letters, Enter, the value", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInToGrid(page, EMAIL, PASSWORD, open);
  // Scattered: ten of the twelve rows in no order, five counted on hand, then five sold.
  const targets = [11, 2, 7, 0, 9, 4, 10, 1, 6, 3].map((i, n) => ({ sku: SKUS[i]!, word: WORDS[i]!, field: n < 5 ? "On hand" : "Sold", value: String(10 + n) }));
  await page.getByLabel(`On hand, ${SKUS[5]}`, { exact: true }).focus();
  let actions = 0;
  for (const [n, t] of targets.entries()) {
    if (n === 5) {
      // One change of column: Shift+Tab twice (On hand → Returned → Sold).
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      actions += 2;
    }
    await page.keyboard.type(t.word.toLowerCase());
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`${t.field}, ${t.sku}`);
    await page.keyboard.type(t.value);
    actions += 3;
  }
  for (const t of targets) await expect(page.getByLabel(`${t.field}, ${t.sku}`, { exact: true })).toHaveValue(t.value);
  // Three per cell, two for the one change of column.
  expect(actions).toBe(32);
  test.info().annotations.push({ type: "keyboard actions", description: `${actions} for ten scattered cells` });
  await page.context().close();
});
