/**
 * A TCP proxy between a test's database client and the local Postgres, to play "the database
 * stopped" without touching the shared server: `cutWhen(pattern)` drops every proxied connection
 * (both directions) the moment a client sends bytes matching `pattern` — those bytes never reach
 * Postgres — and stops listening (connections are refused) until `up()`. Postgres sees its client vanish and rolls the
 * open transaction back, exactly as when the server (or the network) goes away mid-request.
 */
import net from "node:net";

export interface FaultProxy {
  /** The database URL with host and port replaced by the proxy's. */
  url: string;
  /** Arms a one-shot cut: resolves when a client message matched and every connection was dropped. */
  cutWhen(pattern: RegExp): Promise<void>;
  /** The database is "stopped": open connections are dropped and new ones refused. */
  down(): void;
  /** The database is "back" (listening again on the same port). */
  up(): Promise<void>;
  /** How many client connections were accepted (and proxied) so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startFaultProxy(databaseUrl: string): Promise<FaultProxy> {
  const target = new URL(databaseUrl);
  const host = target.hostname || "127.0.0.1";
  const port = Number(target.port || 5432);
  const open = new Set<net.Socket>();
  let accepting = true;
  let connections = 0;
  let armed: { pattern: RegExp; resolve: () => void } | null = null;

  const dropAll = () => {
    for (const s of open) s.destroy();
    open.clear();
  };

  const server = net.createServer((client) => {
    if (!accepting) {
      client.destroy();
      return;
    }
    connections++;
    const upstream = net.connect(port, host);
    open.add(client);
    open.add(upstream);
    let tail = ""; // the end of the previous chunk, so a pattern split across chunks still matches
    client.on("data", (chunk: Buffer) => {
      if (armed) {
        const text = tail + chunk.toString("latin1");
        tail = text.slice(-256);
        if (armed.pattern.test(text)) {
          const { resolve } = armed;
          armed = null;
          stop();
          resolve();
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  const listen = (p: number) => new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(p, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  let listening: Promise<void> = listen(0);
  await listening;
  const proxyPort = (server.address() as net.AddressInfo).port;
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxyPort);
  /** "Stopped": drop what is open and stop listening, so a new connection is refused (ECONNREFUSED). */
  function stop() {
    if (!accepting) return;
    accepting = false;
    dropAll();
    listening = listening.then(() => new Promise<void>((resolve) => server.close(() => resolve())));
  }

  return {
    url: proxied.toString(),
    cutWhen(pattern) {
      return new Promise<void>((resolve) => {
        armed = { pattern, resolve };
      });
    },
    down: stop,
    async up() {
      if (accepting) return;
      await listening;
      listening = listen(proxyPort);
      await listening;
      accepting = true;
    },
    get connections() {
      return connections;
    },
    async close() {
      stop();
      await listening.catch(() => {});
    },
  };
}
