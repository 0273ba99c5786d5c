/**
 * A bare HTTP client for the sign-in abuse specs: it can send from another loopback address
 * (127.0.0.x, `localAddress`), so a spec's failed sign-ins count against an address of its own and
 * never hold up other specs, and it keeps cookies like a browser would (one jar per client).
 */
import http from "node:http";
import { port } from "./env";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class RawClient {
  readonly jar = new Map<string, string>();
  constructor(readonly localAddress = "127.0.0.1") {}

  get cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  request(method: string, path: string, opts: { form?: Record<string, string>; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<RawResponse> {
    const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
    const headers: Record<string, string> = { ...opts.headers };
    if (this.jar.size) headers.cookie = this.cookieHeader;
    if (body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, localAddress: this.localAddress, method, path, headers, timeout: opts.timeoutMs ?? 30_000 }, (res) => {
        for (const c of res.headers["set-cookie"] ?? []) {
          const [pair] = c.split(";");
          const i = pair!.indexOf("=");
          const name = pair!.slice(0, i);
          const value = pair!.slice(i + 1);
          if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(c) || value === "") this.jar.delete(name);
          else this.jar.set(name, value);
        }
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Fetches a CSRF token (and its cookie) for a later `postSignIn`. */
  async csrf(): Promise<string> {
    return JSON.parse((await this.request("GET", "/api/auth/csrf")).body).csrfToken as string;
  }

  postSignIn(csrfToken: string, email: string, password: string, headers?: Record<string, string>) {
    return this.request("POST", "/api/auth/callback/credentials", { form: { csrfToken, email, password }, headers });
  }

  async signIn(email: string, password: string, headers?: Record<string, string>) {
    return this.postSignIn(await this.csrf(), email, password, headers);
  }

  /** True when this client's cookies are a live session (GET /api/v1/me answers 200). */
  async signedIn(): Promise<boolean> {
    return (await this.request("GET", "/api/v1/me")).status === 200;
  }
}

/** A loopback address of its own for a test (127.0.0.10 and up), so its failures count against nobody else. */
export const ownLoopback = (n: number) => `127.0.0.${10 + n}`;
