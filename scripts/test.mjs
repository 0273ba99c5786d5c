#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, integration tests of the data layer (embedded PGlite, and
// a real Postgres when TEST_DATABASE_URL or DATABASE_URL is set), then Playwright end to end.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const only = process.argv.slice(2);

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["unit", "npx", ["vitest", "run", "--project", "unit"]],
  ["integration (embedded PGlite)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DATABASE_URL: "" }],
  ...(pgUrl ? [["integration (Postgres)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DATABASE_URL: pgUrl }]] : []),
  ["e2e (Playwright)", "npx", ["playwright", "test"], { DATABASE_URL: "" }],
];

if (!fs.existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}. Install Debian's build with: sudo apt-get install -y chromium`);
  console.error("(or point CHROMIUM_PATH at a Chromium binary). Playwright's own browser download does not work offline.");
  process.exit(1);
}
if (!pgUrl) console.log("[test] TEST_DATABASE_URL is not set: integration tests run on the embedded database only.");

const results = [];
for (const [name, cmd, args, extraEnv] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...(extraEnv ?? {}) } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  results.push([name, r.status === 0, secs]);
  if (r.status !== 0) break;
}
console.log("\n=== summary ===");
for (const [name, ok, secs] of results) console.log(`${ok ? "PASS" : "FAIL"}  ${name}  (${secs}s)`);
const failed = results.filter((r) => !r[1]).length;
process.exit(failed || results.length === 0 ? 1 : 0);
