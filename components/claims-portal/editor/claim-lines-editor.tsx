"use client";

/**
 * The claim screen: lines typed like a spreadsheet (Tab and Enter move, a block copied from Excel
 * pastes across rows and columns), the authorisation picked from the distributor's own filling in the
 * end customer, SKU and costs, the amount prefilled as quantity × (book − authorised). react-hook-form
 * checks the lines with the same zod schema the server action and the API parse with; the server's
 * answer (bad lines by line and field) comes back onto the cells. Nothing is stored until every line reads.
 */
import { useMemo, useState, useTransition, type ClipboardEvent, type KeyboardEvent } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { claimBodySchema, type ClaimBody } from "@/lib/validation/claims";
import { useFormatter } from "@/components/format/format-provider";
import { PeriodOptions } from "../period-options";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ClaimLinesInput, ClaimLinesState } from "../action-types";
import { CLAIM_CURRENCY } from "../claim-money";
import type { AuthOption } from "./auth-option";
import { ErrorSummary, type LineProblem } from "./error-summary";
import {
  amountText, COLUMN_LABELS, completeDraft, decimalSeparator, draftAmount, EMPTY_LINE, LINE_COLUMNS, numberText, parseDateText, parseDecimal, toClaimBody,
  type ClaimFormValues, type LineColumn, type LineDraft,
} from "./line-draft";
import { COLUMN_WIDTH, LineRow, type LineNote } from "./line-row";
import { pastedCells, placeCells } from "./paste-block";
import { useHydrated } from "../use-hydrated";

export interface ClaimLinesEditorProps {
  authorizations: AuthOption[];
  defaults: ClaimFormValues;
  /** The claim's period is chosen from these (a new claim); a correction keeps its claim's. */
  periods?: string[];
  /** A correction: the claim it is a new revision of, and the approved lines kept as they were. */
  claimId?: string;
  carried?: ClaimBody["lines"];
  /** A correction: why each line sent before (by its number) was not approved. */
  notes?: Record<number, LineNote>;
  submitLabel: string;
  action: (input: ClaimLinesInput) => Promise<ClaimLinesState>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const isColumn = (s: string): s is LineColumn => (LINE_COLUMNS as readonly string[]).includes(s);

export function ClaimLinesEditor({ authorizations, defaults, periods, claimId, carried, notes, submitLabel, action }: ClaimLinesEditorProps) {
  const f = useFormatter();
  const decimal = decimalSeparator(f.locale);
  const byNumber = useMemo(() => new Map(authorizations.map((a) => [a.number.toUpperCase(), a])), [authorizations]);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<LineProblem[]>([]);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  const resolver: Resolver<ClaimFormValues> = (values, context, options) =>
    zodResolver(claimBodySchema)(toClaimBody(values, decimal, { claim: claimId, carried }) as never, context, options as never) as never;
  const form = useForm<ClaimFormValues>({ defaultValues: defaults, resolver });
  const { control, register, getValues, setValue, setError, setFocus, handleSubmit, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const lines = useWatch({ control, name: "lines" }) ?? [];
  const validate = formState.isSubmitted;
  const set = (path: FieldPath<ClaimFormValues>, value: string | boolean) => setValue(path, value as never, { shouldValidate: validate, shouldDirty: true });

  const lineNumber = (row: number) => {
    const own = lines[row]?.line;
    if (own) return own;
    const used = Math.max(0, ...(carried ?? []).map((l) => l.line ?? 0), ...lines.map((l) => l?.line ?? 0));
    return used + lines.slice(0, row + 1).filter((l) => !l?.line).length;
  };

  /** The amount again from the figures, unless it was typed by hand. */
  const recompute = (i: number) => {
    const row = getValues(`lines.${i}`);
    if (row.amountByHand) return;
    const amount = draftAmount(row, decimal);
    if (amount !== null) set(`lines.${i}.claimedAmount`, amountText(amount, decimal));
  };
  const onAuthorization = (i: number, number: string) => {
    const a = byNumber.get(number.toUpperCase());
    if (!a) return;
    set(`lines.${i}.endCustomer`, a.endCustomer);
    set(`lines.${i}.sku`, a.sku);
    set(`lines.${i}.authorizedCost`, numberText(Number(a.authorizedCost), decimal));
    if (!getValues(`lines.${i}.bookCost`)) set(`lines.${i}.bookCost`, numberText(Number(a.bookCost), decimal));
    recompute(i);
  };
  const onAmount = (i: number, text: string) => {
    const byHand = text.trim() !== "";
    setValue(`lines.${i}.amountByHand`, byHand);
    if (!byHand) recompute(i);
  };

  const onPaste = (e: ClipboardEvent<HTMLTableSectionElement>) => {
    const t = e.target as HTMLElement;
    const row = Number(t.dataset.row);
    const col = t.dataset.col ?? "";
    if (!isColumn(col) || !Number.isInteger(row)) return;
    const cells = pastedCells(e.clipboardData.getData("text/plain"));
    if (!cells) return;
    e.preventDefault();
    const placed = placeCells(cells, row, col);
    const drafts = new Map<number, LineDraft>();
    for (const p of placed) {
      const d = drafts.get(p.row) ?? { ...(p.row < fields.length ? getValues(`lines.${p.row}`) : EMPTY_LINE) };
      d[p.column] = p.column === "shipDate" ? parseDateText(p.text, f.locale) : p.text;
      if (p.column === "claimedAmount") d.amountByHand = p.text !== "";
      drafts.set(p.row, d);
    }
    const added: LineDraft[] = [];
    for (const [r, d] of [...drafts].sort(([a], [b]) => a - b)) {
      const done = completeDraft(d, byNumber.get(d.authorization.toUpperCase()), decimal);
      if (r < fields.length) {
        for (const c of LINE_COLUMNS) if (done[c] !== getValues(`lines.${r}.${c}`)) set(`lines.${r}.${c}`, done[c]);
        setValue(`lines.${r}.amountByHand`, !!done.amountByHand);
      } else added.push(done);
    }
    if (added.length) append(added, { shouldFocus: false });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const t = e.target as HTMLElement;
    if (e.key !== "Enter" || t.tagName !== "INPUT") return;
    const row = Number(t.dataset.row);
    const col = t.dataset.col ?? "";
    if (!isColumn(col) || !Number.isInteger(row)) return;
    e.preventDefault();
    const next = e.shiftKey ? row - 1 : row + 1;
    if (next < 0) return;
    if (next >= fields.length) append({ ...EMPTY_LINE }, { focusName: `lines.${next}.${col}` });
    else setFocus(`lines.${next}.${col}`);
  };

  const onValid = () => {
    setFormError(null);
    setServerProblems([]);
    const body = toClaimBody(getValues(), decimal, { claim: claimId, carried });
    startTransition(async () => {
      const r = await action({ ...body, idempotencyKey });
      if (r.ok !== false) return;
      setFormError(r.formError);
      const other: LineProblem[] = [];
      for (const [k, msgs] of Object.entries(r.fieldErrors)) {
        if (!msgs?.length) continue;
        const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
        if (m && Number(m[1]) < fields.length && isColumn(m[2]!)) setError(`lines.${Number(m[1])}.${m[2] as LineColumn}`, { type: "server", message: msgs[0] });
        else if (k === "period" || k === "reference") setError(k, { type: "server", message: msgs[0] });
        else other.push({ row: null, column: null, message: msgs[0]! });
      }
      setServerProblems(other);
    });
  };

  const problems: LineProblem[] = [...serverProblems];
  const lineErrors = formState.errors.lines;
  if (lineErrors?.message) problems.push({ row: null, column: null, message: lineErrors.message });
  if (lineErrors?.root?.message) problems.push({ row: null, column: null, message: lineErrors.root.message });
  if (Array.isArray(lineErrors)) {
    lineErrors.forEach((e, row) => {
      if (!e) return;
      for (const c of LINE_COLUMNS) if (e[c]?.message) problems.push({ row, column: c, message: e[c]!.message! });
    });
  }
  const total = lines.reduce((n, l) => n + (l ? parseDecimal(l.claimedAmount, decimal) || 0 : 0), 0) + (carried ?? []).reduce((n, l) => n + l.claimedAmount, 0);
  const unknown = (i: number) => {
    const n = lines[i]?.authorization ?? "";
    return n && !byNumber.has(n.toUpperCase()) ? n : null;
  };

  return (
    <form onSubmit={handleSubmit(onValid)} noValidate className="space-y-4" aria-label={claimId ? "Corrected claim lines" : "New claim"} data-testid="claim-editor" data-ready={hydrated ? "1" : "0"}>
      <div className="flex flex-wrap items-start gap-4">
        {periods ? (
          <Field label="Period" hint="The month the ship dates fall in" error={formState.errors.period?.message}>
            <Select {...register("period")} defaultValue={defaults.period} className="w-44">
              <PeriodOptions periods={periods} />
            </Select>
          </Field>
        ) : null}
        <Field label="Your claim number" optional hint="Your debit memo or claim reference" error={formState.errors.reference?.message}>
          <Input {...register("reference")} defaultValue={defaults.reference} className="w-56" autoComplete="off" />
        </Field>
      </div>

      <ErrorSummary problems={problems} formError={formError} lineNumber={lineNumber} onGo={(row, c) => setFocus(`lines.${row}.${c}`)} />

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs" role="region" aria-label="Claim lines" tabIndex={-1}>
        <table className="w-full border-separate border-spacing-0 text-sm">
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="sticky left-0 z-10 w-10 border-b border-slate-200 bg-slate-50 px-2 py-2 text-right font-medium">
                Line
              </th>
              {LINE_COLUMNS.map((c) => (
                <th key={c} scope="col" className={`border-b border-l border-slate-200 px-2 py-2 font-medium whitespace-nowrap ${COLUMN_WIDTH[c]} ${["quantity", "bookCost", "authorizedCost", "claimedAmount"].includes(c) ? "text-right" : "text-left"}`}>
                  {COLUMN_LABELS[c]}
                </th>
              ))}
              <th scope="col" className="relative border-b border-l border-slate-200 px-2 py-2">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody onPaste={onPaste} onKeyDown={onKeyDown}>
            {fields.map((field, i) => {
              const computed = lines[i] ? draftAmount(lines[i]!, decimal) : null;
              return (
                <LineRow
                  key={field.id}
                  index={i}
                  lineNumber={lineNumber(i)}
                  register={register}
                  errors={formState.errors}
                  authorizations={authorizations}
                  authorization={lines[i]?.authorization ?? ""}
                  unknownAuthorization={unknown(i)}
                  computed={computed === null ? null : f.money(computed, CLAIM_CURRENCY)}
                  amountIsManual={!!lines[i]?.amountByHand && computed !== null && amountText(computed, decimal) !== lines[i]?.claimedAmount}
                  onAuthorization={onAuthorization}
                  onFigure={recompute}
                  onAmount={onAmount}
                  onRemove={(k) => remove(k)}
                  canRemove={fields.length > 1}
                  note={lines[i]?.line ? notes?.[lines[i]!.line!] : undefined}
                />
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={() => append({ ...EMPTY_LINE }, { focusName: `lines.${fields.length}.authorization` })} data-testid="add-line">
            Add line
          </Button>
          <p className="text-xs text-slate-600">
            Tab and Enter move between cells; paste a block copied from Excel into any cell. The amount is quantity × (book − authorised) unless you type
            your own (marked in amber when it differs).
          </p>
        </div>
        <div className="flex items-center gap-3">
          <span className="text-sm text-slate-700 tabular-nums" data-testid="claim-draft-total">
            {plural(lines.length + (carried?.length ?? 0), "line")} · {f.money(Math.round(total * 100) / 100, CLAIM_CURRENCY)}
          </span>
          <Button type="submit" pending={pending} data-testid="send-claim">
            {submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
