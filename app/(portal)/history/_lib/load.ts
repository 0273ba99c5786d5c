import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getRevision } from "@/lib/dal/submissions/get-revision";
import { listRevisions } from "@/lib/dal/submissions/list-revisions";
import { listSubmissionHistory } from "@/lib/dal/submissions/list-submission-history";
import { AppError } from "@/lib/errors";
import { isPeriod } from "@/lib/domain/periods";

/**
 * Awaits a data-layer call and turns "not yours / not there / not a valid address" into the 404
 * page: another distributor's period or revision must look exactly like one that does not exist.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "validation_failed" || error.code === "forbidden")) {
      notFound();
    }
    throw error;
  }
}

/** A "YYYY-MM" path segment, or the 404 page. */
export function periodParam(value: string): string {
  if (!isPeriod(value)) notFound();
  return value;
}

/** A revision number path segment (1, 2, …), or the 404 page. */
export function revisionParam(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) notFound();
  return Number(value);
}

/** The first value of a search parameter. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Loaders shared by a segment's layout (which answers 404 before anything streams, so the status
// is a real 404) and its page; React's cache runs each once per request.

/** Every period of the signed-in distributor, newest first. */
export const loadHistory = cache(async () => {
  const viewer = await requirePageViewer("/history");
  return orNotFound(withViewerDb(viewer, (db) => listSubmissionHistory(db, viewer)));
});

/** The revisions of one period, newest first (empty when nothing was submitted). */
export const loadRevisions = cache(async (period: string) => {
  const viewer = await requirePageViewer(`/history/${period}`);
  return orNotFound(withViewerDb(viewer, (db) => listRevisions(db, viewer, { period })));
});

/** One revision of the signed-in distributor, or the 404 page. */
export const loadRevision = cache(async (period: string, revision: number) => {
  const viewer = await requirePageViewer(`/history/${period}/${revision}`);
  return orNotFound(withViewerDb(viewer, (db) => getRevision(db, viewer, { period, revision })));
});

/** The period's history row, or the 404 page when the period is neither tracked nor submitted. */
export async function requireKnownPeriod(period: string) {
  const [history, revisions] = await Promise.all([loadHistory(), loadRevisions(period)]);
  const row = history.find((h) => h.period === period) ?? null;
  if (!row && revisions.length === 0) notFound();
  return { row, revisions };
}
