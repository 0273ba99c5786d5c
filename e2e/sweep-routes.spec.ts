/**
 * Tenant-isolation sweep (issue 7 item 2): every page, route handler and server action of the BUILD
 * (read from the Next build manifests) is called with no session (also with the
 * `x-middleware-subrequest` bypass header) and as Pacific Rim (PRE) against Northwind's (NWC) real ids.
 * Only public endpoints may answer without a session; nothing of NWC may be returned or changed.
 * It posts, so it runs in the "mutating" project.
 */
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { builtActions, builtRoutes, distDir } from "./sweep/manifest";
import { contextOf, prepareVictim, snapshot, VICTIM, VICTIM_EMAIL, type VictimIds } from "./sweep/tenant";
import { baseURL } from "./env";

test.describe.configure({ mode: "serial", timeout: 480_000 });

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
const BYPASS = ["middleware", "src/middleware", "proxy", "src/proxy", "pages/_middleware"].map((m) => Array(5).fill(m).join(":"));
// 429: the server's gate (scripts/request-gate.mjs) meters state-changing requests without a session
// per address; the sweep sends hundreds from one, and a refusal by the gate reveals nothing either.
const REFUSED = new Set([401, 403, 404, 405, 429]);

/** Answer without a session by design. */
const PUBLIC_ROUTES: [RegExp, string][] = [
  [/^\/api\/health$/, "liveness probe"],
  [/^\/api\/v1\/openapi\.json$/, "the published API contract"],
  [/^\/api\/auth\//, "next-auth: csrf, session (null), providers, sign-in/callback, sign-out"],
];
const PUBLIC_PAGES = new Set(["/sign-in", "/forgot-password", "/reset-password"]);
/**
 * Endpoints where a distributor legitimately WRITES (its own rows; the path holds no other tenant's id).
 * A 2xx here is fine as long as nothing of NWC comes back or changes (checked by markers + snapshot).
 */
const OWN_WRITES = new Set(["POST /api/v1/submissions/[period]", "POST /api/v1/uploads", "POST /api/v1/tokens", "POST /api/v1/claims"]);
/** Reads whose body may name NWC for a non-tenant reason. */
const MARKER_ALLOW: Record<string, string> = {
  "/api/v1/openapi.json": "public documentation; examples may name demo distributor codes",
};

let staff: APIRequestContext, nwc: APIRequestContext, pre: APIRequestContext, anon: APIRequestContext;
let v: VictimIds;
let before: Awaited<ReturnType<typeof snapshot>>;
const serverErrors: string[] = [];

test.beforeAll(async () => {
  staff = await contextOf("manager");
  nwc = await contextOf("northwind");
  pre = await contextOf("pacificrim");
  anon = await contextOf(null);
  v = await prepareVictim(staff, nwc, pre);
  before = await snapshot(staff, nwc, v);
});

test.afterAll(async () => {
  if (v) await nwc.delete(`/api/v1/tokens/${v.tokenId}`);
  if (serverErrors.length) console.log(`[sweep] HTTP 5xx seen (${serverErrors.length}, distinct below):\n  ${[...new Set(serverErrors)].join("\n  ")}`);
  for (const c of [staff, nwc, pre, anon]) await c?.dispose();
});

/** Concrete URLs for a pattern, each `[param]` filled with NWC's real ids. */
function fill(pattern: string): string[] {
  if (pattern.includes("[...nextauth]")) {
    return ["session", "csrf", "providers", "signin", "signout", "error", "callback/credentials"].map((p) => pattern.replace("[...nextauth]", p));
  }
  const url = pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    switch (name) {
      case "period": return v.period;
      case "revision": return String(v.revision);
      case "programId": return v.programId;
      case "email": return encodeURIComponent(VICTIM_EMAIL);
      case "distributor": return VICTIM;
      case "sku": return encodeURIComponent(v.sku);
      case "line": return "1";
      case "id":
        if (pattern.includes("/claim-overrides/")) return v.overrideId;
        if (pattern.includes("claims/")) return v.claimId; // /api/v1/claims/[id]…, /claims/[id], /my-claims/[id]
        if (pattern.includes("/uploads/")) return v.uploadId;
        if (pattern.includes("/corrections/")) return v.correctionId;
        if (pattern.includes("/tokens/")) return v.tokenId;
        return v.exceptionId;
      default: throw new Error(`sweep: no NWC id for [${name}] in ${pattern}; teach fill() about it`);
    }
  });
  return [url];
}

/** NWC-identifying strings; those the request itself carries are left out (an echo is not a leak). */
function leaks(body: string, request: string, opts: { structured: boolean }): string[] {
  const text = body.replace(/\\"/g, '"');
  const found: string[] = [];
  const plain: [string, string | RegExp][] = [
    ["NWC code", /(?<![A-Za-z0-9])NWC(?![A-Za-z0-9])/],
    ["NWC name", v.victimName],
    ["NWC e-mail", VICTIM_EMAIL],
    ["NWC submitter", v.submitterName],
    ["NWC secret note", v.secretNote],
    ["NWC submission id", v.submissionId],
    ["NWC exception id", v.exceptionId],
    ["NWC correction id", v.correctionId],
    ["NWC upload id", v.uploadId],
    ["NWC token id", v.tokenId],
    ["NWC claim id", v.claimId],
    ["NWC override id", v.overrideId],
    ["NWC authorisation", v.authorizationNumber],
  ];
  for (const [label, m] of plain) {
    const inRequest = typeof m === "string" ? request.includes(m) || request.includes(encodeURIComponent(m)) : m.test(request);
    if (inRequest) continue;
    if (typeof m === "string" ? text.includes(m) : m.test(text)) found.push(label);
  }
  const rows = /"(distributor|code|distributorCode)":"NWC"/;
  if (opts.structured && !rows.test(request) && rows.test(text)) found.push("NWC rows (distributor:NWC)");
  return [...new Set(found)];
}

async function call(ctx: APIRequestContext, method: string, url: string, opts: { headers?: Record<string, string>; data?: unknown; multipart?: Record<string, string> } = {}) {
  const res: APIResponse = await ctx.fetch(url, { method, headers: opts.headers, data: opts.data as never, multipart: opts.multipart, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
  const body = await res.text();
  if (res.status() >= 500) serverErrors.push(`${res.status()} ${method} ${url}${opts.headers?.["Next-Action"] ? ` action ${opts.headers["Next-Action"]}` : ""}`);
  return { status: res.status(), body, location: res.headers()["location"] ?? "", headers: res.headers() };
}

function genericBody() {
  return {
    distributor: VICTIM, distributorCode: VICTIM, distributors: [VICTIM], code: VICTIM, email: VICTIM_EMAIL, active: false,
    period: v.period, sku: v.sku, id: v.exceptionId, ids: [v.exceptionId], exceptionId: v.exceptionId, correctionId: v.correctionId,
    uploadId: v.uploadId, programId: v.programId, status: "resolved", owner: null, body: "sweep probe from another tenant",
    note: "sweep probe", quantity: -5, type: "transfer", name: "Sweep", baseRevision: v.revision, lines: [{ sku: v.sku, sold: 1, returned: 0, onHand: 1 }],
  };
}

const isRedirectToSignIn = (r: { status: number; location: string }) => r.status >= 300 && r.status < 400 && /\/sign-in/.test(r.location);

test("the build manifests list the routes and actions", () => {
  const routes = builtRoutes();
  const actions = builtActions();
  console.log(`[sweep] ${distDir}: ${routes.filter((r) => r.kind === "route").length} route handlers, ${routes.filter((r) => r.kind === "page").length} pages, ${actions.length} server actions`);
  expect(routes.length).toBeGreaterThanOrEqual(40);
  expect(routes.filter((r) => r.kind === "route").length).toBeGreaterThanOrEqual(30);
  expect(actions.length).toBeGreaterThanOrEqual(10);
  for (const a of actions) expect(a.pages.length, `${a.exportedName} maps to a page`).toBeGreaterThan(0);
});

test("route handlers: nothing but the public endpoints answers without a session, bypass header or not", async () => {
  const findings: string[] = [];
  for (const r of builtRoutes().filter((r) => r.kind === "route")) {
    for (const url of fill(r.pattern)) {
      const isPublic = PUBLIC_ROUTES.some(([re]) => re.test(url));
      for (const method of METHODS) {
        for (const bypass of [null, ...BYPASS]) {
          const headers: Record<string, string> = { "Idempotency-Key": `sweep-anon-${Date.now()}-${Math.random()}` };
          if (bypass) headers["x-middleware-subrequest"] = bypass;
          const res = await call(anon, method, url, { headers, data: method === "GET" ? undefined : genericBody() });
          const tag = `${method} ${url}${bypass ? ` [x-middleware-subrequest: ${bypass.split(":")[0]}…]` : ""}`;
          const l = leaks(res.body, `${url} ${method === "GET" ? "" : JSON.stringify(genericBody())}`, { structured: true });
          if (l.length && !MARKER_ALLOW[r.pattern]) findings.push(`${tag} → ${res.status} leaks ${l.join(", ")}`);
          if (isPublic) {
            if (url.endsWith("/api/auth/session") && res.status === 200 && !/^(null|\{\})$/.test(res.body.trim())) findings.push(`${tag} → session without cookie: ${res.body.slice(0, 120)}`);
            continue;
          }
          if (!REFUSED.has(res.status) && !isRedirectToSignIn(res)) findings.push(`${tag} → ${res.status} (expected 401/403/404/405) ${res.body.slice(0, 120)}`);
        }
      }
    }
  }
  expect(findings).toEqual([]);
});

test("route handlers: Pacific Rim reads and changes nothing of Northwind's", async () => {
  const findings: string[] = [];
  for (const r of builtRoutes().filter((r) => r.kind === "route")) {
    for (const base of fill(r.pattern)) {
      if (base.startsWith("/api/auth/")) continue; // next-auth: PRE's own session, no tenant data
      const sep = base.includes("?") ? "&" : "?";
      const urls = [base, `${base}${sep}distributor=${VICTIM}&period=${v.period}`];
      const victimIdInPath = /\[(id|email)\]/.test(r.pattern);
      for (const url of urls) {
        for (const method of METHODS) {
          const bodies: unknown[] = method === "GET" ? [undefined] : [genericBody(), {}];
          for (const data of bodies) {
            const res = await call(pre, method, url, { headers: { "Idempotency-Key": `sweep-pre-${Date.now()}-${Math.random()}` }, data });
            const tag = `PRE ${method} ${url}${data && Object.keys(data as object).length === 0 ? " {}" : ""}`;
            const l = leaks(res.body, `${url} ${JSON.stringify(data ?? null)}`, { structured: true });
            if (l.length && !MARKER_ALLOW[r.pattern]) findings.push(`${tag} → ${res.status} returns ${l.join(", ")}: ${res.body.slice(0, 160)}`);
            const ok = res.status >= 200 && res.status < 300;
            if (ok && victimIdInPath) findings.push(`${tag} → ${res.status} on another tenant's id: ${res.body.slice(0, 160)}`);
            if (ok && method !== "GET" && !OWN_WRITES.has(`${method} ${r.pattern}`)) findings.push(`${tag} → ${res.status}: a distributor wrote through a non-distributor endpoint: ${res.body.slice(0, 160)}`);
          }
        }
      }
    }
  }
  expect.soft(await snapshot(staff, nwc, v), "NWC's state after PRE's route-handler calls").toEqual(before);
  expect(findings).toEqual([]);
});

test("pages: no content without a session; Pacific Rim never sees Northwind's", async () => {
  const findings: string[] = [];
  const pages = builtRoutes().filter((r) => r.kind === "page");
  for (const p of pages) {
    for (const url of fill(p.pattern)) {
      for (const bypass of [null, BYPASS[0], BYPASS[2]]) {
        const res = await call(anon, "GET", url, { headers: bypass ? { "x-middleware-subrequest": bypass } : {} });
        const tag = `GET ${url} (no session${bypass ? `, bypass ${bypass.split(":")[0]}` : ""})`;
        const l = leaks(res.body, url, { structured: true });
        if (l.length) findings.push(`${tag} → ${res.status} shows ${l.join(", ")}`);
        if (PUBLIC_PAGES.has(url)) continue;
        if (!(isRedirectToSignIn(res) || res.status === 404)) findings.push(`${tag} → ${res.status} ${res.location} (expected a redirect to /sign-in or 404)`);
      }
      const res = await call(pre, "GET", url);
      const l = leaks(res.body, url, { structured: true });
      if (l.length) findings.push(`PRE GET ${url} → ${res.status} shows ${l.join(", ")}`);
    }
  }
  // History of a revision number NWC has (PRE asks for it under its own name).
  const res = await call(pre, "GET", `/history/${v.period}/${v.revision}`);
  if (!v.attackerHasRevision && res.status === 200) findings.push(`PRE GET /history/${v.period}/${v.revision} → 200 for a revision PRE does not have`);
  expect(findings).toEqual([]);
});

test("server actions: refused without a session; Pacific Rim cannot read or change Northwind's", async () => {
  const findings: string[] = [];
  const actions = builtActions();
  const argSets = (): unknown[][] => [
    [],
    [v.period],
    ...(v.closedPeriod ? [[v.closedPeriod]] : []),
    [v.programId, [VICTIM]],
    [genericBody()],
    [v.programId, genericBody()],
    [{ distributors: [VICTIM], period: v.period, requestId: `sweep-${Date.now()}` }],
  ];
  const formFields = (signIn: boolean): Record<string, string> => {
    const g = genericBody();
    const f: Record<string, string> = {};
    for (const [k, val] of Object.entries(g)) f[`1_${k}`] = Array.isArray(val) ? String(val[0]) : typeof val === "object" ? JSON.stringify(val) : String(val);
    Object.assign(f, { "1_decision": "approve", "1_reason": "sweep probe reason", "1_role": "admin", "1_password": "sweep-Password-1", "1_listPrice": "1", "1_family": "MCU", "1_description": "x" });
    if (signIn) Object.assign(f, { "1_email": "sweep-nobody@example.test" }); // never throttle a real account
    f["0"] = JSON.stringify(["$undefined", "$K1"]);
    return f;
  };
  const dataMarkers = (body: string, request: string) => leaks(body, request, { structured: false });
  for (const a of actions) {
    const page = fill(a.pages[0])[0];
    // The signed-out account actions (sign in, forgot password, reset through a link) answer without a session by design.
    const signIn = /sign-in|forgot-password|reset-password/.test(a.filename);
    const headers = { "Next-Action": a.id, Origin: baseURL, Accept: "text/x-component" };
    for (const [who, ctx] of [["no session", anon], ["PRE", pre]] as const) {
      if (who === "PRE" && signIn) continue;
      const args = who === "PRE" ? argSets() : [[], [genericBody()]]; // without a session, refusal does not depend on the arguments
      const variants: { data?: string; multipart?: Record<string, string> }[] = [...args.map((x) => ({ data: JSON.stringify(x) })), { multipart: formFields(signIn) }];
      for (const variant of variants) {
        const res = await call(ctx, "POST", page, {
          headers: { ...headers, ...(variant.data ? { "content-type": "text/plain;charset=UTF-8" } : {}) },
          data: variant.data,
          multipart: variant.multipart,
        });
        const reqText = `${page} ${variant.data ?? JSON.stringify(variant.multipart)}`;
        const tag = `${who} action ${a.exportedName} (${a.filename}) via ${page} ${variant.data ? variant.data.slice(0, 60) : "multipart form"}`;
        const l = dataMarkers(res.body, reqText);
        if (l.length) findings.push(`${tag} → ${res.status} returns ${l.join(", ")}: ${res.body.slice(0, 200)}`);
        if (who === "no session" && !signIn && /"ok":true/.test(res.body)) findings.push(`${tag} → ${res.status} succeeded without a session: ${res.body.slice(0, 200)}`);
      }
    }
  }
  expect.soft(await snapshot(staff, nwc, v), "NWC's state after the server actions").toEqual(before);
  expect(findings).toEqual([]);
});

test("Northwind's state is unchanged and the sweep saw no server error", async () => {
  expect(await snapshot(staff, nwc, v)).toEqual(before);
  // Actions called with arguments of the wrong shape (not the FormData our forms send) answer like an
  // empty form; nothing in the build may answer 5xx.
  expect([...new Set(serverErrors)], "5xx from route handlers, pages or server actions").toEqual([]);
});
