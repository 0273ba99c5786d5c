/**
 * Issue 15 (X12) end to end: an admin gives a product its pack size and a distributor its EDI
 * identity through the forms; a distributor's 867 in cases is converted with that pack size, asks
 * for the pack size it does not know, and warns that the file's sender IDs are another distributor's.
 */
import { test, expect } from "@playwright/test";
import { storageStateOf } from "./accounts";

const uniq = () => (Date.now().toString(36) + Math.random().toString(36).slice(2, 4)).toUpperCase();

function x12(sender: string, sku: string): string {
  const isa = ["ISA", "00", "", "00", "", "ZZ", sender, "ZZ", "HALCYONSEMI", "261105", "0930", "U", "00401", "0000000042", "0", "P", ">"].join("*");
  const body = ["ST*867*0001", "BPT*00*R1*20261105*DR", "DTM*090*20261001", "DTM*091*20261031", "PTD*SS", "DTM*003*20261015", "REF*IV*E2E1",
    "QTY*39*2*CA", `LIN*1*VP*${sku}`, "QTY*39*1*CA", "LIN*2*VP*MCU-1000", "SE*12*0001"];
  return [isa, `GS*PT*${sender}*HALCYONSEMI*20261105*0930*7*X*004010`, ...body, "GE*1*7", "IEA*1*0000000042"].join("~\n") + "~\n";
}

test.describe("X12: units and senders", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("pack size and EDI identity through the forms; an upload in cases converts, asks, and warns about the sender", async ({ page, browser }) => {
    const tag = uniq();
    const sku = `PK-${tag}`;
    const code = `X${tag}`.slice(0, 12);
    const sender = `E2E${tag}`.slice(0, 15);

    await page.goto("/admin/products");
    const form = page.getByRole("form", { name: "New product" });
    await form.getByLabel("SKU").fill(sku);
    await form.getByLabel("Family").fill("E2E");
    await form.getByLabel("Description").fill("Reel of 250");
    await form.getByLabel("List price").fill("1.00");
    await form.getByLabel("Pack size").fill("0");
    await form.getByRole("button", { name: "Create product" }).click();
    await expect(form.getByText("Pack size is at least 1")).toBeVisible();
    await form.getByLabel("Pack size").fill("250");
    await form.getByRole("button", { name: "Create product" }).click();
    await expect(form.getByText(`Product ${sku} created.`)).toBeVisible();
    await page.getByLabel("Search SKU, description or family").fill(sku);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("region", { name: "Products" }).getByRole("row").nth(1)).toContainText("250");

    await page.goto("/admin/distributors");
    const dform = page.getByRole("form", { name: "New distributor" });
    await dform.getByLabel("Code").fill(code);
    await dform.getByLabel("Name").fill(`E2E Sender ${tag}`);
    await dform.getByLabel("ISA sender").fill(`zz:${sender.toLowerCase()}`);
    await dform.getByRole("button", { name: /Create distributor/ }).click();
    await expect(dform.getByText(`Distributor ${code} created.`)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: code })).toContainText(`ISA ZZ:${sender}`);

    const nwc = await browser.newContext({ storageState: storageStateOf("northwind") });
    const res = await nwc.request.post("/api/v1/uploads?period=2026-10&fileName=cases.edi", { headers: { "content-type": "application/edi-x12" }, data: Buffer.from(x12(sender, sku)) });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.lines.find((l: { sku: string }) => l.sku === sku)).toMatchObject({ sold: 500 });
    expect(body.needs).toEqual([{ kind: "unit", packSizes: [{ sku: "MCU-1000", unit: "CA", rows: 1 }] }]);
    expect(body.codes).toContainEqual({ code: "unit CA", meaning: "case", use: "converted to units with the product's pack size", count: 1 });
    expect(body.warnings).toContainEqual({ code: "unit", message: "1 line(s) in case (CA): converted to units with the product's pack size" });
    expect(body.warnings[0]).toMatchObject({ code: "sender" });
    expect(body.warnings[0].message).toBe(`This file's sender IDs (ISA ZZ:${sender}, GS ${sender}) belong to another distributor, not to NWC: check that you are uploading your own file`);

    const answered = await nwc.request.post(`/api/v1/uploads?period=2026-10&replaces=${body.uploadId}&packSizes=${encodeURIComponent('{"MCU-1000":100}')}`, {
      headers: { "content-type": "application/edi-x12" },
      data: Buffer.from(x12(sender, sku)),
    });
    expect(answered.status()).toBe(200);
    const again = await answered.json();
    expect(again.lines.find((l: { sku: string }) => l.sku === "MCU-1000")).toMatchObject({ sold: 100 });
    expect(again.needs).toBeUndefined();
    await nwc.close();
  });
});
