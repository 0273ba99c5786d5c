/**
 * Issue 4 end to end: every shared fixture (lib/imports/__fixtures__) through the API and the
 * distributor's screen, to the per-SKU totals of expected.json.
 *
 * - Northwind (NWC) is only used for read-only previews (its cross-reference is needed for the
 *   UTF-16 inventory file): uploads are parsed, nothing is applied or submitted.
 * - Kestrel (KCE) is the distributor that changes: it maps the unknown part XYZ-9999 on the spot,
 *   confirms a mapping for a file whose headers need it (then re-uploads it: zero clicks), applies
 *   files to its grid and submits one with its uploadId, then reads the kept POS lines (JSON, CSV).
 */
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { baseURL } from "./env";
import { submitThroughReview } from "./through-review";

const FIX = path.resolve(__dirname, "../lib/imports/__fixtures__");
type Expect = { format?: string; kind: "pos_lines" | "summary"; sold?: Record<string, number>; returned?: Record<string, number>; onHand?: Record<string, number> };
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIX, "expected.json"), "utf8")) as Record<string, Expect>;
const FILES = Object.keys(EXPECTED);
const PERIOD = "2026-10";
const CONTENT_TYPE: Record<string, string> = {
  ".csv": "text/csv",
  ".txt": "text/tab-separated-values",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".edi": "application/edi-x12",
};

type Line = { sku: string; sold: number | null; returned: number | null; onHand: number | null };
const sum = (o: Record<string, number> | undefined) => (o ? Object.values(o).reduce((a, b) => a + b, 0) : null);
const digits = (s: string) => Number(s.replace(/[^\d-−]/g, "").replace("−", "-"));

/** The figures a file reports, as expected.json lists them (returns of 0 are not listed there). */
function perSku(lines: Line[], f: "sold" | "returned" | "onHand", exp: Record<string, number>) {
  const out: Record<string, number> = {};
  for (const l of lines) if (l[f] !== null && (l[f] !== 0 || l.sku in exp)) out[l.sku] = l[f]!;
  return out;
}

async function openSubmit(page: Page) {
  await page.goto(`/submit?period=${PERIOD}`);
  const panel = page.getByTestId("upload-panel");
  await expect(panel).toBeVisible();
  return panel;
}

/** Uploads a file through the drop zone's file input and waits for the review. */
async function uploadThroughUi(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const panel = page.getByTestId("upload-panel");
  const open = panel.getByRole("button", { name: "Upload a file" });
  if (await open.isVisible()) await open.click();
  await panel.getByLabel("Choose a POS or inventory file").setInputFiles(typeof file === "string" ? path.join(FIX, file) : file);
  await expect(panel.getByTestId("upload-review")).toBeVisible({ timeout: 30_000 });
  return panel;
}

/** Totals shown before applying: the sums, and the per-SKU table. */
async function expectShownTotals(page: Page, exp: Expect) {
  const panel = page.getByTestId("upload-panel");
  const shown = async (id: string) => (await panel.getByTestId(id).innerText()).trim();
  for (const [f, id] of [["sold", "upload-total-sold"], ["returned", "upload-total-returned"], ["onHand", "upload-total-onhand"]] as const) {
    const want = sum(exp[f]);
    if (want !== null) expect(digits(await shown(id)), `${f} total`).toBe(want);
  }
  await panel.getByTestId("upload-per-sku").locator("summary").click();
  for (const f of ["sold", "returned", "onHand"] as const) {
    for (const [sku, n] of Object.entries(exp[f] ?? {})) {
      const cell = panel.locator(`tr[data-sku="${sku}"] td[data-field="${f}"]`);
      expect(digits(await cell.innerText()), `${sku} ${f}`).toBe(n);
    }
  }
}

async function closePanel(page: Page) {
  const panel = page.getByTestId("upload-panel");
  await panel.getByRole("button", { name: "Close" }).first().click();
}

test.describe("uploads through the API (Northwind, preview only)", () => {
  test.use({ storageState: storageStateOf("northwind") });

  for (const file of FILES) {
    test(`POST /api/v1/uploads: ${file}`, async ({ request }) => {
      const exp = EXPECTED[file]!;
      const res = await request.post(`/api/v1/uploads?period=${PERIOD}&fileName=${encodeURIComponent(file)}`, {
        headers: { "content-type": CONTENT_TYPE[path.extname(file)]! },
        data: fs.readFileSync(path.join(FIX, file)),
      });
      expect(res.status()).toBe(200);
      const body = await res.json();
      expect(body.uploadId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.kind).toBe(exp.kind);
      if (exp.format) expect(body.format).toBe(exp.format);
      for (const f of ["sold", "returned", "onHand"] as const) if (exp[f]) expect(perSku(body.lines, f, exp[f]!), f).toEqual(exp[f]);
    });
  }

  test("multipart upload, a corrupt file (400) and the size limit message", async ({ request }) => {
    // A form body with the session cookie must name the app's origin (a script does; issue 12: lib/http/same-origin.ts).
    const res = await request.post(`/api/v1/uploads?period=${PERIOD}`, {
      headers: { origin: baseURL },
      multipart: { file: { name: "summary.csv", mimeType: "text/csv", buffer: fs.readFileSync(path.join(FIX, "summary-de-2026-10.csv")) } },
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).fileName).toBe("summary.csv");
    const bad = await request.post(`/api/v1/uploads?period=${PERIOD}`, {
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      data: Buffer.from("PK\u0003\u0004 definitely not a workbook"),
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe("validation_failed");
  });
});

test.describe("uploads previewed on Northwind's screen (nothing applied)", () => {
  test.use({ storageState: storageStateOf("northwind") });

  for (const file of FILES) {
    test(`review of ${file} shows the expected totals`, async ({ page }) => {
      await openSubmit(page);
      await uploadThroughUi(page, file);
      await expectShownTotals(page, EXPECTED[file]!);
      if (file === "northwind-pos-2026-10.csv") {
        const panel = page.getByTestId("upload-panel");
        await expect(panel.getByTestId("upload-unknown-parts")).toContainText("XYZ-9999");
        await expect(panel.getByTestId("upload-count-out-of-period")).toContainText("1 row outside");
        await expect(panel.getByTestId("upload-count-credits")).toContainText("1 credit");
        await expect(panel.getByTestId("upload-errors-csv")).toHaveAttribute("href", /\/api\/v1\/uploads\/[0-9a-f-]+\/errors$/);
      }
      if (file === "northwind-inventory-utf16.txt") await expect(page.getByTestId("upload-format")).toContainText("tab separated");
      await closePanel(page);
    });
  }
});

test.describe.serial("uploads applied and submitted by Kestrel", () => {
  test.use({ storageState: storageStateOf("kestrel") });

  test("a file whose headers need confirming: map once, then zero clicks", async ({ page }) => {
    const run = Date.now().toString(36);
    // Headers nobody can be sure of (unique per run, so the mapping is new every time).
    const csv = `Ref;Figure;Booked ${run};Who\nMCU-1000;12;2026-10-03;Acme\nLDO-330;7;2026-10-04;Acme\nMCU-1000;3;2026-10-20;Beta\n`;
    const file = { name: `odd-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) };
    await openSubmit(page);
    const panel = await uploadThroughUi(page, file);
    const mapping = panel.getByTestId("upload-mapping");
    await expect(mapping).toContainText("Which column is which?");
    await expect(mapping.getByRole("row").filter({ hasText: "MCU-1000" }).first()).toBeVisible(); // the preview
    await mapping.getByLabel("Field of column Ref").selectOption("sku");
    await mapping.getByLabel("Field of column Figure").selectOption("quantity");
    await mapping.getByLabel(`Field of column Booked ${run}`).selectOption("date");
    await mapping.getByLabel("Field of column Who").selectOption("endCustomer");
    await expect(panel.getByTestId("upload-apply")).toBeDisabled();
    await mapping.getByTestId("upload-confirm-mapping").click();
    await expect(panel.getByText("Mapping confirmed")).toBeVisible({ timeout: 30_000 });
    expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(22);
    await closePanel(page);

    // The same layout again: read with the remembered mapping, no question.
    await uploadThroughUi(page, file);
    await expect(page.getByTestId("upload-format")).toContainText("your saved mapping for this layout was used");
    await expect(panel.getByTestId("upload-mapping")).not.toContainText("Which column is which?");
    expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(22);
    await closePanel(page);
  });

  for (const file of FILES.filter((f) => f !== "northwind-inventory-utf16.txt" && f !== "northwind-pos-2026-10.csv")) {
    test(`${file}: totals, then applied to the grid as changes`, async ({ page }) => {
      const exp = EXPECTED[file]!;
      await openSubmit(page);
      await uploadThroughUi(page, file);
      await expectShownTotals(page, exp);
      await page.getByTestId("upload-apply").click();
      await expect(page.getByTestId("upload-panel")).toContainText(/Applied .*cells? changed/);
      // A figure the file reports is in the grid now.
      const [f, values] = (["onHand", "sold", "returned"] as const).map((k) => [k, exp[k]] as const).find(([, v]) => v)!;
      const [sku, n] = Object.entries(values!)[0]!;
      await page.getByLabel("Search SKU", { exact: true }).fill(sku);
      const label = f === "onHand" ? "On hand" : f === "sold" ? "Sold" : "Returned";
      await expect.poll(async () => digits(await page.getByLabel(`${label}, ${sku}`, { exact: true }).inputValue())).toBe(n);
      await page.getByLabel("Search SKU", { exact: true }).fill("");
    });
  }

  test("the POS CSV: unknown part mapped on the spot, applied, submitted with its uploadId; POS lines readable", async ({ page }) => {
    const file = "northwind-pos-2026-10.csv";
    const exp = EXPECTED[file]!;
    await openSubmit(page);
    const panel = await uploadThroughUi(page, file);
    const unknown = panel.getByTestId("upload-unknown-parts");
    let xyz = 0;
    if (await unknown.isVisible()) {
      // First run on this server: XYZ-9999 is unknown; the totals are the file's known parts.
      await expectShownTotals(page, exp);
      await expect(unknown).toContainText("XYZ-9999");
      await unknown.getByLabel("Map XYZ-9999 to SKU").fill("MCU-1000");
      await unknown.getByRole("button", { name: "Map", exact: true }).click();
      await expect(panel.getByText("mapped and remembered: XYZ-9999 → MCU-1000")).toBeVisible({ timeout: 30_000 });
    }
    // Mapped (now, or remembered from an earlier run): its 15 units count for MCU-1000.
    await expect(panel.getByTestId("upload-unknown-parts")).toHaveCount(0);
    xyz = 15;
    expect(digits(await panel.getByTestId("upload-rows-accepted").innerText())).toBe(62);
    expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(sum(exp.sold)! + xyz);

    await page.getByTestId("upload-apply").click();
    await page.getByLabel("Search SKU", { exact: true }).fill("MCU-1000");
    await expect.poll(async () => digits(await page.getByLabel("Sold, MCU-1000", { exact: true }).inputValue())).toBe(exp.sold!["MCU-1000"]! + xyz);
    await page.getByLabel("Search SKU", { exact: true }).fill("");

    // The 43 SKUs the file leaves out are set to 0 sold: the check may flag rows, confirmed here as reported.
    await submitThroughReview(page, () => page.getByTestId("submit-report").click(), new RegExp(`/history/${PERIOD}/\\d+\\?receipt=1`));

    const revisions = await (await page.request.get(`/api/v1/submissions/${PERIOD}/revisions`)).json();
    expect(revisions[0].source).toBe("upload");

    const res = await page.request.get(`/api/v1/submissions/${PERIOD}/pos-lines`);
    expect(res.status()).toBe(200);
    const lines = (await res.json()) as { sku: string; quantity: number; endCustomer: string | null; invoice: string | null; distributorPart: string | null }[];
    expect(lines).toHaveLength(62);
    const sold: Record<string, number> = {};
    for (const l of lines) sold[l.sku] = (sold[l.sku] ?? 0) + l.quantity;
    expect(sold).toEqual({ ...exp.sold, "MCU-1000": exp.sold!["MCU-1000"]! + xyz });
    expect(lines.find((l) => l.distributorPart === "XYZ-9999")).toMatchObject({ sku: "MCU-1000", quantity: 15, endCustomer: "Orbit Drones LLC" });

    const csv = await page.request.get(`/api/v1/submissions/${PERIOD}/pos-lines`, { headers: { accept: "text/csv" } });
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("sku,quantity,invoiceDate,invoice,invoiceLine,unitPrice,endCustomer,shipToCity,shipToState,shipToCountry,transferType,distributorPart,sourceLine");
    expect(text.trim().split("\r\n")).toHaveLength(63);

    // Another distributor's POS lines: 404.
    expect((await page.request.get(`/api/v1/submissions/${PERIOD}/pos-lines?distributor=NWC`)).status()).toBe(404);
  });
});
