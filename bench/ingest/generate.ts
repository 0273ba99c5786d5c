/**
 * A large line-level POS CSV in the shape distributors export (Northwind's columns): US dates, an
 * invoice per 1–5 lines, quoted descriptions with commas, a few credits, every row in the period.
 */
import fs from "node:fs";

const SKUS = [
  ["MCU-1000", "\"32-bit MCU, 64 KB flash, QFN-32\""], ["MCU-1010", "32-bit MCU 128 KB"], ["MCU-2000", "\"32-bit MCU, 512 KB flash, BLE\""],
  ["PMIC-220", "PMIC 2-rail"], ["LDO-330", "\"300 mA LDO, 3.3 V, SOT-23\""], ["BUCK-510", "5 A synchronous buck converter"],
  ["SNS-ACC-3", "3-axis accelerometer"], ["SNS-GYR-6", "6-axis IMU"], ["IF-CAN-10", "CAN FD transceiver"], ["MEM-FL-16", "16 Mbit SPI flash"],
] as const;
const CUSTOMERS = ["Aster Automotive Tier-1,Detroit,MI,US", "Solace Medical,Minneapolis,MN,US", "Brightline Robotics,Austin,TX,US", "Kessel Drives,Stuttgart,,DE"];

export const HEADER = "Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer,Ship-To City,Ship-To State,Ship-To Country";

/** Writes `lines` data rows for `period` ("YYYY-MM") to `file`; returns the byte size. */
export async function generatePosCsv(file: string, lines: number, period = "2026-10"): Promise<{ bytes: number; skus: number }> {
  const [y, m] = period.split("-");
  const out = fs.createWriteStream(file);
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let invoice = 0;
  let lineNo = 0;
  let buf = HEADER + "\r\n";
  let bytes = 0;
  for (let i = 0; i < lines; i++) {
    if (lineNo === 0 || rnd() < 0.3) {
      invoice++;
      lineNo = 0;
    }
    lineNo++;
    const [sku, desc] = SKUS[Math.floor(rnd() * SKUS.length)]!;
    const day = String(1 + (invoice % 28)).padStart(2, "0");
    const qty = rnd() < 0.01 ? -Math.ceil(rnd() * 20) : Math.ceil(rnd() * 200);
    const price = (0.1 + rnd() * 5).toFixed(4);
    buf += `${m}/${day}/${y},INV${y!.slice(2)}${m}${String(invoice).padStart(6, "0")},${lineNo},${sku},${desc},${qty},${price},${CUSTOMERS[invoice % CUSTOMERS.length]}\r\n`;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = "";
    }
  }
  bytes += Buffer.byteLength(buf);
  out.write(buf);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { bytes, skus: SKUS.length };
}
