/**
 * The gate in front of Next (scripts/request-gate.mjs, issue 12 item 7) on a real HTTP server: a
 * flood of sign-in POSTs from one address is cut at the budget (429) while another address and
 * signed-in requests pass; anonymous bodies must be small and declared; /api/v1 is left to the route.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestGate, sessionCookie } from "../../scripts/request-gate.mjs";

let server: http.Server;
let base: string;

beforeAll(async () => {
  const gate = createRequestGate({ perMinute: 5, maxAnonymousBody: 1024, trustProxyHops: 1, verifySession: async (c: { value: string }) => c.value === "valid" });
  server = http.createServer(async (req, res) => {
    if (await gate(req, res)) return;

    req.resume();
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (path: string, headers: Record<string, string> = {}, body = "email=a&password=b") =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });

describe("request gate", () => {
  it("cuts a sign-in flood from one address at its budget, within bounded time, and lets others through", async () => {
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await post("/api/auth/callback/credentials", { "x-forwarded-for": "203.0.113.7" })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(Date.now() - started).toBeLessThan(5000);
    const limited = await post("/sign-in", { "x-forwarded-for": "203.0.113.7" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post("/sign-in", { "x-forwarded-for": "198.51.100.9" })).status).toBe(200);
  });

  it("anonymous state-changing requests must be small; a valid session, a token or /api/v1 passes untouched", async () => {
    const big = "x".repeat(4096);
    expect((await post("/gaps", { "x-forwarded-for": "192.0.2.1" }, big)).status).toBe(413);
    expect((await post("/gaps", { "x-forwarded-for": "192.0.2.1", cookie: "authjs.session-token=forged" }, big)).status).toBe(413);
    expect((await post("/gaps", { "x-forwarded-for": "192.0.2.1", cookie: "authjs.session-token=valid" }, big)).status).toBe(200);
    expect((await post("/gaps", { "x-forwarded-for": "192.0.2.1", authorization: "Bearer st_x" }, big)).status).toBe(200);
    expect((await post("/api/v1/submissions/2026-10", { "x-forwarded-for": "192.0.2.1" }, big)).status).toBe(200);
    expect((await fetch(`${base}/gaps`, { headers: { "x-forwarded-for": "192.0.2.1" } })).status).toBe(200);
  });

  it("reads next-auth's session cookie, whole or in chunks", () => {
    expect(sessionCookie("a=1; authjs.session-token=abc")).toEqual({ name: "authjs.session-token", value: "abc" });
    expect(sessionCookie("__Secure-authjs.session-token.0=ab; __Secure-authjs.session-token.1=cd")).toEqual({ name: "__Secure-authjs.session-token", value: "abcd" });
    expect(sessionCookie("other=1")).toBeNull();
  });
});
