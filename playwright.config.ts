import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

import { baseURL } from "./e2e/env";

/**
 * Debian's Chromium headless shell (package chromium-headless-shell: the same build, no window system,
 * what Playwright itself runs headless): about half the CPU of the full browser per page, and the
 * browser is most of the e2e run's CPU. The full browser when the shell is not installed; for a
 * headed run, CHROMIUM_PATH=/usr/bin/chromium.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

/** Readers whose test groups take longest (a minute and more each): handed out first in their phase. */
const LONG = /(theme-axe|upload-fixtures|submit-grid)\.spec\.ts/;
/** Specs that change what the readers of the "chromium" projects check. */
const MUTATING = /(exceptions-workflow|reminder-job|submit-review|rebates-quality|keyboard-jump)\.spec\.ts/;
/** The two longest of them (a serial chain of three tests, and the worked example): handed out first. */
const MUTATING_LONG = /(exceptions-workflow|submit-review)\.spec\.ts/;
const SWEEP = /sweep-routes\.spec\.ts/;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // A trace records DOM snapshots and a screencast of every action: in CI only for a retry (Playwright's
  // advice for CI; a failure is retried once), so passing tests do not pay for it.
  use: { baseURL, trace: process.env.CI ? "on-first-retry" : "retain-on-failure", screenshot: "only-on-failure" },
  // Projects run in phases: a project starts when every project it depends on has finished, and in each
  // phase the test groups (a file, or a test of a parallel file) are handed to the workers in the order
  // of the projects, then of the files. The longest groups of a phase go first (the "-long" projects),
  // so the phase does not end with one worker alone on a long spec while the other waits.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    { name: "chromium-long", dependencies: ["setup"], testMatch: LONG, use: chromium },
    { name: "chromium", dependencies: ["setup"], testIgnore: [/auth\.setup\.ts/, LONG, MUTATING, SWEEP], use: chromium },
    // Specs that change the shared demo rows (the worked example, what the compliance board and every
    // partner's rebate standing show) run after every reader is done.
    { name: "mutating-long", dependencies: ["chromium-long", "chromium"], testMatch: MUTATING_LONG, use: chromium },
    { name: "mutating", dependencies: ["chromium-long", "chromium"], testMatch: MUTATING, testIgnore: MUTATING_LONG, use: chromium },
    // The route sweep compares Northwind's whole state (rebate standings of every distributor included)
    // before and after another tenant's calls: it runs alone, after every spec that creates or submits
    // (the mutating specs create distributors with sell-in, a programme, and correct Northwind's ledger).
    { name: "sweep", dependencies: ["mutating-long", "mutating"], testMatch: SWEEP, use: chromium },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
