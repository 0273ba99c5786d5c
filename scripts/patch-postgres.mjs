#!/usr/bin/env node
// postinstall: two guards for postgres.js 3.4.x, both open upstream (porsager/postgres#1208 with
// PRs #1168/#1209, and #1216 with PRs #1155/#1215). Idempotent; each edit warns and is skipped when
// upstream code changed. Remove once a fixed postgres.js is released.
//
// 1. connection.js, nextWrite: when a connection drops in the middle of a transaction, begin() sends
//    ROLLBACK on it; that small write runs from setImmediate after closed() nulled the socket → an
//    uncatchable `TypeError: Cannot read properties of null (reading 'write')` that takes the whole
//    server down. The guard drops the stale bytes and rejects the pending queries (CONNECTION_CLOSED).
// 2. index.js, begin(): once the transaction's connection has closed, its later queries must fail.
//    Unpatched, when the pool reconnects that connection for another waiting query, the rest of the
//    transaction's statements run on the new session in autocommit — committed, half a transaction.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "postgres");

const edits = [
  {
    file: "connection.js",
    mark: "sellthru: porsager/postgres#1208",
    from: "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    to:
      "  function nextWrite(fn) {\n" +
      "    if (!socket) { // sellthru: porsager/postgres#1208\n" +
      "      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
      "      chunk = nextWriteTimer = null\n" +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
      "      return false\n" +
      "    }\n" +
      "    const x = socket.write(chunk, fn)",
  },
  {
    file: "index.js",
    mark: "sellthru: porsager/postgres#1216 (closed)",
    from: "        new Promise((_, reject) => connection.onclose = reject)",
    to: "        new Promise((_, reject) => connection.onclose = e => (closedError = e, reject(e))) // sellthru: porsager/postgres#1216 (closed)",
  },
  {
    file: "index.js",
    mark: "sellthru: porsager/postgres#1216 (declare)",
    from: "      , prepare = null\n",
    to: "      , prepare = null\n      , closedError = null // sellthru: porsager/postgres#1216 (declare)\n",
  },
  {
    file: "index.js",
    mark: "sellthru: porsager/postgres#1216 (reject)",
    from: "        q.catch(e => uncaughtError || (uncaughtError = e))\n",
    to:
      "        q.catch(e => uncaughtError || (uncaughtError = e))\n" +
      "        if (closedError) // sellthru: porsager/postgres#1216 (reject)\n" +
      "          return q.reject(Errors.connection('CONNECTION_CLOSED', options))\n",
  },
];

if (!fs.existsSync(root)) process.exit(0);
for (const dir of ["src", "cjs/src", "cf/src"]) {
  for (const edit of edits) {
    const file = path.join(root, dir, edit.file);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    if (text.includes(edit.mark)) continue;
    const at = text.indexOf(edit.from);
    if (at < 0 || text.indexOf(edit.from, at + 1) >= 0) {
      console.warn(`[patch-postgres] ${path.relative(process.cwd(), file)}: code changed upstream; "${edit.mark}" not applied`);
      continue;
    }
    fs.writeFileSync(file, text.replace(edit.from, edit.to));
    console.log(`[patch-postgres] ${path.relative(process.cwd(), file)}: ${edit.mark}`);
  }
}
