"use server";

/**
 * Server actions of the distributor's screen. Every one resolves the viewer from the session (the
 * tenant never comes from the input), validates its input with the shared schemas, calls the data
 * layer and answers with a typed state — never a raw error message or stack trace.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { getViewer } from "@/lib/auth/current-viewer";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError, isDatabaseUnavailable, type Issue } from "@/lib/errors";
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
import type {
  DiscardDraftActionState,
  DraftViewState,
  RevisionDifference,
  SaveDraftActionInput,
  SaveDraftActionState,
  SearchCatalogueActionState,
  SubmitActionInput,
  SubmitActionState,
} from "@/components/submission-grid/types";
import type { Tx } from "@/db/open";

const SIGNED_OUT = "Your session has ended. Sign in again (in another tab) to save; your edits are kept in this tab.";
const MAX_DIFFERENCES = 200;
const DATABASE_DOWN =
  "We could not reach the database, so nothing was stored. Your edits and the saved draft are kept; submit again in a moment.";

const submitInputSchema = z.object({
  period: periodSchema,
  idempotencyKey: z.string().min(1).max(200),
});

function fieldErrorsOf(issues: Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[i.path || "_form"] ??= []).push(i.message);
  return out;
}

const fail = (kind: "closed" | "error", formError: string): SubmitActionState => ({ ok: false, kind, fieldErrors: {}, formError });

/**
 * Submits the whole grid as a new revision (source "portal"). The idempotency key is generated once
 * per rendered page, and a second request with the same key waits for the first and gets its
 * answer: a double click stores one revision. Success redirects to the receipt. The submission check
 * runs in the same transaction: flagged lines that are neither fixed nor confirmed answer `review`
 * with the flags and store nothing (an honest month with no flags is stored at once).
 */
export async function submitReportAction(input: SubmitActionInput): Promise<SubmitActionState> {
  const viewer = await getViewer();
  if (!viewer) return fail("error", SIGNED_OUT);
  const shape = submitInputSchema.safeParse(input);
  if (!shape.success) return fail("error", "This page is out of date; reload it and submit again.");
  const { period, idempotencyKey } = shape.data;
  const parsed = parseSubmissionBody(input.body);
  if (!parsed.success) {
    return { ok: false, kind: "invalid", fieldErrors: fieldErrorsOf(parsed.issues), formError: "Some cells are not valid; nothing was stored." };
  }

  let revision: number;
  try {
    const ip = clientIp(await headers());
    const r = await withViewerDb(viewer, (db) =>
      submitPeriod(db, viewer, {
        period,
        body: input.body,
        source: "portal",
        idempotencyKey,
        onInFlight: "wait",
        ip,
        requireReview: true,
      }),
    );
    revision = r.revision;
  } catch (e) {
    if (e instanceof ReviewRequired) {
      return {
        ok: false,
        kind: "review",
        fieldErrors: {},
        formError: `${rowsText(new Set(e.flags.map((f) => f.sku.toUpperCase())).size)} a look before we store the report: fix the numbers or confirm them as reported.`,
        flags: e.flags,
        quality: e.quality,
      };
    }
    if (isDatabaseUnavailable(e)) {
      console.error("submitReportAction: database unavailable", e);
      return fail("error", DATABASE_DOWN);
    }
    if (!(e instanceof AppError)) {
      console.error("submitReportAction", e);
      return fail("error", "Something went wrong on our side and nothing was stored. Try again in a moment; your edits are kept.");
    }
    switch (e.code) {
      case "validation_failed":
        return { ok: false, kind: "invalid", fieldErrors: fieldErrorsOf(e.issues), formError: e.message };
      case "conflict": {
        const d = e.details as { latestRevision?: number | null; submittedAt?: string | null; submittedBy?: string | null } | undefined;
        if (d && "latestRevision" in d) {
          const latest = d.latestRevision ?? null;
          const diff = latest ? await withViewerDb(viewer, (db) => differences(db, viewer, period, latest, parsed.data.lines)) : { list: [], count: 0 };
          return {
            ok: false,
            kind: "conflict",
            fieldErrors: {},
            formError: e.message,
            conflict: { latestRevision: latest, submittedAt: d.submittedAt ?? null, submittedBy: d.submittedBy ?? null, differences: diff.list, differenceCount: diff.count },
          };
        }
        return fail(/closed|not ended/.test(e.message) ? "closed" : "error", e.message);
      }
      case "idempotency_mismatch":
        return fail("error", "This page was already submitted with other numbers. Reload it to see the latest revision before submitting again.");
      case "forbidden":
        return fail("error", "Only distributor users can submit a report.");
      case "not_found":
        return fail("error", "There is no such reporting period.");
      case "unauthenticated":
        return fail("error", SIGNED_OUT);
      case "database_unavailable":
        return fail("error", DATABASE_DOWN);
      default:
        return fail("error", "The report could not be stored; nothing was saved. Try again in a moment.");
    }
  }
  redirect(`/history/${period}/${revision}?receipt=1`);
}

const rowsText = (n: number) => (n === 1 ? "1 line needs" : `${n} lines need`);

/** What differs between a colleague's revision and the grid that was about to be submitted. */
async function differences(
  db: Tx,
  viewer: NonNullable<Awaited<ReturnType<typeof getViewer>>>,
  period: string,
  revision: number,
  yours: SubmissionLine[],
): Promise<{ list: RevisionDifference[]; count: number }> {
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

/** Saves the cells changed since draft `version` (debounced by the grid). */
export async function saveDraftAction(input: SaveDraftActionInput): Promise<SaveDraftActionState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, code: "signed_out", formError: SIGNED_OUT };
  try {
    const r = await withViewerDb(viewer, (db) => saveDraft(db, viewer, input));
    if (!r.conflict) return { ok: true, conflict: false, merged: r.merged, draft: draftState(r.draft) };
    if (r.reason === "edited") {
      return { ok: true, conflict: true, reason: "edited", draft: draftState(r.draft), conflicts: r.conflicts, latestRevision: r.latestRevision };
    }
    return { ok: true, conflict: true, reason: r.reason, draft: r.draft ? draftState(r.draft) : null, latestRevision: r.latestRevision };
  } catch (e) {
    if (e instanceof AppError) {
      if (e.code === "conflict") return { ok: false, code: "closed", formError: `Not saved: ${e.message}` };
      if (e.code === "validation_failed") {
        return { ok: false, code: "invalid", formError: `Not saved: ${e.issues[0]?.message ?? e.message}` };
      }
      if (e.code === "unauthenticated") return { ok: false, code: "signed_out", formError: SIGNED_OUT };
      return { ok: false, code: "failed", formError: "The draft could not be saved." };
    }
    // Anything else (database restarting…) is thrown: the grid keeps the edits and retries.
    throw e;
  }
}

/** Throws the shared draft away (the grid goes back to the prefill or the latest revision). */
export async function discardDraftAction(input: { period: string }): Promise<DiscardDraftActionState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, formError: SIGNED_OUT };
  const p = periodSchema.safeParse(input?.period);
  if (!p.success) return { ok: false, formError: "This page is out of date; reload it." };
  try {
    return { ok: true, ...(await withViewerDb(viewer, (db) => discardDraft(db, viewer, { period: p.data }))) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, formError: "The draft could not be discarded." };
    throw e;
  }
}

const searchInputSchema = z.object({ query: z.string().max(200) });

/** Active catalogue products matching a SKU or description fragment (at most 20). */
export async function searchCatalogueAction(input: { query: string }): Promise<SearchCatalogueActionState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, formError: SIGNED_OUT };
  const p = searchInputSchema.safeParse(input);
  if (!p.success) return { ok: false, formError: "Type part of a SKU or description." };
  try {
    return { ok: true, products: await withViewerDb(viewer, (db) => searchProducts(db, viewer, { query: p.data.query })) };
  } catch {
    return { ok: false, formError: "The catalogue could not be searched; try again." };
  }
}
