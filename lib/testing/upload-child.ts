/**
 * Child process for the "server killed during an upload" test (lib/dal/uploads/killed-upload.int.test.ts):
 * opens the test's database (Postgres URL or PGlite data directory), runs the real `ingestUpload` on
 * a large CSV and prints "streaming" once `signalAfter` batches of POS lines have been staged in the
 * upload's open transaction; then it keeps streaming, slowly, until the parent SIGKILLs it.
 *
 *   FAULT_CHILD='{"target":…,"viewer":…,"file":"/tmp/x.csv","signalAfter":20}' node --import tsx lib/testing/upload-child.ts
 */
import fs from "node:fs";
import { openDatabase, type DatabaseTarget } from "../../db/open";
import type { Viewer } from "../auth/viewer";
import { ingestUpload } from "../dal/uploads/ingest-upload";

interface ChildConfig {
  target: DatabaseTarget;
  viewer: Viewer;
  file: string;
  period: string;
  signalAfter: number;
}

async function main() {
  const cfg = JSON.parse(process.env.FAULT_CHILD ?? "{}") as ChildConfig;
  const database = await openDatabase(cfg.target, { migrate: false, connectAs: "system" });
  let batches = 0;
  const answer = await ingestUpload(database.db, cfg.viewer, {
    options: { period: cfg.period },
    source: () => fs.createReadStream(cfg.file, { highWaterMark: 256 * 1024 }),
    fileName: "killed.csv",
    onPosLines: async () => {
      batches++;
      if (batches === cfg.signalAfter) process.stdout.write("streaming\n");
      // After the signal, slow down so the kill surely lands while lines are still streaming.
      if (batches > cfg.signalAfter) await new Promise((r) => setTimeout(r, 20));
    },
  });
  process.stdout.write(`done ${answer.uploadId}\n`);
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
