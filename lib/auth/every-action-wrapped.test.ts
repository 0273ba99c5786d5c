/**
 * Every server action goes through the one wrapper (lib/auth/action.ts): each file marked
 * "use server" is parsed with the TypeScript compiler, and every function it exports must call
 * `runAction`, `runPublicAction` or `runSystemAction` — and export nothing else that runs.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const WRAPPERS = new Set(["runAction", "runPublicAction", "runSystemAction"]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

function isUseServer(sf: ts.SourceFile): boolean {
  const first = sf.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

function callsWrapper(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && WRAPPERS.has(n.expression.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

const exported = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The exported actions of a "use server" file: name → whether its body calls the wrapper. */
function actionsOf(sf: ts.SourceFile): { name: string; wrapped: boolean }[] {
  const out: { name: string; wrapped: boolean }[] = [];
  for (const s of sf.statements) {
    if (!exported(s)) continue;
    if (ts.isFunctionDeclaration(s)) out.push({ name: s.name?.text ?? "default", wrapped: !!s.body && callsWrapper(s.body) });
    else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) out.push({ name: d.name.getText(sf), wrapped: !!d.initializer && callsWrapper(d.initializer) });
    }
  }
  return out;
}

const files = ["app", "lib", "components"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
const actionFiles = files
  .map((f) => ({ file: path.relative(ROOT, f), sf: ts.createSourceFile(f, fs.readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true) }))
  .filter((x) => isUseServer(x.sf));

describe('every "use server" export goes through the action wrapper', () => {
  it("finds the action files (the scan works)", () => {
    expect(actionFiles.map((x) => x.file)).toEqual(expect.arrayContaining([path.join("app", "(portal)", "submit", "actions.ts"), path.join("lib", "auth", "sign-out-action.ts")]));
    expect(actionFiles.flatMap((x) => actionsOf(x.sf)).length).toBeGreaterThan(25);
  });

  it.each(actionFiles.map((x) => [x.file, x.sf] as const))("%s", (_file, sf) => {
    const unwrapped = actionsOf(sf).filter((a) => !a.wrapped).map((a) => a.name);
    expect(unwrapped).toEqual([]);
  });

  it("the check itself catches an action that does not use the wrapper", () => {
    const bad = ts.createSourceFile("bad.ts", `"use server";\nexport async function raw() { return 1; }\nexport async function ok() { return runAction({ name: "x" }, async () => {}); }`, ts.ScriptTarget.Latest, true);
    expect(actionsOf(bad)).toEqual([{ name: "raw", wrapped: false }, { name: "ok", wrapped: true }]);
  });
});
