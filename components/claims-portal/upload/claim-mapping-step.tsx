"use client";

/**
 * Which column of the distributor's file holds which claim field, asked when the headers do not say
 * it surely: one picker per field (prefilled with the suggestion), the missing and uncertain ones
 * marked, and the first rows of the file under its headers. Confirming reads the file again with the
 * columns and remembers them for files with these headers.
 */
import { useState } from "react";
import { clsx } from "clsx";
import type { ClaimNeed } from "@/lib/imports/claims/types";
import { Button } from "@/components/ui/button";
import { PreviewBody } from "@/components/upload/preview-body";
import type { ClaimColumnChoice, ClaimFieldInfo } from "./claim-fields";

type MappingNeed = Extract<ClaimNeed, { kind: "mapping" }>;

export function ClaimMappingStep({ need, fields, pending, onConfirm }: { need: MappingNeed; fields: ClaimFieldInfo[]; pending: boolean; onConfirm: (m: ClaimColumnChoice) => void }) {
  const [choice, setChoice] = useState<ClaimColumnChoice>(() => ({ ...need.suggested }));
  const column = (i: number) => `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ""}`;
  const used = new Map<number, number>();
  for (const v of Object.values(choice)) if (v != null) used.set(v, (used.get(v) ?? 0) + 1);
  const lacking = fields.filter((f) => f.required && choice[f.field] == null);
  const twice = fields.filter((f) => choice[f.field] != null && (used.get(choice[f.field]!) ?? 0) > 1);
  const missingNames = need.missing.map((m) => fields.find((f) => f.field === m)?.label ?? m);
  const uncertainNames = need.uncertain.map((m) => fields.find((f) => f.field === m)?.label ?? m);

  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50/60 p-3" data-testid="claim-mapping">
      <div className="text-sm text-amber-950">
        <p className="font-medium">Which column is which? We could not tell every claim field from the headers of your file.</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {missingNames.length ? <li>Not found: {missingNames.join(", ")}.</li> : null}
          {uncertainNames.length ? <li>Please confirm: {uncertainNames.join(", ")}.</li> : null}
          <li>Headers found: {need.headers.map((h, i) => `${column(i)} “${h || "(blank)"}”`).join(", ")}.</li>
        </ul>
      </div>
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((f) => {
          const missing = need.missing.includes(f.field);
          const uncertain = need.uncertain.includes(f.field);
          const id = `map-${f.field}`;
          return (
            <div key={f.field} className="flex items-center justify-between gap-2">
              <label htmlFor={id} className="text-sm text-slate-800">
                {f.label}
                {f.required ? <span className="text-red-700"> *</span> : <span className="text-xs text-slate-600"> (optional)</span>}
              </label>
              <select
                id={id}
                value={choice[f.field] ?? ""}
                onChange={(e) => setChoice((c) => ({ ...c, [f.field]: e.target.value === "" ? null : Number(e.target.value) }))}
                aria-invalid={(f.required && choice[f.field] == null) || twice.includes(f) ? true : undefined}
                className={clsx(
                  "h-8 w-48 rounded-md border-0 bg-white px-2 text-sm text-slate-900 ring-1 ring-inset",
                  missing && choice[f.field] == null ? "ring-red-500" : uncertain ? "ring-amber-500" : "ring-slate-300",
                )}
              >
                <option value="">— not in the file —</option>
                {need.headers.map((h, i) => (
                  <option key={i} value={i}>
                    {column(i)} · {h || "(blank)"}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {need.preview.length ? (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white" role="region" aria-label="The first rows of your file" tabIndex={0}>
          <table className="min-w-full border-separate border-spacing-0 text-xs">
            <thead>
              <tr>
                {need.headers.map((h, i) => (
                  <th key={i} scope="col" className="border-b border-slate-300 px-2 py-1 text-left font-semibold whitespace-nowrap text-slate-800">
                    {column(i)} · {h || "(blank)"}
                  </th>
                ))}
              </tr>
            </thead>
            <PreviewBody headers={need.headers} rows={need.preview.slice(0, 5)} />
          </table>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={() => onConfirm(choice)} disabled={lacking.length > 0 || twice.length > 0} pending={pending} data-testid="claim-confirm-mapping">
          Read the file with these columns
        </Button>
        <span className="text-xs text-slate-700">
          {lacking.length
            ? `Pick a column for ${lacking.map((f) => f.label).join(", ")}.`
            : twice.length
              ? `${twice[0]!.label} shares its column with another field.`
              : "Remembered for files with these headers: next time it reads without asking."}
        </span>
      </div>
    </div>
  );
}
