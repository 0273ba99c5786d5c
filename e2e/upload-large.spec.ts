/**
 * Issue 4, large files: a line-level POS CSV above the split size (the e2e server sets
 * SELLTHRU_SPLIT_UPLOAD_MB=1) is read in two parts — the second half on a worker thread of the
 * production build — and answers the totals and counts of the file, through the API and the
 * distributor's screen (preview only: nothing is applied or submitted).
 */
import { test, expect } from "@playwright/test";
import { storageStateOf } from "./accounts";

const PERIOD = "2026-10";
const SKUS = ["MCU-1000", "LDO-330"];
const ROWS = 24_000;

/** ~2 MB of Northwind-style lines with known totals; some quoted, some credits, one unknown part. */
function bigCsv() {
  const sold: Record<string, number> = { "MCU-1000": 0, "LDO-330": 0 };
  const lines = ["Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer,Ship-To City,Ship-To State,Ship-To Country"];
  let credits = 0;
  for (let i = 0; i < ROWS; i++) {
    const sku = i === ROWS - 7 ? "NOT-OURS-1" : SKUS[i % 2]!;
    const qty = i % 97 === 0 ? -(1 + (i % 5)) : 1 + (i % 40);
    if (sku in sold) {
      sold[sku]! += qty;
      if (qty < 0) credits++;
    }
    const desc = i % 3 === 0 ? '"32-bit MCU, 64 KB flash"' : "LDO 3.3 V";
    lines.push(`10/${String(1 + (i % 28)).padStart(2, "0")}/2026,INV26${String(Math.floor(i / 4)).padStart(7, "0")},${(i % 4) + 1},${sku},${desc},${qty},1.${i % 100},Customer ${i % 50},Springfield,IL,US`);
  }
  return { buffer: Buffer.from(lines.join("\r\n") + "\r\n"), sold, credits };
}

test.describe("a large POS file (two-part read)", () => {
  test.use({ storageState: storageStateOf("northwind") });

  test("POST /api/v1/uploads answers the file's totals, counts and stored lines", async ({ request }) => {
    const file = bigCsv();
    expect(file.buffer.byteLength).toBeGreaterThan(1.5 * 1024 * 1024);
    const res = await request.post(`/api/v1/uploads?period=${PERIOD}&fileName=large.csv`, { headers: { "content-type": "text/csv" }, data: file.buffer });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ format: "csv", kind: "pos_lines", rowsRead: ROWS, rowsAccepted: ROWS - 1, credits: file.credits, bytes: file.buffer.byteLength });
    expect(body.unknownParts).toEqual([{ part: "NOT-OURS-1", rows: 1 }]);
    expect(body.counts).toMatchObject({ errors: 0, duplicates: 0, outOfPeriod: 0, posLines: ROWS - 1 });
    const sold = Object.fromEntries((body.lines as { sku: string; sold: number }[]).map((l) => [l.sku, l.sold]));
    expect(sold).toEqual(file.sold);
  });

  test("the distributor's screen shows the same totals before applying", async ({ page }) => {
    const file = bigCsv();
    await page.goto(`/submit?period=${PERIOD}`);
    const panel = page.getByTestId("upload-panel");
    const open = panel.getByRole("button", { name: "Upload a file" });
    if (await open.isVisible()) await open.click();
    await panel.getByLabel("Choose a POS or inventory file").setInputFiles({ name: "large.csv", mimeType: "text/csv", buffer: file.buffer });
    await expect(panel.getByTestId("upload-review")).toBeVisible({ timeout: 60_000 });
    const digits = async (id: string) => Number((await panel.getByTestId(id).innerText()).replace(/[^\d-−]/g, "").replace("−", "-"));
    expect(await digits("upload-rows-accepted")).toBe(ROWS - 1);
    expect(await digits("upload-total-sold")).toBe(file.sold["MCU-1000"]! + file.sold["LDO-330"]!);
    await expect(panel.getByTestId("upload-unknown-parts")).toContainText("NOT-OURS-1");
  });
});
