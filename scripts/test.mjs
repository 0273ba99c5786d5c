#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, integration tests of the data layer (embedded PGlite, and
// a real Postgres when TEST_DATABASE_URL or DATABASE_URL is set), then Playwright end to end.
//
// On a machine of two cores most of these steps use one: so the production build Playwright needs
// runs beside typecheck, lint and unit tests, and the two integration runs (separate databases) run
// side by side. Each step's output is printed whole when it ends; the summary keeps the order.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
// Playwright runs Debian's headless shell when it is installed, else the full browser (playwright.config.ts).
const headlessShell = "/usr/lib/chromium/chromium-headless-shell";
const chromium = process.env.CHROMIUM_PATH || (fs.existsSync(headlessShell) ? headlessShell : "/usr/bin/chromium");
const only = process.argv.slice(2);
const wanted = (name) => !only.length || only.some((o) => name.startsWith(o));

if (!fs.existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}. Install Debian's build with: sudo apt-get install -y chromium-headless-shell chromium`);
  console.error("(or point CHROMIUM_PATH at a Chromium binary). Playwright's own browser download does not work offline.");
  process.exit(1);
}
if (!process.env.CHROMIUM_PATH && chromium !== headlessShell) console.log("[test] Debian's chromium-headless-shell is not installed: Playwright runs the full browser (about twice the CPU per page).");
if (!pgUrl) console.log("[test] TEST_DATABASE_URL is not set: integration tests run on the embedded database only.");

const children = new Set();

/** Runs one step with its output captured; resolves to [name, ok, seconds, output]. */
function run(name, cmd, args, extraEnv = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    child.on("exit", () => children.delete(child));
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("close", (code) => resolve([name, code === 0, ((Date.now() - started) / 1000).toFixed(1), Buffer.concat(chunks).toString()]));
  });
}

/** Runs steps at once, prints each one's output whole as it ends, returns the results in step order. */
async function together(steps) {
  const running = steps.filter((s) => wanted(s[0])).map((s) => run(...s).then((r) => (console.log(`\n=== ${r[0]} ===\n${r[3]}`), r)));
  return Promise.all(running);
}

const results = [];
const done = () => {
  for (const child of children) child.kill("SIGTERM"); // a build still running when a step failed
  console.log("\n=== summary ===");
  for (const [name, ok, secs] of results) console.log(`${ok ? "PASS" : "FAIL"}  ${name}  (${secs}s)`);
  const failed = results.filter((r) => !r[1]).length;
  process.exit(failed || results.length === 0 ? 1 : 0);
};

// The build Playwright's server would otherwise make first (scripts/e2e-server.mjs, port 3100 → .next).
const e2ePort = process.env.E2E_PORT || "3100";
const distDir = process.env.NEXT_DIST_DIR || (e2ePort === "3100" ? ".next" : `.next-e2e-${e2ePort}`);
const build = wanted("e2e")
  ? run("build for e2e", process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { NEXT_DIST_DIR: distDir, DATABASE_URL: "" })
  : null;

for (const step of [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["unit", "npx", ["vitest", "run", "--project", "unit"]],
]) {
  const ran = await together([step]);
  results.push(...ran);
  if (ran.some((r) => !r[1])) done();
}

results.push(
  ...(await together([
    ["integration (embedded PGlite)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DATABASE_URL: "" }],
    ...(pgUrl ? [["integration (Postgres)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DATABASE_URL: pgUrl }]] : []),
  ])),
);
if (results.some((r) => !r[1])) done();

if (build) {
  const built = await build;
  if (!built[1]) {
    console.log(`\n=== ${built[0]} ===\n${built[3]}`);
    results.push(built.slice(0, 3));
    done();
  }
  console.log(`\n[test] the production build for e2e took ${built[2]} s (beside the steps above)`);
}
if (wanted("e2e")) {
  // Playwright's output streams as it comes (a long run shows its progress).
  const started = Date.now();
  console.log("\n=== e2e (Playwright) ===");
  const code = await new Promise((resolve) => spawn("npx", ["playwright", "test"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } }).on("close", resolve));
  results.push(["e2e (Playwright)", code === 0, ((Date.now() - started) / 1000).toFixed(1)]);
}
done();
