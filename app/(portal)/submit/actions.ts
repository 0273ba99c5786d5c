"use server";

/**
 * Server actions of the distributor's screen, through the one action wrapper (`runAction`): the
 * viewer from the session (the tenant never comes from the input), the input parsed with the shared
 * schemas, the data layer inside the viewer's transaction, one `ActionState` back
 * (lib/validation/submit-actions.ts) — never a raw error message or stack trace.
 */
import { headers } from "next/headers";
import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { clientIp } from "@/lib/auth/client-ip";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { searchProducts } from "@/lib/dal/catalogue/search-products";
import { discardDraft } from "@/lib/dal/drafts/discard-draft";
import { saveDraft } from "@/lib/dal/drafts/save-draft";
import type { DraftView } from "@/lib/dal/drafts/get-draft";
import { getRevision, type RevisionLine } from "@/lib/dal/submissions/get-revision";
import { submitPeriod } from "@/lib/dal/submissions/submit-period";
import { ReviewRequired } from "@/lib/dal/submissions/check-submission";
import { periodSchema } from "@/lib/validation/common";
import { diffLines } from "@/lib/domain/revision-diff";
import { parseSubmissionBody, type SubmissionLine } from "@/lib/validation/submission";
import type { ActionMessages } from "@/lib/validation/action-state";
import type {
  DiscardDraftActionState,
  DraftViewState,
  RevisionDifference,
  SaveDraftActionInput,
  SaveDraftActionState,
  SaveDraftResult,
  SearchCatalogueActionState,
  SubmitActionInput,
  SubmitActionState,
  SubmitConflict,
  SubmitFailureDetails,
} from "@/lib/validation/submit-actions";
import type { Tx } from "@/db/open";

const SIGNED_OUT = "Your session has ended. Sign in again (in another tab) to save; your edits are kept in this tab.";
const MAX_DIFFERENCES = 200;
const OUT_OF_DATE = "This page is out of date; reload it and submit again.";

const submitInputSchema = z.object({
  period: periodSchema,
  idempotencyKey: z.string().min(1).max(200),
});

/** The submit screen's wording for what the data layer refuses (its own message is kept otherwise). */
const SUBMIT_MESSAGES: ActionMessages = {
  unauthenticated: SIGNED_OUT,
  idempotency_mismatch: "This page was already submitted with other numbers. Reload it to see the latest revision before submitting again.",
  forbidden: "Only distributor users can submit a report.",
  not_found: "There is no such reporting period.",
  database_unavailable: "We could not reach the database, so nothing was stored. Your edits and the saved draft are kept; submit again in a moment.",
  internal: "Something went wrong on our side and nothing was stored. Try again in a moment; your edits are kept.",
};

/**
 * Submits the whole grid as a new revision (source "portal"). The idempotency key is generated once
 * per rendered page, and a second request with the same key waits for the first and gets its
 * answer: a double click stores one revision. Success redirects to the receipt. The submission check
 * runs in the same transaction: flagged lines that are neither fixed nor confirmed answer `conflict`
 * with `details.review` (the flags) and store nothing (an honest month with no flags is stored at once).
 * A colleague's newer revision answers `conflict` with `details.conflict`: what differs from this grid.
 */
export async function submitReportAction(input: SubmitActionInput): Promise<SubmitActionState> {
  let lines: SubmissionLine[] = [];
  const state = await runAction<Record<string, unknown>, undefined, undefined, SubmitFailureDetails>(
    { name: "submitReport", messages: SUBMIT_MESSAGES },
    async ({ viewer, db }) => {
      const shape = submitInputSchema.safeParse(input);
      if (!shape.success) throw new AppError("validation_failed", OUT_OF_DATE);
      const parsed = parseSubmissionBody(input.body);
      if (!parsed.success) throw new AppError("validation_failed", "Some cells are not valid; nothing was stored.", parsed.issues);
      lines = parsed.data.lines;
      const { period, idempotencyKey } = shape.data;
      try {
        const r = await submitPeriod(db, viewer, {
          period, body: input.body, source: "portal", idempotencyKey, onInFlight: "wait", ip: clientIp(await headers()), requireReview: true,
        });
        return { redirectTo: `/history/${period}/${r.revision}?receipt=1` };
      } catch (e) {
        if (!(e instanceof ReviewRequired)) throw e;
        const rows = new Set(e.flags.map((f) => f.sku.toUpperCase())).size;
        throw new AppError("conflict", `${rowsText(rows)} a look before we store the report: fix the numbers or confirm them as reported.`, [], {
          review: { flags: e.flags, quality: e.quality },
        } satisfies SubmitFailureDetails);
      }
    },
  );
  // A colleague's newer revision: what differs from this grid (read in a transaction of its own).
  const newer = state.ok === false && state.code === "conflict" && !state.details?.review ? (state.details as { latestRevision?: number | null } | undefined) : undefined;
  if (state.ok !== false || !newer || !("latestRevision" in newer)) return state;
  const d = newer as { latestRevision: number | null; submittedAt?: string | null; submittedBy?: string | null };
  const period = String(input.period);
  const diff = await runAction<Record<string, unknown>, { list: RevisionDifference[]; count: number }>({ name: "submitReport.differences" }, async ({ viewer, db }) => ({
    data: d.latestRevision ? await differences(db, viewer, period, d.latestRevision, lines) : { list: [], count: 0 },
  }));
  const found = diff.ok ? diff.data! : { list: [], count: 0 };
  const conflict: SubmitConflict = {
    latestRevision: d.latestRevision, submittedAt: d.submittedAt ?? null, submittedBy: d.submittedBy ?? null,
    differences: found.list, differenceCount: found.count,
  };
  return { ...state, details: { conflict } };
}

const rowsText = (n: number) => (n === 1 ? "1 line needs" : `${n} lines need`);

/** What differs between a colleague's revision and the grid that was about to be submitted. */
async function differences(db: Tx, viewer: Viewer, period: string, revision: number, yours: SubmissionLine[]): Promise<{ list: RevisionDifference[]; count: number }> {
  let theirs: RevisionLine[];
  try {
    theirs = (await getRevision(db, viewer, { period, revision })).lines;
  } catch {
    return { list: [], count: 0 };
  }
  // A blank note and no note are the same to the distributor.
  const plain = (l: { sku: string; sold: number; returned: number; onHand: number; note?: string | null }) => ({ ...l, note: l.note || null });
  const out: RevisionDifference[] = [];
  for (const c of diffLines(theirs.map(plain), yours.map(plain)).changes) {
    if (c.change !== "changed") {
      out.push(c.change === "added" ? { sku: c.sku, field: "line", theirs: null, yours: "listed" } : { sku: c.sku, field: "line", theirs: "listed", yours: null });
      continue;
    }
    for (const f of ["sold", "returned", "onHand"] as const) if (c.fields[f]) out.push({ sku: c.sku, field: f, theirs: c.fields[f].from, yours: c.fields[f].to });
    if (c.fields.note) out.push({ sku: c.sku, field: "note", theirs: c.fields.note.from ?? "", yours: c.fields.note.to ?? "" });
  }
  return { list: out.slice(0, MAX_DIFFERENCES), count: out.length };
}

function draftState(d: DraftView): DraftViewState {
  return { version: d.version, baseRevision: d.baseRevision, cells: d.cells, updatedAt: d.updatedAt, updatedByName: d.updatedBy?.name ?? null };
}

/**
 * Saves the cells changed since draft `version` (debounced by the grid). A closed period (`conflict`)
 * and an invalid patch say "Not saved: …"; a lost database answers `database_unavailable`, which the
 * grid retries like a lost connection, keeping the edits.
 */
export async function saveDraftAction(input: SaveDraftActionInput): Promise<SaveDraftActionState> {
  return runAction<Record<string, unknown>, SaveDraftResult>(
    { name: "saveDraft", messages: { unauthenticated: SIGNED_OUT, forbidden: "The draft could not be saved.", not_found: "The draft could not be saved." } },
    async ({ viewer, db }) => {
      let r;
      try {
        r = await saveDraft(db, viewer, input);
      } catch (e) {
        if (e instanceof AppError && e.code === "conflict") throw new AppError("conflict", `Not saved: ${e.message}`);
        if (e instanceof AppError && e.code === "validation_failed") throw new AppError("validation_failed", `Not saved: ${e.issues[0]?.message ?? e.message}`);
        throw e;
      }
      if (!r.conflict) return { data: { conflict: false, merged: r.merged, draft: draftState(r.draft) } };
      if (r.reason === "edited") {
        return { data: { conflict: true, reason: "edited", draft: draftState(r.draft), conflicts: r.conflicts, latestRevision: r.latestRevision } };
      }
      return { data: { conflict: true, reason: r.reason, draft: r.draft ? draftState(r.draft) : null, latestRevision: r.latestRevision } };
    },
  );
}

/** Throws the shared draft away (the grid goes back to the prefill or the latest revision). */
export async function discardDraftAction(input: { period: string }): Promise<DiscardDraftActionState> {
  return runAction<Record<string, unknown>, { discarded: boolean }, typeof discardInputSchema>(
    {
      name: "discardDraft", schema: discardInputSchema, input,
      messages: { unauthenticated: SIGNED_OUT, validation_failed: "This page is out of date; reload it.", internal: "The draft could not be discarded.", forbidden: "The draft could not be discarded." },
    },
    async ({ viewer, db, input: { period } }) => ({ data: await discardDraft(db, viewer, { period }) }),
  );
}
const discardInputSchema = z.object({ period: periodSchema });

const searchInputSchema = z.object({ query: z.string().max(200) });

/** Active catalogue products matching a SKU or description fragment (at most 20). */
export async function searchCatalogueAction(input: { query: string }): Promise<SearchCatalogueActionState> {
  return runAction<Record<string, unknown>, Awaited<ReturnType<typeof searchProducts>>, typeof searchInputSchema>(
    {
      name: "searchCatalogue", schema: searchInputSchema, input,
      messages: { unauthenticated: SIGNED_OUT, validation_failed: "Type part of a SKU or description.", internal: "The catalogue could not be searched; try again." },
    },
    async ({ viewer, db, input: { query } }) => ({ data: await searchProducts(db, viewer, { query }) }),
  );
}
