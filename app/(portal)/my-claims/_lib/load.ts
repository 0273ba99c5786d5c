import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listAuthorizations } from "@/lib/dal/claims/authorizations";
import { getClaim, listClaims } from "@/lib/dal/claims/read-claims";
import type { ReasonFormat } from "@/lib/domain/claims/reasons";
import { AppError } from "@/lib/errors";
import { getFormatter } from "@/lib/format/request-format";
import { CLAIM_CURRENCY } from "@/components/claims-portal/claim-money";

/** Another distributor's claim, or one that does not exist, or a malformed id: the same 404. */
async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "validation_failed" || error.code === "forbidden")) notFound();
    throw error;
  }
}

/** The signed-in distributor's claims (its tenant from the session: the data layer scopes by the viewer). */
export const loadClaims = cache(async () => {
  const viewer = await requirePageViewer("/my-claims");
  return withViewerDb(viewer, (db) => listClaims(db, viewer));
});

/** Its authorisations, each with what is left to claim (`from`: the page to come back to after signing in). */
export const loadAuthorizations = cache(async (from: string) => {
  const viewer = await requirePageViewer(from);
  return withViewerDb(viewer, (db) => listAuthorizations(db, viewer));
});

/** The reason sentences in the reader's locale. */
async function reasonFormat(): Promise<ReasonFormat> {
  const f = await getFormatter();
  // A cost per unit may carry 4 decimals ($1.7630); an amount has 2.
  const digits = (n: number) => (Math.abs(Math.round(n * 100) - n * 100) > 1e-6 ? { digits: 4 } : undefined);
  return { qty: (n) => f.int(n), money: (n) => f.money(n, CLAIM_CURRENCY, digits(n)), date: (d) => f.date(d) };
}

/** One claim (an earlier revision with `revision`), or the 404 page. */
export const loadClaim = cache(async (id: string, revision: number | null) => {
  const viewer = await requirePageViewer(`/my-claims/${id}`);
  const fmt = await reasonFormat();
  return orNotFound(withViewerDb(viewer, (db) => getClaim(db, viewer, id, { revision }, fmt)));
});

/** A revision number from the query (?revision=2), or null for the latest. */
export function revisionOf(value: string | string[] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : null;
}
