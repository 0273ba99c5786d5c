/**
 * The reporting-rebate rules (PRODUCT.md, "Rebate programme"), pure: the data layer gathers the
 * inputs in SQL, this file decides pass / fail per rule, writes reasons a partner can read and
 * computes the amount in exact decimal arithmetic (BigInt, never float).
 */
import { timeliness } from "./compliance";
import { roundQuotient } from "./rounding";

export interface RebateRules {
  graceDays: number;
  lateAllowed: number;
  /** Decimal text, e.g. "95.00": every reported period must include at least this % of required SKUs. */
  minCompletenessPct: string;
  /** Decimal text: |Σ gap| / Σ calculated must not exceed this %. */
  maxAccuracyPct: string;
  /** Decimal text: the rebate as a % of sell-through value at list price. */
  ratePct: string;
  /**
   * The quality rule: every reported period's latest revision has a data-quality score (0–100,
   * lib/domain/quality.ts) of at least this. Absent or null: the programme has no quality rule (and
   * its inputs carry no scores, so results frozen before the rule existed still compare equal).
   */
  minQualityScore?: number | null;
}

export interface RebatePeriodInput {
  period: string;
  /** ISO instant of the deadline. */
  dueAt: string;
  /** ISO instant of the FIRST submission, or null. */
  firstSubmittedAt: string | null;
  /** SKUs with stock or sell-in in the period. */
  required: number;
  /** Of those, how many the latest revision has a line for. */
  submitted: number;
  /** The latest revision's quality score; only gathered for a programme with a quality rule (null: stored before scores existed). */
  qualityScore?: number | null;
}

/** Everything a result depends on; frozen with the result and compared later ("changed since frozen"). */
export interface RebateInputs {
  rules: RebateRules;
  /** The programme's periods whose deadline has passed, oldest first. */
  periods: RebatePeriodInput[];
  /** The programme's periods not yet due. */
  pendingPeriods: { period: string; dueAt: string }[];
  /** Σ gap and Σ calculated over the due periods and the distributor's SKUs (after approved corrections), reported rows only. */
  sumGap: number;
  sumCalculated: number;
  /** Σ sell-through units × list price over the due periods, decimal text (exact). */
  sellThroughValue: string;
}

export type RebateRule = "timeliness" | "completeness" | "accuracy" | "quality";

export interface RuleResult {
  rule: RebateRule;
  pass: boolean;
  /** One line a partner can read, pass or fail. */
  detail: string;
  /** What broke the rule, one line each (empty when it passes). */
  reasons: string[];
}

export interface RebateEvaluation {
  /** Every rule passes on the periods due so far. Provisional while `complete` is false. */
  eligible: boolean;
  /** All of the programme's periods are due. */
  complete: boolean;
  /** The rebate earned: rate × sell-through value when eligible, else "0.00". Decimal text, 2 places. */
  amount: string;
  /** The rebate at stake whether eligible or not. */
  potentialAmount: string;
  rules: RuleResult[];
  /** The reasons of the failed rules. */
  reasons: string[];
  duePeriods: number;
  onTime: number;
  late: number;
  missing: number;
  /** The lowest completeness of a reported period (%), null when nothing was reported. */
  completenessPct: number | null;
  /** |Σ gap| / Σ calculated (%), null when there is no calculated stock to measure against. */
  accuracyPct: number | null;
  /** What is left to do to qualify (for a programme still running). */
  todo: string[];
}

// ---------------------------------------------------------------- exact decimals

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "12.5" → 1250n at scale 2 (truncates beyond `scale`, which the callers never exceed). */
export function decimalToScaled(text: string, scale: number): bigint {
  const m = DECIMAL.exec(String(text).trim());
  if (!m) throw new RangeError(`Not a decimal: ${JSON.stringify(text)}`);
  const frac = (m[3] ?? "").padEnd(scale, "0").slice(0, scale);
  const v = BigInt(m[2]! + frac);
  return m[1] ? -v : v;
}

/** 123456n cents → "1234.56". */
export function centsToDecimal(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const s = abs.toString().padStart(3, "0");
  return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Divides, rounding half away from zero (like PostgreSQL's round()). */
function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if (2n * (an % ad) >= ad) q += 1n;
  return neg ? -q : q;
}

/** rate % of a value: "306971.8400" × "1.50" % → "4604.58" (exact, half away from zero). */
export function rebateAmount(value: string, ratePct: string): string {
  const v4 = decimalToScaled(value, 4);
  const r2 = decimalToScaled(ratePct, 2);
  // value × rate / 100, in cents: v4/1e4 × r2/1e2 / 100 × 100 = v4 × r2 / 1e6
  return centsToDecimal(divRound(v4 * r2, 1_000_000n));
}

/** "95.00" → "95", "2.50" → "2.5". */
export function formatPctText(text: string): string {
  return String(text).includes(".") ? String(text).replace(/\.?0+$/, "") : String(text);
}

/** A percentage with one decimal, or more when one decimal would read as the threshold itself. */
function pctLabel(numerator: number, denominator: number, threshold: string): string {
  const t = Number(threshold);
  for (const digits of [1, 2, 3]) {
    const v = roundQuotient(numerator, denominator, digits);
    if (v !== t || digits === 3) return v.toFixed(digits);
  }
  return "";
}

const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;
const day = (iso: string) => iso.slice(0, 10);

// ---------------------------------------------------------------- the rules

function timelinessRule(inputs: RebateInputs): RuleResult & { onTime: number; late: number; missing: number } {
  const { graceDays, lateAllowed } = inputs.rules;
  const lateReasons: string[] = [];
  const missingReasons: string[] = [];
  let onTime = 0;
  for (const p of inputs.periods) {
    if (p.firstSubmittedAt === null) {
      missingReasons.push(`${p.period} not submitted (due ${day(p.dueAt)})`);
      continue;
    }
    const t = timeliness(new Date(p.firstSubmittedAt), new Date(p.dueAt), graceDays);
    if (t.timeliness === "on_time") onTime++;
    else lateReasons.push(`${p.period} submitted ${plural(t.daysLate, "day")} late`);
  }
  const late = lateReasons.length;
  const missing = missingReasons.length;
  const pass = missing === 0 && late <= lateAllowed;
  const due = inputs.periods.length;
  const grace = graceDays > 0 ? ` (${plural(graceDays, "grace day")})` : "";
  let detail = `${onTime} of ${plural(due, "period")} on time${grace}`;
  if (late > 0 && pass) detail += `; ${plural(late, "late period")} allowed of ${lateAllowed}: ${lateReasons.join(", ")}`;
  const reasons = pass
    ? []
    : [...missingReasons, ...lateReasons, ...(late > 0 && late > lateAllowed && lateAllowed > 0 ? [`${plural(late, "late period")}, ${lateAllowed} allowed`] : [])];
  return { rule: "timeliness", pass, detail, reasons, onTime, late, missing };
}

function completenessRule(inputs: RebateInputs): RuleResult & { worst: number | null } {
  const min = inputs.rules.minCompletenessPct;
  const min100 = decimalToScaled(min, 2);
  const reasons: string[] = [];
  let worst: number | null = null;
  for (const p of inputs.periods) {
    if (p.firstSubmittedAt === null) continue;
    const pct = p.required === 0 ? 100 : roundQuotient(p.submitted * 100, p.required, 2);
    worst = worst === null ? pct : Math.min(worst, pct);
    // submitted / required ≥ min / 100  ⇔  submitted × 10 000 ≥ min100 × required
    if (p.required > 0 && BigInt(p.submitted) * 10_000n < min100 * BigInt(p.required)) {
      reasons.push(
        `${p.period} completeness ${pctLabel(p.submitted * 100, p.required, min)} % below ${formatPctText(min)} % ` +
          `(${p.submitted} of ${p.required} SKUs with stock or sell-in reported)`,
      );
    }
  }
  const pass = reasons.length === 0;
  const detail =
    worst === null
      ? "completeness: nothing reported yet"
      : pass
        ? `completeness ${worst === 100 ? "100" : worst.toFixed(1)} % at least ${formatPctText(min)} % in every period`
        : reasons.join("; ");
  return { rule: "completeness", pass, detail, reasons, worst };
}

function accuracyRule(inputs: RebateInputs): RuleResult & { pct: number | null } {
  const max = inputs.rules.maxAccuracyPct;
  const { sumGap, sumCalculated } = inputs;
  if (sumCalculated <= 0) {
    return { rule: "accuracy", pass: true, detail: "error: no calculated stock to measure against", reasons: [], pct: null };
  }
  const absGap = Math.abs(sumGap);
  const pct = roundQuotient(absGap * 100, sumCalculated, 2);
  // |Σ gap| / Σ calculated ≤ max / 100  ⇔  |Σ gap| × 10 000 ≤ max100 × Σ calculated
  const pass = BigInt(absGap) * 10_000n <= decimalToScaled(max, 2) * BigInt(sumCalculated);
  const label = pctLabel(absGap * 100, sumCalculated, max);
  // "error 0.0 % (limit 2 %)": an error rate, never "accuracy 0.0 %" (which reads as none at all).
  const detail = pass ? `error ${label} % (limit ${formatPctText(max)} %)` : `error ${label} %, above the limit of ${formatPctText(max)} %`;
  return {
    rule: "accuracy",
    pass,
    detail,
    reasons: pass ? [] : [`${detail} (|Σ gap| ${absGap.toLocaleString("en-US")} of ${sumCalculated.toLocaleString("en-US")} calculated units)`],
    pct,
  };
}

/**
 * "Quality ≥ N in every period": each reported period's latest revision scores at least N. A
 * revision stored before scores existed has none and does not meet the rule (said so in the reason);
 * a period not reported is the timeliness rule's to count, not this one's.
 */
function qualityRule(inputs: RebateInputs, min: number): RuleResult & { worst: number | null } {
  const reasons: string[] = [];
  let worst: number | null = null;
  for (const p of inputs.periods) {
    if (p.firstSubmittedAt === null) continue;
    const score = p.qualityScore ?? null;
    if (score === null) {
      reasons.push(`${p.period} has no quality score (its latest revision was stored before scores existed; a new revision gets one)`);
      continue;
    }
    worst = worst === null ? score : Math.min(worst, score);
    if (score < min) reasons.push(`${p.period} quality ${score} below ${min}`);
  }
  const pass = reasons.length === 0;
  const detail = pass
    ? worst === null
      ? `quality: nothing reported yet (at least ${min} in every period)`
      : `quality ${worst} at least ${min} in every period`
    : reasons.join("; ");
  return { rule: "quality", pass, detail, reasons, worst };
}

/** Evaluates one distributor against a programme's rules. */
export function evaluateRebate(inputs: RebateInputs): RebateEvaluation {
  const t = timelinessRule(inputs);
  const c = completenessRule(inputs);
  const a = accuracyRule(inputs);
  const minQuality = inputs.rules.minQualityScore ?? null;
  const q = minQuality === null ? null : qualityRule(inputs, minQuality);
  const rules: RuleResult[] = [
    { rule: t.rule, pass: t.pass, detail: t.detail, reasons: t.reasons },
    { rule: c.rule, pass: c.pass, detail: c.detail, reasons: c.reasons },
    { rule: a.rule, pass: a.pass, detail: a.detail, reasons: a.reasons },
    ...(q ? [{ rule: q.rule, pass: q.pass, detail: q.detail, reasons: q.reasons }] : []),
  ];
  const eligible = rules.every((r) => r.pass);
  const potentialAmount = rebateAmount(inputs.sellThroughValue, inputs.rules.ratePct);
  const complete = inputs.pendingPeriods.length === 0;

  const todo: string[] = [];
  if (!complete) {
    if (!t.pass) {
      todo.push(`Not reachable this programme: ${t.reasons.join("; ")}`);
    } else {
      const left = inputs.rules.lateAllowed - t.late;
      for (const p of inputs.pendingPeriods) {
        todo.push(`Submit ${p.period} with every SKU you stock or received by ${day(p.dueAt)}${inputs.rules.graceDays > 0 ? ` (+${plural(inputs.rules.graceDays, "grace day")})` : ""}`);
      }
      if (inputs.rules.lateAllowed > 0) todo.push(left > 0 ? `${plural(left, "more late period")} allowed` : "No more late periods allowed");
    }
    if (!c.pass) todo.push(`Completeness already failed: ${c.reasons.join("; ")}`);
    if (q && !q.pass) todo.push(`Quality already below ${minQuality} in a period: ${q.reasons.join("; ")}`);
    else if (q) todo.push(`Keep every report's quality score at ${minQuality} or more: no flagged rows left unexplained, every SKU listed, on-hand counts that agree`);
    if (!a.pass) todo.push(`Bring the error to ${formatPctText(inputs.rules.maxAccuracyPct)} % or less (now ${a.pct} %): report on-hand counts that match, or raise the differences with your channel manager`);
  }

  return {
    eligible,
    complete,
    amount: eligible ? potentialAmount : "0.00",
    potentialAmount,
    rules,
    reasons: rules.flatMap((r) => r.reasons),
    duePeriods: inputs.periods.length,
    onTime: t.onTime,
    late: t.late,
    missing: t.missing,
    completenessPct: c.worst,
    accuracyPct: a.pct,
    todo,
  };
}

/** "2 of 3 periods on time, error 1.2 % (limit 2 %)" — the standing in one line. */
export function standingLine(e: RebateEvaluation): string {
  const parts = [`${e.onTime} of ${plural(e.duePeriods, "period")} on time`];
  const acc = e.rules.find((r) => r.rule === "accuracy")!;
  if (e.accuracyPct !== null) parts.push(acc.detail);
  const comp = e.rules.find((r) => r.rule === "completeness")!;
  if (!comp.pass) parts.push(`completeness below the minimum`);
  const quality = e.rules.find((r) => r.rule === "quality");
  if (quality && !quality.pass) parts.push(`quality below the minimum`);
  return parts.join(", ");
}

/**
 * A programme's rules in one line (the programme list, the distributor's standing). Screens pass the
 * user's formatter (lib/format) so the percentages follow the locale; without one: "95 %".
 */
export function rulesSummary(r: RebateRules, fmt?: { pct(value: number, opts?: { maxDigits?: number }): string }): string {
  const pct = (text: string) => (fmt ? fmt.pct(Number(text), { maxDigits: 2 }) : `${formatPctText(text)} %`);
  return [
    `on time (+${plural(r.graceDays, "grace day")}, ${r.lateAllowed} late allowed)`,
    `completeness ≥ ${pct(r.minCompletenessPct)}`,
    `error ≤ ${pct(r.maxAccuracyPct)}`,
    ...(r.minQualityScore != null ? [`quality ≥ ${r.minQualityScore}`] : []),
    `rate ${pct(r.ratePct)} of sell-through value`,
  ].join(" · ");
}

/** Stable JSON (sorted keys) for comparing recomputed inputs with frozen ones. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sameInputs(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** "4604.58" → "4,604.58" (grouping only; the amount stays exact text). */
export function formatMoney(amount: string): string {
  const [i, f] = String(amount).split(".");
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${(f ?? "").padEnd(2, "0")}`;
}
