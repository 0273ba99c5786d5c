import type { ReactNode } from "react";
import { loadRevision, periodParam, revisionParam } from "../../_lib/load";

/**
 * Loads the revision before anything streams: another distributor's revision, like one that does
 * not exist, is a real 404 response. The page reuses the same (cached) load.
 */
export default async function RevisionLayout({
  params,
  children,
}: {
  params: Promise<{ period: string; revision: string }>;
  children: ReactNode;
}) {
  const p = await params;
  await loadRevision(periodParam(p.period), revisionParam(p.revision));
  return children;
}
