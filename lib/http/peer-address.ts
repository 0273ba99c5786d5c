/**
 * Route handlers and server actions in Next.js see headers, not the socket: there is no
 * `request.ip` outside Vercel, and `X-Forwarded-For` is whatever the client sent. So our server entry
 * (scripts/server.mjs, `stampPeer` in scripts/request-gate.mjs) writes the socket's address into a
 * header of its own on every request, overwriting any value a client sent. lib/auth/client-ip.ts
 * reads it; without our server (`next dev`) there is no stamp and the per-address limit has no address.
 */
export const PEER_HEADER = "x-sellthru-peer";
