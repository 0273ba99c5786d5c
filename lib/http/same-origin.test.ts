import { describe, expect, it } from "vitest";
import { crossOriginRefusal } from "./same-origin";

const req = (method: string, headers: Record<string, string>) => new Request("http://app.example:3000/api/v1/admin/users", { method, headers: { host: "app.example:3000", ...headers } });
const session = { via: "session" as const };
const token = { via: "token" as const };

describe("cross-origin requests on the session cookie", () => {
  it("refuses what another origin's page can send: by Sec-Fetch-Site, by Origin, or a simple POST with neither", () => {
    expect(crossOriginRefusal(req("POST", { "sec-fetch-site": "cross-site", "content-type": "text/plain" }), session)?.status).toBe(403);
    expect(crossOriginRefusal(req("POST", { "sec-fetch-site": "same-site", "content-type": "application/json" }), session)?.status).toBe(403);
    expect(crossOriginRefusal(req("POST", { origin: "http://app.example:8080", "content-type": "text/plain" }), session)?.status).toBe(403);
    expect(crossOriginRefusal(req("PATCH", { origin: "null" }), session)?.status).toBe(403);
    for (const type of ["text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      expect(crossOriginRefusal(req("POST", type ? { "content-type": type } : {}), session)?.status, type).toBe(403);
    }
  });

  it("lets the app's own pages, scripts sending JSON or files, and API tokens through", () => {
    expect(crossOriginRefusal(req("POST", { "sec-fetch-site": "same-origin", "content-type": "multipart/form-data; boundary=x" }), session)).toBeNull();
    expect(crossOriginRefusal(req("POST", { origin: "http://app.example:3000", "content-type": "text/plain" }), session)).toBeNull();
    expect(crossOriginRefusal(req("POST", { origin: "https://portal.example", "x-forwarded-host": "portal.example", "content-type": "text/plain" }), session)).toBeNull();
    for (const type of ["application/json", "application/merge-patch+json", "text/csv", "application/edi-x12"]) {
      expect(crossOriginRefusal(req("POST", { "content-type": type }), session), type).toBeNull();
    }
    expect(crossOriginRefusal(req("DELETE", {}), session)).toBeNull(); // never a simple request: preflighted
    expect(crossOriginRefusal(req("GET", { "sec-fetch-site": "cross-site" }), session)).toBeNull();
    expect(crossOriginRefusal(req("POST", { "sec-fetch-site": "cross-site", "content-type": "text/plain" }), token)).toBeNull();
  });
});
