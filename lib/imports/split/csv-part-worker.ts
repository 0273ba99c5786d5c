/**
 * Worker-thread entry of `readCsvPart`, reused job after job (`part-readers.ts`).
 * Messages in: `{ t: "job", job, range }` — it counts the line breaks before the part at once, while
 * the main reader decides the plan — then `{ t: "plan", job, plan }`; `{ t: "ack", job }` once a block
 * is stored. Messages out: `{ t: "block", job, bytes, lines }` (the bytes' buffer is transferred), at
 * most {@link IN_FLIGHT} unacknowledged (bounded memory); `{ t: "progress", job, bytes }`;
 * `{ t: "done", job, result }` or `{ t: "error", job, message }`.
 */
import { parentPort } from "node:worker_threads";
import { readCsvPart, type CsvPartPlan, type CsvPartRange } from "./csv-part";

const IN_FLIGHT = 3;
const port = parentPort!;

interface Job {
  id: number;
  credits: number;
  wake: (() => void) | null;
  planned: (plan: CsvPartPlan | null) => void;
}
let current: Job | null = null;

type Incoming = { t: "job"; job: number; range: CsvPartRange } | { t: "plan"; job: number; plan: CsvPartPlan } | { t: "ack"; job: number };

port.on("message", (m: Incoming) => {
  if (m.t === "job") return start(m.job, m.range);
  if (!current || m.job !== current.id) return; // a late word about an earlier job
  if (m.t === "plan") current.planned(m.plan);
  else {
    current.credits++;
    const wake = current.wake;
    current.wake = null;
    wake?.();
  }
});

function start(id: number, range: CsvPartRange): void {
  let planned: (plan: CsvPartPlan | null) => void = () => {};
  const plan = new Promise<CsvPartPlan | null>((resolve) => (planned = resolve));
  const job: Job = { id, credits: IN_FLIGHT, wake: null, planned };
  current = job;
  let lastProgress = 0;
  readCsvPart(range, plan, {
    async block(bytes, lines) {
      while (job.credits === 0) await new Promise<void>((resolve) => (job.wake = resolve));
      job.credits--;
      // The block's memory moves to the main thread (no copy); the builder writes the next into a new buffer.
      port.postMessage({ t: "block", job: id, bytes, lines }, [bytes.buffer as ArrayBuffer]);
    },
    progress(bytes) {
      if (bytes - lastProgress < 4 * 1024 * 1024) return;
      lastProgress = bytes;
      port.postMessage({ t: "progress", job: id, bytes });
    },
  })
    .then(
      (result) => port.postMessage({ t: "done", job: id, result }),
      (e: unknown) => port.postMessage({ t: "error", job: id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    )
    .finally(() => {
      if (current === job) current = null;
    });
}
