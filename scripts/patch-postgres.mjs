#!/usr/bin/env node
// postinstall: guards postgres.js 3.4.x against porsager/postgres#1208 (open upstream; PRs #1168, #1209).
//
// When a connection drops in the middle of a transaction, postgres.js's own `begin()` sends ROLLBACK
// on it; that small write is queued with setImmediate and then runs after `closed()` has nulled the
// socket: an uncatchable `TypeError: Cannot read properties of null (reading 'write')` that takes
// the whole server down, and leaves stale bytes that make the pool slot hang on reconnect. The guard
// drops the stale bytes and rejects the pending queries with CONNECTION_CLOSED (catchable: the API
// answers 503 database_unavailable). Idempotent; remove once a fixed postgres.js is released.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "postgres");
const MARK = "sellthru: porsager/postgres#1208";
const FROM = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const TO =
  "  function nextWrite(fn) {\n" +
  `    if (!socket) { // ${MARK}\n` +
  "      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
  "      chunk = nextWriteTimer = null\n" +
  "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
  "      return false\n" +
  "    }\n" +
  "    const x = socket.write(chunk, fn)";

if (!fs.existsSync(root)) process.exit(0);
const files = ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  if (!text.includes(FROM)) {
    console.warn(`[patch-postgres] ${path.relative(process.cwd(), file)}: nextWrite changed upstream; not patched (check whether #1208 is fixed)`);
    continue;
  }
  fs.writeFileSync(file, text.replace(FROM, TO));
  console.log(`[patch-postgres] guarded nextWrite in ${path.relative(process.cwd(), file)}`);
}
