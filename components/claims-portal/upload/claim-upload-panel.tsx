"use client";

/**
 * A claim file in the distributor's own layout — CSV, Excel or an X12 844 — read and stored as a
 * claim when every line reads. When the columns cannot be told surely the mapping is asked; when a
 * date order cannot be told it is asked; bad lines are listed by line and field and nothing is stored.
 * The file stays chosen across the questions (it is sent again with each answer).
 */
import { startTransition, useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { IDLE_STATE } from "@/lib/validation/action-state";
import { useFormatter } from "@/components/format/format-provider";
import { PeriodOptions } from "../period-options";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ClaimUploadState } from "../action-types";
import type { ClaimColumnChoice, ClaimFieldInfo } from "./claim-fields";
import { ClaimMappingStep } from "./claim-mapping-step";
import { DateOrderQuestion } from "./date-order-question";
import { FileProblems } from "./file-problems";
import { useHydrated } from "../use-hydrated";

/** What a server action takes (next.config.ts `bodySizeLimit` 4 MB), less room for the form around the file. */
const MAX_FILE_BYTES = 4 * 1024 * 1024 - 64 * 1024;

export interface ClaimUploadPanelProps {
  periods: string[];
  fields: ClaimFieldInfo[];
  action: (prev: ClaimUploadState, fd: FormData) => Promise<ClaimUploadState>;
}

export function ClaimUploadPanel({ periods, fields, action }: ClaimUploadPanelProps) {
  const f = useFormatter();
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, IDLE_STATE as ClaimUploadState);
  const [file, setFile] = useState<File | null>(null);
  const [period, setPeriod] = useState("");
  const [reference, setReference] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const hydrated = useHydrated();

  const tooLarge = !!file && file.size > MAX_FILE_BYTES;
  const send = (answer: { mapping?: ClaimColumnChoice; dateOrder?: "DMY" | "MDY" } = {}) => {
    if (!file || tooLarge) return;
    const fd = new FormData();
    fd.set("file", file);
    fd.set("period", period);
    fd.set("reference", reference);
    fd.set("idempotencyKey", key);
    if (answer.mapping) fd.set("mapping", JSON.stringify(answer.mapping));
    if (answer.dateOrder) fd.set("dateOrder", answer.dateOrder);
    startTransition(() => dispatch(fd));
  };

  const stored = state.ok === true && state.data?.kind === "stored" ? state.data : null;
  useEffect(() => {
    if (stored && stored.warnings.length === 0) router.push(`/my-claims/${stored.id}?submitted=${stored.revision}`);
  }, [stored, router]);

  const needs = state.ok === true && state.data?.kind === "needs" ? state.data : null;
  const mappingNeed = needs?.needs.find((n) => n.kind === "mapping");
  const dateNeed = needs?.needs.find((n) => n.kind === "dateOrder");
  const failure = state.ok === false ? state : null;

  return (
    <div className="space-y-4" data-testid="claim-upload" data-ready={hydrated ? "1" : "0"}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
        noValidate
        aria-label="Upload a claim file"
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
      >
        <Field
          label="Claim file"
          hint="CSV or TSV in your own layout, Excel (.xlsx) or X12 844; up to 4 MB here (larger files: POST /api/v1/claims)"
          error={tooLarge ? `${file!.name} is ${f.bytes(file!.size)}: send files above 4 MB through the API (POST /api/v1/claims)` : failure?.fieldErrors.file}
        >
          <Input
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,.xlsx,.edi,.x12,.844,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setKey(crypto.randomUUID());
            }}
            className="w-80 max-w-full py-1.5"
          />
        </Field>
        <Field label="Period" hint="Empty: the month most ship dates fall in" error={failure?.fieldErrors.period}>
          <Select value={period} onChange={(e) => setPeriod(e.target.value)} className="w-44">
            <option value="">From the ship dates</option>
            <PeriodOptions periods={periods} />
          </Select>
        </Field>
        <Field label="Your claim number" optional hint="Unless the file carries one" error={failure?.fieldErrors.reference}>
          <Input value={reference} onChange={(e) => setReference(e.target.value)} className="w-48" autoComplete="off" />
        </Field>
        <Button type="submit" pending={pending && !needs} disabled={!file || tooLarge} data-testid="send-claim-file">
          Read and send the claim
        </Button>
      </form>

      <div aria-live="polite" className="space-y-4">
        {mappingNeed ? <ClaimMappingStep key={key} need={mappingNeed} fields={fields} pending={pending} onConfirm={(mapping) => send({ mapping })} /> : null}
        {!mappingNeed && dateNeed ? <DateOrderQuestion need={dateNeed} pending={pending} onAnswer={(dateOrder) => send({ dateOrder })} /> : null}
        {failure ? <FileProblems message={failure.formError} errors={failure.details?.fileErrors ?? []} warnings={failure.details?.warnings ?? []} fields={fields} x12={failure.details?.format === "x12"} /> : null}
        {stored && stored.warnings.length === 0 ? (
          <p role="status" className="text-sm text-emerald-800" data-testid="claim-file-opening">
            The claim was read and stored; opening it…
          </p>
        ) : null}
        {stored && stored.warnings.length > 0 ? (
          <div className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950" data-testid="claim-file-stored">
            <p className="font-semibold">The claim was read and stored, with these notes:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {stored.warnings.map((w, i) => (
                <li key={i}>
                  {w.line ? `Line ${w.line}: ` : ""}
                  {w.message}
                </li>
              ))}
            </ul>
            <Link href={`/my-claims/${stored.id}?submitted=${stored.revision}`} className="mt-2 inline-block font-medium text-indigo-700 underline-offset-2 hover:underline">
              See the result of each line
            </Link>
          </div>
        ) : null}
      </div>
    </div>
  );
}
