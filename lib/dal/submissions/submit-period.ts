/**
 * `submitPeriod(db, viewer, { period, body, source, idempotencyKey?, onInFlight?, now?, ip? })` → `SubmitResult`
 * `{ submissionId, revision, submittedAt, timeliness, daysLate, exceptionsOpened, quality, flags, replayed }`
 *
 * Stores a new immutable revision of a distributor's report for a period — whole or nothing, in ONE
 * transaction. Used by `POST /api/v1/submissions/{period}` (source "api") and the portal's server
 * action (source "portal", or "upload" when the lines came from a file), which passes an
 * idempotency key generated per form render and `onInFlight: "wait"`, so a double click stores one
 * revision and both clicks get the same receipt.
 *
 * `body` is raw input, parsed here with the shared `submissionBodySchema`:
 * `{ baseRevision: n | null, uploadId?, lines: [{ sku, sold, returned, onHand, note? }] }`.
 *
 * Errors (AppError): 403 staff (only distributor users submit); 400 `validation_failed` with issues
 * (`lines.3.sold`, `lines.3.sku` for an unknown SKU, `uploadId`) and nothing stored; 404 untracked
 * period; 409 `conflict` for a period that has not ended, a closed period, a stale `baseRevision`
 * (`details: { latestRevision, submittedAt, submittedBy }`) or the same idempotency key in flight;
 * 422 `idempotency_mismatch` for a key reused with another body.
 *
 * In the transaction: idempotency claim → lock distributor × period → period checks → baseRevision
 * check → submission row (first time: timeliness of this first submission, kept for good) →
 * the submission check (flags per line, quality score; `check-submission.ts`) → revision + lines → ledger
 * rows of this distributor × the products of this and the previous revision rewritten from this period
 * on (updateLedger) → automatic exceptions opened for those rows out of tolerance and resolved for
 * those back within it (syncAutomaticExceptions) → missing SKUs → draft deleted → audit → idempotent
 * response stored.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { products, submissionRevisions, submissions, uploads, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, type Issue } from "@/lib/errors";
import { timeliness as judgeTimeliness, type Timeliness } from "@/lib/domain/compliance";
import { periodToDate } from "@/lib/domain/periods";
import { idempotencyKeySchema, parseSubmissionBody, type SubmissionBody } from "@/lib/validation/submission";
import { requireRole, resolveDistributor } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { updateLedger } from "../ledger/update-ledger";
import { syncAutomaticExceptions } from "../exceptions/sync-automatic";
import { ensurePeriods } from "../periods/ensure-periods";
import { deleteDraft } from "../drafts/draft-store";
import { num, rows, str } from "@/db/sql-rows";
import { updateMissingSkus } from "./missing-skus";
import { ReviewRequired, checkLines } from "./check-submission";
import type { Quality } from "@/lib/domain/quality";
import { unconfirmed, type RowFlag } from "@/lib/domain/submission-checks";
import { assertReportable, loadPeriodInfo, parsePeriodParam } from "./period-info";
import { claimIdempotencyKey, completeIdempotencyKey, requestHash, type IdempotencyClaim } from "./idempotency";

export type SubmissionSource = "portal" | "upload" | "api";

export interface SubmitPeriodInput {
  period: string;
  /** Raw body; validated here with the shared schema. */
  body: unknown;
  source: SubmissionSource;
  idempotencyKey?: string | null;
  /**
   * The same key while its first request is still running: "conflict" (409, the REST contract) or
   * "wait" for it and answer with its response (the portal, so a double click shows one receipt).
   */
  onInFlight?: "conflict" | "wait";
  /** The submission time (tests); defaults to now. */
  now?: Date;
  /** For the audit log. */
  ip?: string | null;
  /**
   * The screen: flagged lines must be fixed or carry `confirm`, else `ReviewRequired` is thrown and
   * nothing is stored. API clients are not forced through a review (flags are stored with the lines).
   */
  requireReview?: boolean;
}

export interface SubmitResponse {
  submissionId: string;
  revision: number;
  submittedAt: string;
  /** The FIRST submission's timeliness: a resubmission does not change it. */
  timeliness: Timeliness;
  daysLate: number;
  /** Rows of this distributor that this revision left out of tolerance and that now have an open exception. */
  exceptionsOpened: number;
  /** The data-quality score stored with the revision (lib/domain/quality.ts). */
  quality: Quality;
  /** The submission check's flags, stored with their lines (confirmed ones too). */
  flags: RowFlag[];
}

export interface SubmitResult extends SubmitResponse {
  /** True when an idempotent replay answered with the first response and stored nothing. */
  replayed: boolean;
}

export async function submitPeriod(db: Queryable, viewer: Viewer, input: SubmitPeriodInput): Promise<SubmitResult> {
  requireRole(viewer, ["distributor"]);
  const now = input.now ?? new Date();
  const period = parsePeriodParam(input.period);
  const parsed = parseSubmissionBody(input.body);
  if (!parsed.success) {
    throw new AppError("validation_failed", describeInvalid(parsed.issues), parsed.issues);
  }
  const body = parsed.data;
  let key: string | null = null;
  if (input.idempotencyKey !== undefined && input.idempotencyKey !== null) {
    const k = idempotencyKeySchema.safeParse(input.idempotencyKey);
    if (!k.success) throw new AppError("validation_failed", k.error.issues[0]!.message, [{ path: "Idempotency-Key", message: k.error.issues[0]!.message }]);
    key = k.data;
  }
  const d = await resolveDistributor(db, viewer);
  const productIds = await resolveSkus(db, body);
  const periodDate = periodToDate(period);
  if (body.uploadId) await assertUpload(db, d.id, period, body.uploadId);

  const claim: IdempotencyClaim | null = key
    ? {
        userId: viewer.userId,
        key,
        scope: `submission:${period}`,
        requestHash: requestHash({ period, body: { ...body, lines: [...body.lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)) } }),
      }
    : null;

  return db.transaction(async (tx) => {
    if (claim) {
      const { replay } = await claimIdempotencyKey(tx, claim, input.onInFlight ?? "conflict");
      if (replay) return { ...(replay.response as SubmitResponse), replayed: true };
    }
    // One submitter per distributor × period at a time, including the very first submission. Every
    // statement below reaches its rows by key (distributor × period × products): Postgres may reuse a
    // generic plan of it (the pool plans each execution anew otherwise: db/prepared-statements.ts).
    await tx.execute(sql`
      select pg_advisory_xact_lock(hashtextextended(${`submission:${d.id}:${period}`}, 0)),
             set_config('plan_cache_mode', 'auto', true)`);

    const info = await loadPeriodInfo(tx, period, now);
    assertReportable(info);
    if (!info.hasRow) await ensurePeriods(tx, info.settings, period, period);

    const [sub] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.distributorId, d.id), eq(submissions.period, periodDate)))
      .for("update")
      .limit(1);
    const current = sub?.latestRevision ?? null;
    if (body.baseRevision !== current) throw await staleRevision(tx, period, sub ?? null, body.baseRevision);

    const revision = (current ?? 0) + 1;
    const revisionId = randomUUID();
    let submissionId: string;
    let tl: { timeliness: Timeliness; daysLate: number };
    if (!sub) {
      submissionId = randomUUID();
      tl = judgeTimeliness(now, info.dueAt, info.settings.graceDays);
      await tx.insert(submissions).values({
        id: submissionId, distributorId: d.id, period: periodDate, firstSubmittedAt: now,
        timeliness: tl.timeliness, daysLate: tl.daysLate, latestRevision: revision, latestRevisionId: revisionId,
      });
    } else {
      submissionId = sub.id;
      tl = { timeliness: sub.timeliness, daysLate: sub.daysLate };
      await tx.update(submissions).set({ latestRevision: revision, latestRevisionId: revisionId }).where(eq(submissions.id, sub.id));
    }

    const lines = body.lines;
    const check = await checkLines(tx, {
      distributorId: d.id, period, lines, productIds, uploadId: body.uploadId ?? null, daysLate: tl.daysLate, settings: info.settings,
    });
    if (input.requireReview) {
      const open = unconfirmed(check.flags, lines);
      if (open.length) throw new ReviewRequired(open, check.quality);
    }
    // The portal's submit carries the upload the grid was filled from: that revision's source is "upload".
    const source: SubmissionSource = input.source === "portal" && body.uploadId ? "upload" : input.source;
    await tx.insert(submissionRevisions).values({
      id: revisionId, submissionId, revision, submittedAt: now, submittedBy: viewer.userId, source,
      uploadId: body.uploadId ?? null,
      totalSold: lines.reduce((a, l) => a + l.sold, 0),
      totalReturned: lines.reduce((a, l) => a + l.returned, 0),
      totalOnHand: lines.reduce((a, l) => a + l.onHand, 0),
      lineCount: lines.length,
      qualityScore: check.quality.score,
      qualityParts: check.quality.parts,
    });
    const payload = JSON.stringify(
      lines.map((l, i) => {
        const f = check.byLine[i]!;
        return {
          p: productIds[i], s: l.sold, r: l.returned, h: l.onHand, n: l.note ?? null,
          f: f.length ? f.map(({ kind, message }) => ({ kind, message })) : null,
          cr: l.confirm?.reason ?? null, cn: l.confirm?.note ?? null,
        };
      }),
    );
    await tx.execute(sql`
      insert into submission_lines (revision_id, product_id, sold, returned, on_hand, note, flags, confirm_reason, confirm_note)
      select ${revisionId}::uuid, x.p, x.s, x.r, x.h, x.n, x.f, x.cr, x.cn
        from jsonb_to_recordset(${payload}::jsonb) as x(p int, s int, r int, h int, n text, f jsonb, cr text, cn text)`);

    // The maintained ledger: this distributor × the products of this revision and the one it replaces.
    const touched = new Set<number>(productIds);
    if (sub) {
      const previous = await rows(
        tx,
        sql`select product_id from submission_lines where revision_id = ${sub.latestRevisionId}::uuid`,
        (r) => num(r.product_id),
      );
      for (const id of previous) touched.add(id);
    }
    const change = { distributorId: d.id, productIds: [...touched], from: periodDate };
    await updateLedger(tx, change);
    const auto = await syncAutomaticExceptions(tx, change, "revision");
    await updateMissingSkus(tx, [submissionId]);
    await deleteDraft(tx, d.id, periodDate);
    await recordAudit(tx, viewer, "submission.create", {
      distributorId: d.id,
      subject: `${d.code} ${period} revision ${revision}`,
      data: { submissionId, revision, source, lines: lines.length, uploadId: body.uploadId ?? null, via: viewer.via, quality: check.quality.score, flags: check.flags.length },
      ip: input.ip ?? null,
    });

    const response: SubmitResponse = {
      submissionId, revision, submittedAt: now.toISOString(), timeliness: tl.timeliness, daysLate: tl.daysLate,
      exceptionsOpened: auto.opened, quality: check.quality, flags: check.flags,
    };
    if (claim) await completeIdempotencyKey(tx, claim, 201, response);
    return { ...response, replayed: false };
  });
}

function describeInvalid(issues: Issue[]): string {
  const lines = new Set(issues.filter((i) => i.path.startsWith("lines.")).map((i) => i.path.split(".")[1]));
  if (lines.size) return `${lines.size} line${lines.size === 1 ? " is" : "s are"} not valid; nothing was stored`;
  return `${issues[0]?.message ?? "The submission is not valid"}; nothing was stored`;
}

/** SKU of each line → product id, in line order; unknown SKUs are a 400 naming each one. */
export async function resolveSkus(db: Queryable, body: SubmissionBody): Promise<number[]> {
  const skus = [...new Set(body.lines.map((l) => l.sku))];
  const exact = new Map<string, number>();
  for (let i = 0; i < skus.length; i += 5000) {
    const found = await db.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, skus.slice(i, i + 5000)));
    for (const p of found) exact.set(p.sku, p.id);
  }
  const rest = skus.filter((s) => !exact.has(s));
  const folded = new Map<string, number>();
  if (rest.length) {
    // Not typed exactly as in the catalogue: accept a case-insensitive match when it is unambiguous.
    const matches = await rows(
      db,
      sql`
        select min(id) as id, upper(sku) as key, count(*)::int as n from products
         where upper(sku) = any(${sql.param(rest.map((s) => s.toUpperCase()))}::text[]) group by upper(sku)`,
      (r) => ({ id: num(r.id), key: str(r.key), n: num(r.n) }),
    );
    for (const r of matches) if (r.n === 1) folded.set(r.key, r.id);
  }
  const issues: Issue[] = [];
  const ids = body.lines.map((l, i) => {
    const id = exact.get(l.sku) ?? folded.get(l.sku.toUpperCase());
    if (id === undefined) issues.push({ path: `lines.${i}.sku`, message: `Unknown SKU ${l.sku}: it is not in the catalogue` });
    return id ?? 0;
  });
  if (issues.length) {
    throw new AppError(
      "validation_failed",
      `${issues.length === 1 ? "1 SKU is" : `${issues.length} SKUs are`} not in the catalogue; nothing was stored`,
      issues,
    );
  }
  return ids;
}

export async function assertUpload(db: Queryable, distributorId: number, period: string, uploadId: string) {
  const [u] = await db
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.distributorId, distributorId), eq(uploads.period, periodToDate(period))))
    .limit(1);
  if (!u) {
    throw new AppError("validation_failed", `No upload ${uploadId} of yours for period ${period}; nothing was stored`, [
      { path: "uploadId", message: `No upload ${uploadId} of yours for period ${period}` },
    ]);
  }
}

async function staleRevision(
  tx: Queryable,
  period: string,
  sub: typeof submissions.$inferSelect | null,
  baseRevision: number | null,
): Promise<AppError> {
  if (!sub) {
    return new AppError("conflict", `Nothing has been submitted for ${period} yet; send baseRevision null`, [], {
      latestRevision: null, submittedAt: null, submittedBy: null,
    });
  }
  const [latest] = await tx
    .select({ submittedAt: submissionRevisions.submittedAt, name: users.name, email: users.email })
    .from(submissionRevisions)
    .innerJoin(users, eq(users.id, submissionRevisions.submittedBy))
    .where(eq(submissionRevisions.id, sub.latestRevisionId))
    .limit(1);
  const by = latest ? latest.name || latest.email : null;
  return new AppError(
    "conflict",
    `Revision ${sub.latestRevision} of ${period} was submitted${by ? ` by ${by}` : ""}${latest ? ` at ${latest.submittedAt.toISOString()}` : ""}; ` +
      `this was based on ${baseRevision === null ? "no revision" : `revision ${baseRevision}`}. Review the latest revision and submit again.`,
    [],
    { latestRevision: sub.latestRevision, submittedAt: latest?.submittedAt.toISOString() ?? null, submittedBy: by },
  );
}
