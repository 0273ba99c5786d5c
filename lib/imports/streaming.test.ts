import { describe, expect, it } from "vitest";
import { resolvePart } from "./__fixtures__/support";
import { parseUpload } from "./index";

/** A 200,000-line POS CSV produced on the fly in ~64 KB chunks: never held whole in memory. */
async function* bigCsv(lines: number): AsyncGenerator<Uint8Array> {
  const skus = ["MCU-1000", "LDO-330", "BUCK-510", "SNS-GYR-6"];
  let chunk = "Invoice Date,Invoice No,Line,Mfr Part #,Qty Shipped,Unit Resale,End Customer\r\n";
  for (let i = 0; i < lines; i++) {
    chunk += `10/${String((i % 28) + 1).padStart(2, "0")}/2026,INV${i},1,${skus[i % 4]},${(i % 5) + 1},1.25,"Customer ${i % 97}, Inc."\r\n`;
    if (chunk.length > 65_536) {
      yield Buffer.from(chunk);
      chunk = "";
    }
  }
  yield Buffer.from(chunk);
}

describe("streaming", () => {
  it("a generated 200,000-line CSV parses completely with lines handed to a sink", async () => {
    let streamed = 0;
    let progress = 0;
    const r = await parseUpload({
      bytes: bigCsv(200_000),
      period: "2026-10",
      resolvePart,
      onPosLines: (batch) => void (streamed += batch.length),
      onProgress: (p) => void (progress = p.bytesRead),
    });
    expect(r.rowsRead).toBe(200_000);
    expect(r.rowsAccepted).toBe(200_000);
    expect(streamed).toBe(200_000);
    expect(r.posLines).toEqual([]);
    expect(r.lines.reduce((n, l) => n + (l.sold ?? 0), 0)).toBe(600_000);
    expect(progress).toBeGreaterThan(10_000_000);
  }, 60_000);
});
