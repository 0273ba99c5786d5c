/**
 * `getEligibility(db, viewer, programId, now?)` → the eligibility table of a programme: per
 * distributor pass / fail per rule with reasons, the amount, and the frozen result when one exists.
 * A frozen row shows what was frozen (eligible, amount, reasons: never recomputed) and
 * `changedSinceFrozen` when a recomputation of its inputs today differs from the frozen inputs.
 * Staff see every distributor; a distributor sees only its own row (404 for a programme that does
 * not exist).
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { rebateResults, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { evaluateRebate, sameInputs, type RebateEvaluation, type RebateInputs, type RuleResult } from "@/lib/domain/rebates";
import { forbidden } from "@/lib/errors";
import { requireStaff } from "../authorize";
import { gatherRebateInputs } from "./gather-inputs";
import { loadProgram, type RebateProgram } from "./programs";

export interface EligibilityRow {
  distributorId: number;
  distributor: string;
  distributorName: string;
  /** The frozen value when frozen, otherwise the live evaluation. */
  eligible: boolean;
  amount: string;
  reasons: string[];
  frozen: boolean;
  frozenAt: string | null;
  frozenBy: string | null;
  changedSinceFrozen: boolean;
  /** The live evaluation (equal to the shown one unless frozen and changed). */
  current: { eligible: boolean; amount: string; reasons: string[] };
  rules: RuleResult[];
  complete: boolean;
  potentialAmount: string;
  duePeriods: number;
  onTime: number;
  completenessPct: number | null;
  accuracyPct: number | null;
  sellThroughValue: string;
  todo: string[];
  /** For freezing: the live inputs and evaluation. */
  live: { inputs: RebateInputs; evaluation: RebateEvaluation };
}

export interface Eligibility {
  program: RebateProgram;
  complete: boolean;
  rows: EligibilityRow[];
}

export async function computeEligibility(db: Queryable, program: RebateProgram, now: Date, only?: { distributorId: number }): Promise<Eligibility> {
  const gathered = await gatherRebateInputs(db, program, now, only);
  const frozenRows = await db
    .select({ r: rebateResults, by: users.email })
    .from(rebateResults)
    .leftJoin(users, eq(users.id, rebateResults.frozenBy))
    .where(eq(rebateResults.programId, program.id));
  const frozenBy = new Map(frozenRows.map((f) => [f.r.distributorId, f]));
  const rows: EligibilityRow[] = gathered.map((g) => {
    const e = evaluateRebate(g.inputs);
    const f = frozenBy.get(g.distributorId);
    const shown = f ? evaluateRebate(f.r.inputs as RebateInputs) : e;
    return {
      distributorId: g.distributorId,
      distributor: g.code,
      distributorName: g.name,
      eligible: f ? f.r.eligible : e.eligible,
      amount: f ? String(f.r.amount) : e.amount,
      reasons: f ? (f.r.reasons as string[]) : e.reasons,
      frozen: Boolean(f),
      frozenAt: f ? f.r.frozenAt.toISOString() : null,
      frozenBy: f ? (f.by ?? null) : null,
      changedSinceFrozen: f ? !sameInputs(f.r.inputs, g.inputs) : false,
      current: { eligible: e.eligible, amount: e.amount, reasons: e.reasons },
      rules: shown.rules,
      complete: e.complete,
      potentialAmount: shown.potentialAmount,
      duePeriods: shown.duePeriods,
      onTime: shown.onTime,
      completenessPct: shown.completenessPct,
      accuracyPct: shown.accuracyPct,
      sellThroughValue: (f ? (f.r.inputs as RebateInputs) : g.inputs).sellThroughValue,
      todo: e.todo,
      live: { inputs: g.inputs, evaluation: e },
    };
  });
  const complete = rows.length ? rows.every((r) => r.complete) : false;
  return { program, complete, rows };
}

export async function getEligibility(db: Queryable, viewer: Viewer, programId: string, now = new Date()): Promise<Eligibility> {
  if (viewer.role === "distributor") {
    if (viewer.distributorId == null) throw forbidden();
    const program = await loadProgram(db, programId);
    return computeEligibility(db, program, now, { distributorId: viewer.distributorId });
  }
  requireStaff(viewer);
  return computeEligibility(db, await loadProgram(db, programId), now);
}

/** The contract's shape plus additions. */
export function eligibilityApiRows(e: Eligibility) {
  return e.rows.map((r) => ({
    distributor: r.distributor,
    eligible: r.eligible,
    amount: r.amount,
    reasons: r.reasons,
    frozen: r.frozen,
    frozenAt: r.frozenAt,
    frozenBy: r.frozenBy,
    changedSinceFrozen: r.changedSinceFrozen,
    complete: r.complete,
    rules: r.rules.map((x) => ({ rule: x.rule, pass: x.pass, detail: x.detail })),
    current: r.current,
  }));
}
