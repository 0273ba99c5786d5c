/**
 * Worker-thread entry of `readCsvPart` (started by `csv-split.ts` with the part's range as
 * `workerData`; it counts the line breaks before the part while the main reader decides the plan,
 * which comes as `{ plan }`).
 * Messages out: `{ t: "block", bytes, lines }` (the bytes' buffer is transferred) — at most {@link IN_FLIGHT} unacknowledged (the main
 * thread answers "ack" once a block is stored: bounded memory); `{ t: "progress", bytes }`;
 * `{ t: "done", result }` or `{ t: "error", message }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readCsvPart, type CsvPartPlan, type CsvPartRange } from "./csv-part";

const IN_FLIGHT = 3;
const port = parentPort!;
let credits = IN_FLIGHT;
let wake: (() => void) | null = null;
let planned: (plan: CsvPartPlan | null) => void = () => {};
const plan = new Promise<CsvPartPlan | null>((resolve) => (planned = resolve));
port.on("message", (m: unknown) => {
  if (m !== "ack") return planned((m as { plan: CsvPartPlan | null }).plan);
  credits++;
  const w = wake;
  wake = null;
  w?.();
});

let lastProgress = 0;
readCsvPart(workerData as CsvPartRange, plan, {
  async block(bytes, lines) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    // The block's memory moves to the main thread (no copy); the builder writes the next into a new buffer.
    port.postMessage({ t: "block", bytes, lines }, [bytes.buffer as ArrayBuffer]);
  },
  progress(bytes) {
    if (bytes - lastProgress < 4 * 1024 * 1024) return;
    lastProgress = bytes;
    port.postMessage({ t: "progress", bytes });
  },
}).then(
  (result) => port.postMessage({ t: "done", result }),
  (e: unknown) => port.postMessage({ t: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
