import fs from "node:fs";
import path from "node:path";
import { port } from "../env";

/** The dist folder the server under test was built into (mirrors scripts/e2e-server.mjs). */
export const distDir = process.env.NEXT_DIST_DIR || (String(port) === "3100" ? ".next" : `.next-e2e-${port}`);

export interface BuiltRoute {
  /** app path as Next names it, e.g. `/api/v1/exceptions/[id]/route` */
  appPath: string;
  /** URL pattern, e.g. `/api/v1/exceptions/[id]` */
  pattern: string;
  kind: "page" | "route";
}

export interface BuiltAction {
  id: string;
  exportedName: string;
  filename: string;
  /** URL patterns of the pages that import it */
  pages: string[];
}

function readJson(file: string): unknown {
  const full = path.resolve(distDir, file);
  if (!fs.existsSync(full)) throw new Error(`build manifest missing: ${full} (was the server built into ${distDir}?)`);
  return JSON.parse(fs.readFileSync(full, "utf8"));
}

export function builtRoutes(): BuiltRoute[] {
  const m = readJson("app-path-routes-manifest.json") as Record<string, string>;
  return Object.entries(m)
    .filter(([appPath]) => !appPath.startsWith("/_")) // _not-found, _global-error: framework pages
    .map(([appPath, pattern]) => ({ appPath, pattern, kind: appPath.endsWith("/route") ? ("route" as const) : ("page" as const) }));
}

export function builtActions(): BuiltAction[] {
  const routes = readJson("app-path-routes-manifest.json") as Record<string, string>;
  const m = readJson("server/server-reference-manifest.json") as { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };
  return Object.entries(m.node).map(([id, v]) => ({
    id,
    exportedName: v.exportedName ?? "?",
    filename: v.filename ?? "?",
    pages: Object.keys(v.workers)
      .map((w) => routes[w.replace(/^app/, "")])
      .filter((p): p is string => typeof p === "string"),
  }));
}
