import { env } from "@/lib/config/env";
import { PEER_HEADER } from "@/lib/http/peer-address";

/**
 * The caller's address, for the sign-in limits. `X-Forwarded-For` is set by whoever sends the
 * request, so it is only believed as far as SELLTHRU_TRUST_PROXY says: with N proxies in front of
 * the app, the address N hops in from our socket — what the outermost trusted proxy saw. With 0
 * (the default) the socket's own address, which the server stamps on every request (`PEER_HEADER`,
 * overwriting any value a client sent: lib/http/peer-address.ts).
 */
export function clientIp(headers: Headers | undefined | null, trustProxy: number = env().SELLTHRU_TRUST_PROXY): string | null {
  if (!headers) return null;
  const peer = headers.get(PEER_HEADER) || null;
  if (trustProxy === 0) return normalise(peer);
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = peer ? [...hops, peer] : hops;
  return normalise(chain[Math.max(0, chain.length - 1 - trustProxy)] ?? null);
}

/** IPv4 addresses in IPv6 form (`::ffff:10.0.0.1`) count as the IPv4 address. */
function normalise(ip: string | null): string | null {
  if (!ip) return null;
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}
