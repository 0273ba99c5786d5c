/**
 * The worker threads that read the later part of large files (`csv-part-worker.ts`), kept between
 * uploads: a new thread costs its start-up (~0.1 s) and a parser the JIT has not compiled yet, so one
 * finished worker stays parked (unref'd: it never keeps the process alive) for the next upload, and
 * the server starts one at start-up (`prewarmPartReaders`, instrumentation.ts). At most
 * {@link MAX_READERS} exist at once (busy + parked), each with its own heap (~60–90 MB at its peak
 * on a million-line file); with all of them busy, a large upload reads in one pass.
 *
 * A worker runs one job at a time; every message carries its job number. A job that did not finish
 * cleanly (dropped split, error) ends its worker rather than parking it.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const MAX_READERS = 2;
const KEEP_PARKED = 1;

const parked: Worker[] = [];
let busy = 0;

/** Part readers at work now (tests). */
export const partReadersBusy = () => busy;

/** Server start-up: one reader parked and ready, unless one is already. */
export function prewarmPartReaders(): void {
  if (parked.length === 0 && busy < MAX_READERS) park(startPartWorker());
}

/** A reader for a job, or null when {@link MAX_READERS} are busy. */
export function acquirePartReader(): Worker | null {
  let worker = parked.pop();
  if (!worker) {
    if (busy + parked.length >= MAX_READERS) return null;
    worker = startPartWorker();
  }
  worker.ref();
  busy++;
  return worker;
}

/** Gives a reader back after its job: parked when it finished cleanly and there is room, else ended. */
export function releasePartReader(worker: Worker, reusable: boolean): void {
  busy--;
  worker.removeAllListeners("message");
  worker.removeAllListeners("error");
  worker.removeAllListeners("exit");
  if (reusable && parked.length < KEEP_PARKED) return park(worker);
  worker.on("error", () => {}); // ending it: nothing to report any more
  void worker.terminate();
}

function park(worker: Worker): void {
  worker.unref();
  parked.push(worker);
  const drop = () => {
    const i = parked.indexOf(worker);
    if (i >= 0) parked.splice(i, 1);
  };
  worker.once("exit", drop);
  worker.once("error", drop);
}

/**
 * Inside Next.js (a build, or `next dev`) Turbopack bundles the worker from `new Worker(new URL(…))`
 * (its `import.meta.url` is the source's name even then, so NEXT_RUNTIME tells the two apart);
 * elsewhere — tests, scripts and benchmarks under tsx — the TypeScript source loads through tsx.
 */
/**
 * A young generation of at most 32 MB (V8 sizes it from the machine's memory otherwise): a part
 * reader's garbage is short-lived rows, and a production server's peak memory during a million-line
 * upload varied from 195 to 332 MB without the cap (bench/ingest). The old generation's cap only
 * bounds a runaway part: the worker fails and the file is read in one pass.
 */
const LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 };

function startPartWorker(): Worker {
  const resourceLimits = LIMITS;
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./csv-part-worker.ts", import.meta.url), { resourceLimits });
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "csv-part-worker.ts");
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(file)});`, { eval: true, resourceLimits });
}
