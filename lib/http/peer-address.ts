/**
 * Route handlers and server actions in Next.js see headers, not the socket: there is no
 * `request.ip` outside Vercel, and `X-Forwarded-For` is whatever the client sent (Next only fills
 * it in when it is missing). So the server stamps every incoming request with the socket's address
 * in a header of its own, overwriting any value a client sent (installed at start-up from
 * instrumentation.ts, before the first request is served). lib/auth/client-ip.ts reads it.
 */
import http from "node:http";
import https from "node:https";

export const PEER_HEADER = "x-sellthru-peer";

declare global {
  var __sellthruPeerAddress: boolean | undefined;
}

export function installPeerAddress(): void {
  if (globalThis.__sellthruPeerAddress) return;
  globalThis.__sellthruPeerAddress = true;
  for (const proto of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
  }
}
