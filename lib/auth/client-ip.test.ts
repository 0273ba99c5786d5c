import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { knownDevice, rememberDevice, KNOWN_DEVICE_COOKIE } from "./known-device";
import { PEER_HEADER } from "@/lib/http/peer-address";
import { PEER_HEADER as STAMPED_HEADER, stampPeer } from "../../scripts/request-gate.mjs";
import { resetEnvCache } from "@/lib/config/env";

const h = (o: Record<string, string>) => new Headers(o);

describe("the caller's address", () => {
  it("is the socket's unless proxies are trusted: a client-set X-Forwarded-For is ignored", () => {
    const spoofed = h({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "10.9.9.9" });
    expect(clientIp(spoofed, 0)).toBe("203.0.113.7");
    expect(clientIp(h({ [PEER_HEADER]: "::ffff:203.0.113.7" }), 0)).toBe("203.0.113.7");
  });

  it("with N trusted proxies: N hops in from the socket, whatever the client prepended", () => {
    // client → proxy (appends the client's address) → app
    const one = h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.4" });
    expect(clientIp(one, 1)).toBe("198.51.100.4");
    // client → CDN → load balancer → app
    const two = h({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 198.51.100.4, 172.16.0.9" });
    expect(clientIp(two, 2)).toBe("198.51.100.4");
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("SELLTHRU_TRUST_PROXY is validated: a hop count, nothing else", async () => {
    const { env } = await import("@/lib/config/env");
    const before = process.env.SELLTHRU_TRUST_PROXY;
    try {
      for (const bad of ["true", "-1", "1.5", "99"]) {
        process.env.SELLTHRU_TRUST_PROXY = bad;
        resetEnvCache();
        expect(() => env(), bad).toThrow(/SELLTHRU_TRUST_PROXY/);
      }
      process.env.SELLTHRU_TRUST_PROXY = "2";
      resetEnvCache();
      expect(env().SELLTHRU_TRUST_PROXY).toBe(2);
    } finally {
      if (before === undefined) delete process.env.SELLTHRU_TRUST_PROXY;
      else process.env.SELLTHRU_TRUST_PROXY = before;
      resetEnvCache();
    }
  });

  describe("the server's stamp", () => {
    const server = http.createServer((req, res) => {
      stampPeer(req);
      res.end(String(req.headers[PEER_HEADER]));
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));
    it("overwrites whatever the client sent with the socket's address", async () => {
      expect(STAMPED_HEADER).toBe(PEER_HEADER);
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const { port } = server.address() as { port: number };
      const body = await (await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "8.8.8.8" } })).text();
      expect(body).toBe("127.0.0.1");
    });
  });
});

describe("known browsers", () => {
  it("are remembered per account, signed, and unforgeable", () => {
    process.env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdef";
    resetEnvCache();
    const v1 = rememberDevice(null, "a@example.test");
    const cookie = `${KNOWN_DEVICE_COOKIE}=${v1}`;
    const id = knownDevice(cookie, "a@example.test");
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(knownDevice(cookie, "b@example.test")).toBeNull();
    expect(rememberDevice(cookie, "a@example.test")).toBe(v1); // the same browser keeps its id
    const both = `${KNOWN_DEVICE_COOKIE}=${rememberDevice(cookie, "b@example.test")}`;
    expect(knownDevice(both, "a@example.test")).toBe(id);
    expect(knownDevice(both, "b@example.test")).not.toBeNull();
    const forged = `${KNOWN_DEVICE_COOKIE}=${id}.${"A".repeat(22)}`;
    expect(knownDevice(forged, "a@example.test")).toBeNull();
  });
});
