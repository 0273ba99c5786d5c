"use client";

/**
 * The column mapping with a preview of the first rows: one select per column, prefilled with the
 * mapping in use (the remembered one, or the header suggestions). Open and highlighted when the
 * file's headers need a confirmation; otherwise folded. Confirming reads the file again with the
 * mapping and remembers it for the layout (next month: zero clicks).
 */
import { useState } from "react";
import { clsx } from "clsx";
import type { UploadAnswer } from "@/lib/dal/uploads/answer";
import type { Field, Mapping } from "@/lib/imports/types";
import { needsIndex } from "@/lib/imports/needs";
import { Button } from "@/components/ui/button";
import { FIELD_LABEL, FIELD_OPTIONS } from "./labels";
import { PreviewBody } from "./preview-body";

export function MappingStep({ answer, onConfirm }: { answer: UploadAnswer; onConfirm: (m: Mapping) => void }) {
  const asked = needsIndex(answer.needs);
  const needs = asked?.mapping === true;
  const headers = answer.layout?.headers ?? asked?.headers ?? answer.headers ?? [];
  const preview = answer.layout?.preview ?? asked?.preview ?? [];
  const start: Mapping = (needs ? asked?.suggested : answer.mapping) ?? answer.layout?.suggested ?? {};
  const confidence = answer.layout?.confidence ?? asked?.confidence ?? {};
  const [mapping, setMapping] = useState<Mapping>(() => ({ ...start }));
  const [open, setOpen] = useState(needs);
  const changed = headers.some((_, i) => (mapping[i] ?? null) !== (start[i] ?? null));
  const fields = new Set(Object.values(mapping).filter(Boolean) as Field[]);
  const hasId = fields.has("sku") || fields.has("distributorPart") || fields.has("upc");
  const hasQty = fields.has("quantity") || fields.has("sold") || fields.has("returned") || fields.has("onHand") || fields.has("customerReturns");
  const twice = [...fields].filter((f) => Object.values(mapping).filter((v) => v === f).length > 1);
  const valid = hasId && hasQty && twice.length === 0;

  return (
    <div className={clsx("rounded-md border", needs ? "border-amber-300 bg-amber-50/60" : "border-slate-200")} data-testid="upload-mapping">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm"
      >
        <span className={clsx("font-medium", needs ? "text-amber-950" : "text-slate-900")}>
          {needs
            ? "Which column is which? We could not tell from the headers — check the suggestion below and confirm."
            : `Column mapping: ${headers
                .map((h, i) => (mapping[i] ? `${h} → ${FIELD_LABEL[mapping[i]!]}` : null))
                .filter(Boolean)
                .slice(0, 4)
                .join(", ")}${Object.values(mapping).filter(Boolean).length > 4 ? ", …" : ""}`}
        </span>
        <span className="shrink-0 text-xs font-medium text-indigo-700">{open ? "Hide" : "Show / change"}</span>
      </button>
      {open ? (
        <div className="space-y-2 border-t border-slate-200 px-3 py-3">
          {needs && asked?.reasons?.length ? (
            <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-950" data-testid="upload-mapping-reasons">
              {asked.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          <div className="overflow-x-auto">
            <table className="min-w-full border-separate border-spacing-0 text-xs">
              <thead>
                <tr>
                  {headers.map((h, i) => (
                    <th key={i} scope="col" className="border-b border-slate-300 px-2 py-1 text-left font-semibold whitespace-nowrap text-slate-800">
                      {h || `Column ${i + 1}`}
                    </th>
                  ))}
                </tr>
                <tr>
                  {headers.map((h, i) => (
                    <td key={i} className="border-b border-slate-200 px-1 py-1">
                      <select
                        aria-label={`Field of column ${h || i + 1}`}
                        value={mapping[i] ?? ""}
                        onChange={(e) => setMapping((m) => ({ ...m, [i]: (e.target.value || null) as Field | null }))}
                        className={clsx(
                          "h-7 w-full min-w-32 rounded border-0 bg-white px-1.5 text-xs ring-1 ring-inset",
                          mapping[i] && (confidence[i] ?? 1) < 0.7 && !changed ? "ring-amber-400" : "ring-slate-300",
                        )}
                      >
                        <option value="">— ignore —</option>
                        {FIELD_OPTIONS.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  ))}
                </tr>
              </thead>
              <PreviewBody headers={headers} rows={preview} />
            </table>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button size="sm" onClick={() => onConfirm(normalise(mapping, headers.length))} disabled={!valid || (!needs && !changed)} data-testid="upload-confirm-mapping">
              {needs ? "Confirm mapping" : "Apply this mapping"}
            </Button>
            <span className="text-xs text-slate-600">
              {!hasId
                ? "Pick the column with the part number (Halcyon SKU, your part number or UPC)."
                : !hasQty
                  ? "Pick the column with the quantity (per line) or sold / on hand (per SKU)."
                  : twice.length
                    ? `${FIELD_LABEL[twice[0]!]} is picked for two columns.`
                    : "Remembered for files with these headers: next month it reads without asking."}
            </span>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function normalise(m: Mapping, n: number): Mapping {
  const out: Mapping = {};
  for (let i = 0; i < n; i++) out[i] = m[i] ?? null;
  return out;
}
