"use client";

/**
 * The distributor's file upload on the submit screen (issue 4): drop zone and file picker, upload
 * with progress (bytes sent, then "Reading…"), then a review before anything reaches the grid —
 * format and kind (switchable), the column mapping with a preview (confirming it remembers it for the
 * file's layout), date order and sheet when the file leaves them open, unknown parts mapped on the
 * spot (remembered), rejected rows (downloadable as CSV), rows outside the period, duplicates,
 * credits, and the totals. "Apply to grid" hands the per-SKU figures to `onApply` as changes to
 * review; the grid's next submit names the upload so the revision keeps the line-level POS.
 *
 * Answers change how the file is read, so the panel sends the same file again with them (and
 * `replaces`, so the superseded upload is dropped).
 */
import { useCallback, useId, useRef, useState, type DragEvent } from "react";
import { useFormatter } from "@/components/format/format-provider";
import { clsx } from "clsx";
import type { UploadAnswer } from "@/lib/dal/uploads/answer";
import type { Kind, Mapping } from "@/lib/imports/types";
import { dayRange } from "@/lib/imports/coverage";
import { needsIndex } from "@/lib/imports/needs";
import { CombineOffer } from "./combine-offer";
import { Button } from "@/components/ui/button";
import type { GridActions, MapPartsActionState } from "@/lib/validation/submit-actions";
import { formatLabel, plural } from "./labels";
import { MappingStep } from "./mapping-step";
import { DateOrderChoice, DuplicatesChoice, PackSizesForm, SheetChoice } from "./questions";
import { RowsSetAside, TotalsTable, UnknownParts } from "./review-parts";
import { sendUpload, type UploadAnswers } from "./xhr-upload";

export interface ApplyUpload {
  uploadId: string;
  /** Line-level POS (lists every sale: SKUs it leaves out sold nothing) or a per-SKU summary. */
  kind: "pos_lines" | "summary";
  lines: { sku: string; sold: number | null; returned: number | null; onHand: number | null }[];
  products: { sku: string; description: string; family: string }[];
}

export interface ApplyOutcome {
  cells: number;
  added: number;
  skus: number;
  /** Line-level POS: rows the file did not mention, whose Sold and Returned were set to 0. */
  zeroed?: number;
}

export interface UploadPanelProps {
  period: string;
  periodLabel: string;
  onApply: (upload: ApplyUpload) => ApplyOutcome;
  disabled?: boolean;
  /** The screen's server actions (the page passes them; components never import app/). */
  actions: Pick<GridActions, "mapUnknownParts" | "searchSkus">;
}

type Phase =
  | { t: "idle" }
  | { t: "uploading"; sent: number; total: number }
  | { t: "reading" }
  | { t: "review" }
  | { t: "error"; message: string };

const ACCEPT = ".csv,.tsv,.txt,.xlsx,.edi,.x12,.852,.867,.dat,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/edi-x12";


export function UploadPanel({ period, periodLabel, onApply, disabled, actions }: UploadPanelProps) {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ t: "idle" });
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<UploadAnswer | null>(null);
  const [answers, setAnswers] = useState<UploadAnswers>({});
  const [applied, setApplied] = useState<(ApplyOutcome & { uploadId: string }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const send = useCallback(
    async (f: File, next: UploadAnswers, replaces: string | null) => {
      setPhase({ t: "uploading", sent: 0, total: f.size });
      setNotice(null);
      const req = sendUpload(f, { period, answers: next, replaces }, {
        progress: (sent, total) => setPhase({ t: "uploading", sent, total }),
        reading: () => setPhase({ t: "reading" }),
      });
      abortRef.current = req.abort;
      try {
        const a = await req.done;
        setAnswer(a);
        setAnswers(next);
        setPhase({ t: "review" });
        return a;
      } catch (e) {
        const message = e instanceof Error ? e.message : "The file could not be read.";
        setPhase(answer && replaces ? { t: "review" } : { t: "error", message });
        if (answer && replaces) setNotice(message);
        return null;
      } finally {
        abortRef.current = null;
      }
    },
    [period, answer],
  );

  function choose(f: File | undefined | null) {
    if (!f || disabled) return;
    setOpen(true);
    setFile(f);
    setAnswer(null);
    setApplied(null);
    setAnswers({});
    void send(f, {}, null);
  }

  /** Read the same file again with changed answers (the earlier upload is replaced). */
  function reread(change: Partial<UploadAnswers>, message?: string) {
    if (!file || !answer) return;
    const next = { ...answers, ...change };
    // A confirmed kind/date order/sheet keeps the mapping in use, so the confirmation is remembered whole.
    if (!next.mapping && answer.mapping && (change.kind || change.dateOrder)) next.mapping = answer.mapping;
    void send(file, next, answer.uploadId).then((a) => {
      if (a && message) setNotice(message);
    });
  }

  async function mapParts(mappings: { part: string; sku: string }[]): Promise<MapPartsActionState> {
    if (!answer) return { ok: false, code: "validation_failed", fieldErrors: {}, formError: "Upload the file first." };
    const res = await actions.mapUnknownParts({ uploadId: answer.uploadId, mappings });
    const mapped = res.ok ? (res.data?.mapped ?? []) : [];
    if (res.ok) reread({}, `${plural(mapped.length, "part")} mapped and remembered: ${mapped.map((m) => `${m.part} → ${m.sku}`).join(", ")}.`);
    return res;
  }

  function apply() {
    if (!answer) return;
    const outcome = onApply({ uploadId: answer.uploadId, kind: answer.kind === "pos_lines" ? "pos_lines" : "summary", lines: answer.lines, products: answer.products });
    setApplied({ ...outcome, uploadId: answer.uploadId });
  }

  function reset() {
    abortRef.current?.();
    setPhase({ t: "idle" });
    setFile(null);
    setAnswer(null);
    setAnswers({});
    setNotice(null);
    if (fileInput.current) fileInput.current.value = "";
  }

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files?.[0]);
  };
  const busy = phase.t === "uploading" || phase.t === "reading";
  const asked = needsIndex(answer?.needs);
  const blocking = asked?.mapping === true;

  return (
    <section aria-labelledby={`${inputId}-title`} className="rounded-lg border border-slate-300 bg-white shadow-xs" data-testid="upload-panel">
      <div className="flex flex-wrap items-center gap-3 px-4 py-3">
        <div className="min-w-0 flex-1">
          <h2 id={`${inputId}-title`} className="text-sm font-semibold text-slate-900">
            Fill from your ERP’s report
          </h2>
          <p className="text-xs text-slate-600">
            {applied
              ? `Applied ${file?.name ?? "the file"}: ${plural(applied.cells, "cell")} changed in ${plural(applied.skus, "SKU")}${applied.added ? ` (${plural(applied.added, "row")} added)` : ""}${applied.zeroed ? `; ${plural(applied.zeroed, "SKU")} not in the file set to 0 sold and 0 returned` : ""}. Review them in the grid, then submit — the revision keeps the file’s line-level POS.`
              : `POS lines or an inventory summary for ${periodLabel}, as your system exports it. Nothing reaches the grid until you apply it.`}
          </p>
        </div>
        {!open && !disabled ? (
          <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
            Upload a file
          </Button>
        ) : null}
        {open && phase.t !== "review" && !busy ? (
          <Button variant="ghost" size="sm" onClick={() => { reset(); setOpen(false); }}>
            Close
          </Button>
        ) : null}
      </div>

      {open ? (
        <div className="space-y-4 border-t border-slate-200 px-4 py-4">
          {phase.t === "idle" || phase.t === "error" ? (
            <label
              htmlFor={inputId}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              data-testid="upload-dropzone"
              className={clsx(
                "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors",
                dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-slate-50 hover:border-indigo-400 hover:bg-indigo-50/40",
              )}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 text-slate-500">
                <path fill="currentColor" d="M11 16V7.85l-2.6 2.6L7 9l5-5 5 5-1.4 1.45-2.6-2.6V16zm-5 4q-.82 0-1.41-.59T4 18v-3h2v3h12v-3h2v3q0 .82-.59 1.41T18 20z" />
              </svg>
              <span className="text-sm font-medium text-slate-900">Drop your POS or inventory report — CSV, Excel, EDI 852/867</span>
              <span className="text-xs text-slate-600">
                or <span className="font-medium text-indigo-700 underline underline-offset-2">choose a file</span> · any layout: columns are matched by their headers
              </span>
              <input
                ref={fileInput}
                id={inputId}
                type="file"
                accept={ACCEPT}
                className="sr-only"
                aria-label="Choose a POS or inventory file"
                onChange={(e) => choose(e.target.files?.[0])}
              />
            </label>
          ) : null}

          {phase.t === "error" ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
              <span className="font-medium">{file?.name}: </span>
              {phase.message}
            </p>
          ) : null}

          {busy ? <Progress phase={phase} file={file} onCancel={reset} /> : null}

          {phase.t === "review" && answer ? (
            <div className="space-y-4" data-testid="upload-review">
              <ReviewHeader answer={answer} file={file} onKind={(kind) => reread({ kind }, `Read again as ${kind === "pos_lines" ? "line-level POS" : "a per-SKU summary"}.`)} />
              {notice ? (
                <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
                  {notice}
                </p>
              ) : null}
              <CombineOffer
                answer={answer}
                onCombine={(combine) => reread({ combine }, combine ? "Combined with the earlier files of this month." : "Read as this file alone.")}
              />
              {asked?.sheet?.length ? (
                <SheetChoice sheets={asked.sheet} current={answer.sheet} onPick={(sheet) => reread({ sheet }, `Read sheet “${sheet}”.`)} />
              ) : null}
              {asked?.dateOrder ? (
                <DateOrderChoice assumed={asked.assumed ?? answer.dateOrder ?? "MDY"} onPick={(dateOrder) => reread({ dateOrder }, "Date order confirmed and remembered for this layout.")} />
              ) : null}
              {asked?.duplicates ? (
                <DuplicatesChoice
                  lines={asked.duplicates.lines}
                  count={asked.duplicates.count}
                  onPick={(duplicates) => reread({ duplicates }, duplicates === "keep" ? "Identical lines kept and counted." : "Identical lines dropped as sent twice.")}
                />
              ) : null}
              {asked?.packSizes?.length ? (
                <PackSizesForm
                  key={`p-${answer.uploadId}`}
                  needed={asked.packSizes}
                  onSubmit={(packSizes) => reread({ packSizes: { ...answers.packSizes, ...packSizes } }, "Read again with the pack sizes you gave (for this file; set them in the catalogue to keep them).")}
                />
              ) : null}
              {answer.layout || asked?.mapping ? (
                <MappingStep
                  key={answer.uploadId}
                  answer={answer}
                  onConfirm={(mapping: Mapping) => reread({ mapping }, "Mapping confirmed; it is remembered for files with these headers.")}
                />
              ) : null}
              {!blocking ? (
                <>
                  <TotalsTable answer={answer} />
                  <UnknownParts key={`u-${answer.uploadId}`} parts={answer.unknownParts} onMap={mapParts} searchSkus={actions.searchSkus} />
                  <RowsSetAside answer={answer} />
                </>
              ) : null}
              <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
                <Button onClick={apply} disabled={blocking || answer.lines.length === 0 || applied?.uploadId === answer.uploadId} data-testid="upload-apply">
                  Apply to grid
                </Button>
                <Button variant="secondary" onClick={() => fileInput.current?.click()}>
                  Upload another file
                </Button>
                <Button variant="ghost" onClick={() => { reset(); setOpen(false); }}>
                  Close
                </Button>
                <input ref={fileInput} type="file" accept={ACCEPT} className="sr-only" tabIndex={-1} aria-hidden="true" onChange={(e) => choose(e.target.files?.[0])} />
                <p className="text-xs text-slate-600">
                  {blocking
                    ? "Confirm the mapping first."
                    : applied?.uploadId === answer.uploadId
                      ? "Applied. Changed cells are marked in the grid."
                      : `Fills ${[answer.totals.sold !== null && "Sold", answer.totals.returned !== null && "Returned", answer.totals.onHand !== null && "On hand"].filter(Boolean).join(", ") || "nothing"} for ${plural(answer.lines.length, "SKU")}; other cells keep their values.`}
                </p>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Progress({ phase, file, onCancel }: { phase: Phase; file: File | null; onCancel: () => void }) {
  const fmtBytes = useFormatter().bytes;
  const pct = phase.t === "uploading" && phase.total > 0 ? Math.min(100, Math.round((phase.sent / phase.total) * 100)) : 100;
  const reading = phase.t === "reading";
  return (
    <div className="space-y-1.5" data-testid="upload-progress">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="font-medium text-slate-900">
          {file?.name} <span className="font-normal text-slate-600">({fmtBytes(file?.size ?? 0)})</span>
        </span>
        <span className="text-slate-700 tabular-nums" role="status" aria-live="polite">
          {reading ? "Reading…" : `Uploading… ${pct} %`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={reading ? "Reading the file" : "Uploading the file"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={reading ? undefined : pct}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={clsx("h-full rounded-full bg-indigo-600 transition-[width]", reading && "animate-pulse")} style={{ width: `${pct}%` }} />
      </div>
      {!reading ? (
        <button type="button" onClick={onCancel} className="text-xs font-medium text-slate-700 underline underline-offset-2">
          Cancel
        </button>
      ) : null}
    </div>
  );
}

function ReviewHeader({ answer, file, onKind }: { answer: UploadAnswer; file: File | null; onKind: (k: Kind) => void }) {
  const x12 = answer.format.startsWith("x12");
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <p className="text-sm font-medium text-slate-900">{answer.fileName ?? file?.name}</p>
        <p className="text-xs text-slate-600" data-testid="upload-format">
          {formatLabel(answer.format, answer)}
          {answer.headerLine && answer.headerLine > 1 ? ` · header on ${answer.format === "xlsx" ? "row" : "line"} ${answer.headerLine}` : ""}
          {answer.mappingSource === "remembered" ? " · your saved mapping for this layout was used" : ""}
        </p>
        {answer.coverage ? <CoverageLine coverage={answer.coverage} /> : null}
      </div>
      <fieldset className="flex items-center gap-1 rounded-md bg-slate-100 p-0.5 text-xs" disabled={x12}>
        <legend className="sr-only">What the file holds</legend>
        {(["pos_lines", "summary"] as const).map((k) => (
          <label
            key={k}
            className={clsx(
              "cursor-pointer rounded px-2.5 py-1 font-medium",
              answer.kind === k ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900",
              x12 && "cursor-default",
            )}
          >
            <input type="radio" name="upload-kind" value={k} checked={answer.kind === k} onChange={() => onKind(k)} className="sr-only" />
            {k === "pos_lines" ? "Line-level POS" : "Per-SKU summary"}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** Which days of the period the file covers; amber when it is part of the month. */
function CoverageLine({ coverage: c }: { coverage: NonNullable<UploadAnswer["coverage"]> }) {
  const range = dayRange(c.from, c.to);
  return (
    <p className={clsx("mt-0.5 text-xs", c.partial ? "font-medium text-amber-800" : "text-slate-600")} data-testid="upload-coverage">
      {c.partial
        ? `Covers ${range} only — ${c.days} of ${c.periodDays} days of the period`
        : `Covers ${range} (${c.days} of ${c.periodDays} days)`}
      {c.source === "lines" ? ", by its lines’ dates" : ""}
    </p>
  );
}
