/**
 * `freezeResults(db, viewer, programId, { distributors? }, now?)` — the rebate analyst (or admin)
 * freezes results for payout: eligible, amount, reasons and the exact inputs they came from are
 * written to `rebate_results` with who and when. Insert-only (`on conflict do nothing`): a frozen
 * result is never altered; freezing it again reports it as already frozen. Only a programme whose
 * periods are all due can be frozen. Audited per distributor.
 */
import { rebateResults } from "@/db/schema";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { freezeSchema } from "@/lib/validation/rebates";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { computeEligibility } from "./get-eligibility";
import { loadProgram } from "./programs";

export interface FreezeResult {
  frozen: string[];
  alreadyFrozen: string[];
}

export async function freezeResults(db: Queryable, viewer: Viewer, programId: string, raw: unknown = {}, now = new Date()): Promise<FreezeResult> {
  requireRole(viewer, ["rebate_analyst"]);
  const input = freezeSchema.parse(raw ?? {});
  const program = await loadProgram(db, programId);
  const elig = await computeEligibility(db, program, now);
  const pending = elig.rows[0]?.live.inputs.pendingPeriods ?? [];
  if (!elig.complete) {
    const next = pending[0];
    throw new AppError("conflict", `The programme is still running${next ? `: ${next.period} is due ${next.dueAt.slice(0, 10)}` : ""}; freeze it once every period is due`);
  }
  const wanted = input.distributors?.length ? new Set(input.distributors.map((c) => c.toUpperCase())) : null;
  if (wanted) {
    const unknown = [...wanted].filter((c) => !elig.rows.some((r) => r.distributor === c));
    if (unknown.length) throw new AppError("not_found", `Not in this programme: ${unknown.join(", ")}`);
  }
  const result: FreezeResult = { frozen: [], alreadyFrozen: [] };
  for (const r of elig.rows) {
    if (wanted && !wanted.has(r.distributor)) continue;
    if (r.frozen) {
      result.alreadyFrozen.push(r.distributor);
      continue;
    }
    const distributorId = r.distributorId;
    const inserted = await db
      .insert(rebateResults)
      .values({
        programId: program.id,
        distributorId,
        eligible: r.live.evaluation.eligible,
        amount: r.live.evaluation.amount,
        reasons: r.live.evaluation.reasons,
        inputs: r.live.inputs,
        frozenAt: now,
        frozenBy: viewer.userId,
      })
      .onConflictDoNothing()
      .returning({ id: rebateResults.id });
    if (inserted.length === 0) {
      result.alreadyFrozen.push(r.distributor);
      continue;
    }
    result.frozen.push(r.distributor);
    await recordAudit(db, viewer, "rebate.freeze", {
      distributorId,
      subject: program.id,
      data: { program: program.name, eligible: r.live.evaluation.eligible, amount: r.live.evaluation.amount },
    });
  }
  return result;
}
