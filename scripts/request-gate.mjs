/**
 * The gate in front of Next for work a caller can cause WITHOUT being signed in (issue 12 item 7):
 * sign-in attempts and state-changing requests that carry no valid session or token. Before Next
 * parses anything (a server action's RSC payload, a sign-in form), such a request must
 *  - declare its body's length, at most `maxAnonymousBody` bytes (else 411 / 413), and
 *  - fit the caller's address's budget of `perMinute` (rate-limiter-flexible, in memory per
 *    instance; else 429 with Retry-After).
 * A session cookie counts only if it decrypts with the app's secret (a forged one is anonymous).
 * `/api/v1/*` is left to the route (no credential → 401 before its body is read).
 * The address is the socket's; `trustProxyHops` (SELLTHRU_TRUST_PROXY) > 0 takes that many hops
 * from the right of X-Forwarded-For instead, for a server behind that many proxies.
 */
import { RateLimiterMemory } from "rate-limiter-flexible";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** The session cookie's name and value (next-auth splits a large one into `.0`, `.1`, …). */
/** The header the server stamps with the socket's address (lib/http/peer-address.ts reads the same name). */
export const PEER_HEADER = "x-sellthru-peer";

/**
 * Route handlers and server actions in Next.js see headers, not the socket, so the server writes the
 * socket's address into a header of its own on every request, overwriting any value a client sent.
 */
export function stampPeer(req) {
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
}

export function sessionCookie(header) {
  if (!header) return null;
  const jar = new Map();
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  for (const name of SESSION_COOKIES) {
    if (jar.has(name)) return { name, value: jar.get(name) };
    const chunks = [];
    for (let n = 0; jar.has(`${name}.${n}`); n++) chunks.push(jar.get(`${name}.${n}`));
    if (chunks.length) return { name, value: chunks.join("") };
  }
  return null;
}

export function clientAddress(req, trustProxyHops = 0) {
  if (trustProxyHops > 0) {
    const hops = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    if (hops.length >= trustProxyHops) return hops[hops.length - trustProxyHops];
  }
  return req.socket?.remoteAddress ?? "unknown";
}

function answer(res, status, code, message, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", connection: "close", ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * `gate(req, res)` → true when it answered (the request goes no further), false to pass it on.
 * `verifySession({ name, value })` → whether the cookie is a valid session (decrypts, not expired).
 */
export function createRequestGate({ perMinute = 60, maxAnonymousBody = 64 * 1024, trustProxyHops = 0, verifySession = async () => false } = {}) {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async function gate(req, res) {
    if (!MUTATING.has(req.method ?? "")) return false;
    const path = (req.url ?? "/").split("?")[0];
    if (path.startsWith("/api/v1/")) return false;
    const signIn = path === "/sign-in" || path.startsWith("/api/auth/");
    if (!signIn) {
      if (req.headers.authorization) return false;
      const cookie = sessionCookie(req.headers.cookie);
      if (cookie && (await verifySession(cookie).catch(() => false))) return false;
    }
    const declared = req.headers["content-length"];
    if (declared === undefined && req.headers["transfer-encoding"]) {
      answer(res, 411, "validation_failed", "Send a Content-Length with requests made without a session");
      return true;
    }
    if (Number(declared ?? 0) > maxAnonymousBody) {
      answer(res, 413, "payload_too_large", `Requests made without a session may carry at most ${Math.round(maxAnonymousBody / 1024)} KB`);
      return true;
    }
    try {
      await limiter.consume(clientAddress(req, trustProxyHops));
    } catch (r) {
      const wait = Math.max(1, Math.ceil((r?.msBeforeNext ?? 60_000) / 1000));
      answer(res, 429, "rate_limited", "Too many requests without a session from your address; wait a minute and try again", { "retry-after": String(wait) });
      return true;
    }
    return false;
  };
}
