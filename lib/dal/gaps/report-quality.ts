/**
 * `getReportQuality(db, viewer, { distributor, period })` — staff: the data-quality score of a
 * distributor's report for a period (its latest revision's score and parts, lib/domain/quality.ts),
 * shown on the gap view when it is filtered to one distributor. Null when the period has no revision
 * or the revision was stored before scores existed. Reads only.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import type { Quality, QualityParts } from "@/lib/domain/quality";
import { periodToDate } from "@/lib/domain/periods";
import { requireStaff } from "../authorize";
import { firstRow, json, num, numOrNull } from "@/db/sql-rows";

export interface ReportQuality extends Quality {
  distributor: string;
  period: string;
  revision: number;
}

export async function getReportQuality(db: Queryable, viewer: Viewer, q: { distributor: string; period: string }): Promise<ReportQuality | null> {
  requireStaff(viewer);
  const r = await firstRow(
    db,
    sql`
      select r.revision, r.quality_score as score, r.quality_parts as parts
        from distributors d
        join submissions s on s.distributor_id = d.id and s.period = ${periodToDate(q.period)}::date
        join submission_revisions r on r.id = s.latest_revision_id
       where d.code = ${q.distributor}`,
    (r) => ({
      revision: num(r.revision), score: numOrNull(r.score),
      // jsonb; a row may hold it as a JSON text.
      parts: r.parts === null ? null : json<QualityParts>(typeof r.parts === "string" ? JSON.parse(r.parts) : r.parts),
    }),
  );
  if (!r || r.score === null || r.parts === null) return null;
  return { distributor: q.distributor, period: q.period, revision: r.revision, score: r.score, parts: r.parts };
}
