"use server";

/**
 * The distributor's claim actions, through the one action wrapper (`runAction`): the viewer from the
 * session (the tenant never comes from the input), distributor users only, the body parsed with the
 * shared claim schema, the data layer inside the viewer's transaction. A claim is stored whole or not
 * at all; the idempotency key generated once per screen makes a double click one claim.
 */
import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { claimBodyFromFile, parseClaimMapping } from "@/lib/dal/claims/claim-file";
import { submitClaim } from "@/lib/dal/claims/submit-claim";
import { claimIdempotencyKey, completeIdempotencyKey, requestHash } from "@/lib/dal/submissions/idempotency";
import { AppError } from "@/lib/errors";
import type { ActionMessages } from "@/lib/validation/action-state";
import { claimBodySchema } from "@/lib/validation/claims";
import { formDataOf } from "@/lib/validation/form-data";
import type { ClaimLinesInput, ClaimLinesState, ClaimUploadData, ClaimUploadFailure, ClaimUploadState } from "@/components/claims-portal/action-types";

const MESSAGES: ActionMessages = {
  unauthenticated: "Your session has ended. Sign in again (in another tab) and send the claim again; what you typed is kept here.",
  forbidden: "Only distributor users send claims.",
  not_found: "That claim no longer exists.",
  idempotency_mismatch: "This screen already sent a claim with other lines. Reload it before sending again.",
  conflict: "This claim is being sent already; wait a moment.",
  payload_too_large: "The file is too large to send here; send it through the API (POST /api/v1/claims).",
  database_unavailable: "We could not reach the database, so nothing was stored. Send the claim again in a moment.",
  internal: "Something went wrong on our side and nothing was stored. Try again in a moment.",
};

const linesInputSchema = claimBodySchema.extend({ idempotencyKey: z.string().min(8).max(200) });

/** Sends the lines typed on the screen as a claim, or as a new revision of `claim` (corrected lines). */
export async function submitClaimLinesAction(input: ClaimLinesInput): Promise<ClaimLinesState> {
  return runAction(
    { name: "submitClaimLines", roles: ["distributor"], schema: linesInputSchema, input, revalidate: ["/my-claims"], messages: MESSAGES },
    async ({ db, viewer, input: { idempotencyKey, ...body } }) => {
      const key = { userId: viewer.userId, key: idempotencyKey, scope: `claim:${body.claim ?? "new"}`, requestHash: requestHash(body) };
      const { replay } = await claimIdempotencyKey(db, key, "wait");
      if (replay) {
        const seen = replay.response as { id: string; revision: number };
        return { redirectTo: `/my-claims/${seen.id}?submitted=${seen.revision}` };
      }
      const stored = await submitClaim(db, viewer, body, { source: "screen" });
      await completeIdempotencyKey(db, key, 201, { id: stored.id, revision: stored.revision });
      return { redirectTo: `/my-claims/${stored.id}?submitted=${stored.revision}` };
    },
  );
}

const uploadFieldsSchema = z.object({
  period: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose the claim's period").nullish(),
  reference: z.string().trim().max(64).nullish(),
  dateOrder: z.enum(["DMY", "MDY"]).nullish(),
  idempotencyKey: z.string().min(8).max(200),
});

/**
 * A claim file in the distributor's own layout (CSV, XLSX or X12 844): read, then stored as a claim
 * when every line reads; otherwise the columns to confirm (`needs`) or the bad lines come back and
 * nothing is stored.
 */
export async function uploadClaimFileAction(_prev: ClaimUploadState, fd: FormData): Promise<ClaimUploadState> {
  fd = formDataOf(fd);
  const text = (k: string) => (typeof fd.get(k) === "string" && (fd.get(k) as string) !== "" ? (fd.get(k) as string) : null);
  const file = fd.get("file");
  const values = { period: text("period") ?? "", reference: text("reference") ?? "" };
  return runAction<Record<string, string>, ClaimUploadData, typeof uploadFieldsSchema, ClaimUploadFailure>(
    {
      name: "uploadClaimFile", roles: ["distributor"], schema: uploadFieldsSchema, values, revalidate: ["/my-claims"], messages: MESSAGES,
      input: { period: text("period"), reference: text("reference"), dateOrder: text("dateOrder"), idempotencyKey: text("idempotencyKey") ?? "" },
    },
    async ({ db, viewer, input }) => {
      if (!(file instanceof File) || file.size === 0) throw new AppError("validation_failed", "Choose a claim file to upload.", [{ path: "file", message: "Choose a file" }]);
      const mapping = parseClaimMapping(text("mapping"));
      return storeFile(db, viewer, file, { ...input, mapping });
    },
  );
}

type Ctx = Parameters<Parameters<typeof runAction>[1]>[0];

async function storeFile(
  db: Ctx["db"], viewer: Ctx["viewer"], file: File, o: z.infer<typeof uploadFieldsSchema> & { mapping: ReturnType<typeof parseClaimMapping> },
): Promise<AppError | { data: ClaimUploadData }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const r = await claimBodyFromFile(db, viewer, { bytes, fileName: file.name, period: o.period, reference: o.reference, mapping: o.mapping, dateOrder: o.dateOrder });
  if (r.kind === "needs") return { data: { kind: "needs", format: r.format, needs: r.needs, headers: r.headers, warnings: r.warnings } };
  if (r.kind === "errors") {
    const n = r.errors.length;
    return new AppError("validation_failed", `${n} ${n === 1 ? "line" : "lines"} of ${file.name} cannot be read; nothing was stored.`, [], { format: r.format, fileErrors: r.errors.slice(0, 500), warnings: r.warnings });
  }
  const body = { ...r.body, reference: o.reference ?? r.body.reference };
  const key = { userId: viewer.userId, key: o.idempotencyKey, scope: "claim:file", requestHash: requestHash(body) };
  const { replay } = await claimIdempotencyKey(db, key, "wait");
  const stored = replay ? (replay.response as { id: string; revision: number }) : await submitClaim(db, viewer, body, { source: r.format, fileName: file.name });
  if (!replay) await completeIdempotencyKey(db, key, 201, { id: stored.id, revision: stored.revision });
  return { data: { kind: "stored", format: r.format, id: stored.id, revision: stored.revision, warnings: r.warnings } };
}
