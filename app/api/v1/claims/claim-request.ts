/**
 * What a `POST /api/v1/claims` carries: a JSON claim body, or a claim file — a multipart field `file`
 * (other options may be form fields) or the raw body with its content type. Options come from the
 * query (`period`, `mapping`, `dateOrder`, `sheet`, `reference`, `claim`, `distributor`, `fileName`);
 * form fields win over the query.
 */
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/api-route";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Raw file bodies: the type only names a default file name; what the file is comes from its bytes. */
const FILE_TYPES: Record<string, string> = {
  "text/csv": "claim.csv",
  "text/tab-separated-values": "claim.tsv",
  [XLSX]: "claim.xlsx",
  "application/edi-x12": "claim.edi",
  "application/x12": "claim.edi",
  "application/octet-stream": "claim",
};

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionsSchema = z.object({
  period: z.preprocess(blank, z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a period in the form YYYY-MM").optional()),
  mapping: z.preprocess(blank, z.string().max(20_000).optional()),
  dateOrder: z.preprocess(blank, z.enum(["MDY", "DMY"], { error: "dateOrder is MDY (month/day) or DMY (day/month)" }).optional()),
  sheet: z.preprocess(blank, z.string().trim().max(200).optional()),
  reference: z.preprocess(blank, z.string().trim().max(64).optional()),
  claim: z.preprocess(blank, z.uuid("claim is the id of the claim this file revises").optional()),
  distributor: z.preprocess(blank, z.string().trim().max(12).optional()),
  fileName: z.preprocess(blank, z.string().trim().max(255).optional()),
});
export type ClaimFileOptions = z.infer<typeof optionsSchema>;

export type ClaimRequest =
  | { kind: "json"; body: unknown; options: ClaimFileOptions; hash: unknown }
  | { kind: "file"; bytes: Uint8Array; fileName: string; options: ClaimFileOptions; hash: unknown };

function options(raw: Record<string, unknown>): ClaimFileOptions {
  return optionsSchema.parse(raw);
}

export async function readClaimRequest(req: NextRequest): Promise<ClaimRequest> {
  const query = Object.fromEntries(req.nextUrl.searchParams.entries());
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) {
    const body = await readJson(req, Number.MAX_SAFE_INTEGER); // the route's maxBody already bounds it
    const o = options(query);
    return { kind: "json", body, options: o, hash: { json: body, distributor: o.distributor?.toUpperCase() ?? null } };
  }
  let bytes: Uint8Array;
  let o: ClaimFileOptions;
  let name: string | undefined;
  if (type === "multipart/form-data") {
    const form = await req.formData().catch(() => {
      throw new AppError("validation_failed", "The multipart body cannot be read; nothing was stored", [{ path: "file", message: "Not a valid multipart body" }]);
    });
    const file = form.get("file");
    if (!file || typeof file === "string") throw new AppError("validation_failed", "Send the claim file in the multipart field `file`; nothing was stored", [{ path: "file", message: "Missing" }]);
    const fields = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "file" && typeof v === "string"));
    o = options({ ...query, ...fields });
    bytes = new Uint8Array(await file.arrayBuffer());
    name = o.fileName ?? (file.name || undefined);
  } else if (type in FILE_TYPES) {
    o = options(query);
    bytes = new Uint8Array(await req.arrayBuffer());
    name = o.fileName ?? FILE_TYPES[type];
  } else {
    throw new AppError("validation_failed", `Send a claim as application/json, or a claim file (multipart field \`file\`, or a raw body of ${Object.keys(FILE_TYPES).join(", ")}); nothing was stored`, [{ path: "content-type", message: type || "missing" }]);
  }
  const sha = createHash("sha256").update(bytes).digest("hex");
  // The same bytes with the same answers are the same request, whatever the file is called.
  const hash = { file: sha, period: o.period, mapping: o.mapping, dateOrder: o.dateOrder, sheet: o.sheet, reference: o.reference, claim: o.claim, distributor: o.distributor?.toUpperCase() ?? null };
  return { kind: "file", bytes, fileName: name ?? "claim", options: o, hash };
}
