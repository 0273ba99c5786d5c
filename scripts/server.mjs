#!/usr/bin/env node
/**
 * The production server (`npm start` runs it after building): Next's own request handler on a Node
 * HTTP server whose limits we set — `next start` gives no handle on its server — behind the gate for
 * unauthenticated work (`request-gate.mjs`). A documented Next.js mechanism ("custom server").
 *  - headersTimeout 20 s (Node: 60 s): a client trickling its headers is cut off early;
 *  - requestTimeout = SELLTHRU_UPLOAD_TIMEOUT_S + 60 s: the outer bound on receiving a request (the
 *    routes enforce their own, tighter, limits and minimum rate on bodies: lib/http/read-body.ts);
 *  - keepAliveTimeout 65 s (Node: 5 s): an idle keep-alive connection is not closed under a client
 *    that is about to reuse it;
 *  - Strict-Transport-Security on every answer served over HTTPS (TLS in front: X-Forwarded-Proto).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { decode } from "next-auth/jwt";
import { createRequestGate, stampPeer } from "./request-gate.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const seconds = (name, fallback) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);

/** The same secret lib/auth/secret.ts uses (AUTH_SECRET, or the embedded demo's generated one). */
function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  try {
    return fs.readFileSync(path.resolve(root, process.env.SELLTHRU_DATA_DIR || "./.data", "auth-secret"), "utf8").trim();
  } catch {
    return null; // not generated yet: no session can be valid
  }
}

const app = next({ dev: false, dir: root, port, hostname });
await app.prepare();
const handle = app.getRequestHandler();
const gate = createRequestGate({
  perMinute: seconds("SELLTHRU_ANON_POSTS_PER_MINUTE", 60),
  trustProxyHops: Number(process.env.SELLTHRU_TRUST_PROXY) || 0,
  async verifySession({ name, value }) {
    const secret = authSecret();
    if (!secret) return false;
    const token = await decode({ token: value, secret, salt: name });
    return !!token && (typeof token.exp !== "number" || token.exp * 1000 > Date.now());
  },
});
const HSTS = "max-age=31536000; includeSubDomains";

const server = http.createServer((req, res) => {
  stampPeer(req); // the caller's socket address, for the sign-in limits (lib/auth/client-ip.ts)
  if (req.socket.encrypted || String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https") {
    res.setHeader("strict-transport-security", HSTS);
  }
  gate(req, res).then(
    (answered) => (answered ? undefined : handle(req, res)),
    (error) => {
      console.error("[server] gate failed", error);
      if (!res.headersSent) res.writeHead(500).end();
    },
  );
});
server.headersTimeout = 20_000;
server.requestTimeout = (seconds("SELLTHRU_UPLOAD_TIMEOUT_S", 900) + 60) * 1000;
// Longer than a client's idle gap between requests on one connection: with Node's 5 s a client
// reusing a socket just as the server closes it gets "socket hang up" (seen in e2e on a loaded
// machine); 65 s is the usual choice behind a load balancer whose idle timeout is 60 s.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`[sellthru] ready on http://${hostname ?? "localhost"}:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
