#!/usr/bin/env node
// `npm start`: builds when the build is missing or older than the sources, then serves on $PORT
// (default 3000). With no DATABASE_URL the embedded database in SELLTHRU_DATA_DIR is used and the
// demo data is seeded on first start.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverNodeFlags } from "./node-flags.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

function newestSourceMtime() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ["app", "components", "lib", "db", "public"]) if (fs.existsSync(d)) walk(d);
  for (const f of ["next.config.ts", "package-lock.json", "instrumentation.ts", "postcss.config.mjs"]) if (fs.existsSync(f)) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  return newest;
}

const distDir = process.env.NEXT_DIST_DIR || ".next";
const buildId = path.join(root, distDir, "BUILD_ID");
const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime();
if (stale) {
  console.log("[sellthru] building the app (first start or sources changed)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT || "3000";
if (!process.env.DATABASE_URL) {
  console.log(`[sellthru] embedded database in ${process.env.SELLTHRU_DATA_DIR || "./.data"}; demo accounts use the password sellthru-demo`);
}
// Our own server entry (scripts/server.mjs): Next's handler with the HTTP timeouts and the gate we set,
// run with the V8 flags of scripts/node-flags.mjs.
const child = spawn(process.execPath, [...serverNodeFlags(), path.join(root, "scripts/server.mjs")], { stdio: "inherit", env: { ...process.env, PORT: port, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
