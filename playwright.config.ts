import { defineConfig, devices } from "@playwright/test";

import { baseURL } from "./e2e/env";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    { name: "chromium", dependencies: ["setup"], testIgnore: [/auth\.setup\.ts/, /exceptions-workflow\.spec\.ts/, /sweep-routes\.spec\.ts/, /reminder-job\.spec\.ts/, /submit-review\.spec\.ts/, /rebates-quality\.spec\.ts/, /keyboard-jump\.spec\.ts/], use: chromium },
    // Specs that change the shared demo rows (the worked example) run after every reader is done.
    { name: "mutating", dependencies: ["chromium"], testMatch: /(exceptions-workflow|reminder-job|submit-review|rebates-quality|keyboard-jump)\.spec\.ts/, use: chromium },
    // The route sweep compares Northwind's whole state (rebate standings of every distributor included)
    // before and after another tenant's calls: it runs alone, after every spec that creates or submits.
    { name: "sweep", dependencies: ["mutating"], testMatch: /sweep-routes\.spec\.ts/, use: chromium },
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
