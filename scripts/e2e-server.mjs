#!/usr/bin/env node
// The server Playwright tests run against: a production build on a fresh embedded database
// (demo data seeded on start), on port 3100 unless E2E_PORT says otherwise.
import fs from "node:fs";
import path from "node:path";

const dataDir = process.env.SELLTHRU_DATA_DIR || `.data-e2e-${process.env.E2E_PORT || "3100"}`;
fs.rmSync(path.resolve(dataDir), { recursive: true, force: true });
process.env.SELLTHRU_DATA_DIR = dataDir;
process.env.PORT = process.env.E2E_PORT || "3100";
// Each port builds into its own folder, so parallel runs never clobber one build.
process.env.NEXT_DIST_DIR ||= process.env.PORT === "3100" ? ".next" : `.next-e2e-${process.env.PORT}`;
delete process.env.DATABASE_URL;
// Reminders are queued by the tests themselves (and by "Run now"), never by a timer mid-run.
process.env.SELLTHRU_JOBS_EVERY_MINUTES ||= "0";
// Uploads of 1 MB and more are read in two parts (a worker thread): e2e/upload-large.spec.ts relies on it.
process.env.SELLTHRU_SPLIT_UPLOAD_MB ||= "1";
// Every sign-in, password change and user made hashes with scrypt: at N=2^12 instead of 2^17 (lib/auth/password.ts).
process.env.SELLTHRU_SCRYPT_COST ||= "12";
// Every browser and script of the run comes from 127.0.0.1: the route sweep's hundreds of requests
// without a session would spend that one address's budget of the gate (60 a minute) and a browser
// signing in at the same moment would get 429. The gate itself is tested in lib/http/request-gate.test.ts.
process.env.SELLTHRU_ANON_POSTS_PER_MINUTE ||= "100000";
// Links in e-mail (password resets) point where the browsers of the run reach the app.
process.env.SELLTHRU_PUBLIC_URL ||= `http://127.0.0.1:${process.env.PORT}`;
await import("./start.mjs");
