import type { IncomingMessage, ServerResponse } from "node:http";

export interface GateOptions {
  perMinute?: number;
  maxAnonymousBody?: number;
  trustProxyHops?: number;
  verifySession?: (cookie: { name: string; value: string }) => Promise<boolean>;
}
export function createRequestGate(opts?: GateOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
export function sessionCookie(header: string | undefined): { name: string; value: string } | null;
export function clientAddress(req: IncomingMessage, trustProxyHops?: number): string;
export const PEER_HEADER: "x-sellthru-peer";
export function stampPeer(req: IncomingMessage): void;
