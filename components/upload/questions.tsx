"use client";

/** The questions an upload's answer asks (`needs.*`), each answered in place; the panel reads the file again with the answer. */
import { useState } from "react";
import type { DateOrder } from "@/lib/imports/types";
import { Button } from "@/components/ui/button";
import { ValueOptions } from "@/components/ui/value-options";
import { plural } from "./labels";

/**
 * Lines identical in every field (invoice, line, part, quantity, date, transfer type, customer) were
 * counted; the distributor decides whether they are real repeats or one line sent twice.
 */
export function DuplicatesChoice({ lines, count, onPick }: { lines: number[]; count: number; onPick: (d: "keep" | "drop") => void }) {
  const shown = lines.slice(0, 12);
  return (
    <fieldset className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="upload-duplicates-question">
      <legend className="sr-only">Identical lines</legend>
      <p>
        {plural(count, "line")} {count === 1 ? "is" : "are"} identical in every field to an earlier line (line
        {shown.length === 1 ? "" : "s"} {shown.join(", ")}
        {lines.length > shown.length ? ", …" : ""}). {count === 1 ? "It is" : "They are"} counted now. Keep, or drop as sent twice?
      </p>
      <div className="mt-1.5 flex gap-2">
        <Button size="sm" variant="secondary" onClick={() => onPick("keep")}>
          Keep them (real repeats)
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onPick("drop")}>
          Drop them (sent twice)
        </Button>
      </div>
    </fieldset>
  );
}

/**
 * Quantities in cases, boxes or packs of SKUs whose pack size we do not know were not counted: the
 * distributor says how many units one holds, and the file is read again with them.
 */
export function PackSizesForm({ needed, onSubmit }: { needed: { sku: string; unit: string; rows: number }[]; onSubmit: (sizes: Record<string, number>) => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const sizes: Record<string, number> = {};
    for (const n of needed) {
      const v = values[n.sku]?.trim();
      if (!v) continue;
      const k = Number(v);
      if (!Number.isInteger(k) || k < 1 || k > 100_000) return setError(`Units per ${n.unit} of ${n.sku} is a whole number from 1 to 100,000.`);
      sizes[n.sku] = k;
    }
    if (!Object.keys(sizes).length) return setError("Enter the units per pack of at least one SKU.");
    setError(null);
    onSubmit(sizes);
  };
  return (
    <fieldset className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="upload-pack-sizes-question">
      <legend className="sr-only">Pack sizes</legend>
      <p>Some quantities are in packs whose size we do not know, so those rows were not counted. How many units does one hold?</p>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {needed.map((n) => (
          <label key={n.sku} className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate">
              {n.sku} · {plural(n.rows, "row")} in {n.unit}
            </span>
            <input
              type="number"
              min={1}
              inputMode="numeric"
              aria-label={`Units per ${n.unit} of ${n.sku}`}
              value={values[n.sku] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [n.sku]: e.target.value }))}
              className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-right tabular-nums"
            />
            <span className="text-slate-600">units</span>
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-red-700" role="alert">{error}</p> : null}
      <Button size="sm" className="mt-2" onClick={submit}>
        Read again with these pack sizes
      </Button>
    </fieldset>
  );
}

/** A workbook with several sheets that could hold the report: which one. */
export function SheetChoice({ sheets, current, onPick }: { sheets: string[]; current?: string; onPick: (s: string) => void }) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <label className="flex flex-wrap items-center gap-2">
        <span>Several sheets could hold the data; this was read from “{current}”. Which one is it?</span>
        <select
          defaultValue={current}
          onChange={(e) => onPick(e.target.value)}
          className="h-7 rounded-md border-0 bg-white px-2 text-sm ring-1 ring-amber-400 ring-inset"
          aria-label="Sheet"
        >
          <ValueOptions values={sheets} />
        </select>
      </label>
    </div>
  );
}

/** Dates that read both ways (03/04/2026) and nothing in the file settles the order: which one. */
export function DateOrderChoice({ assumed, onPick }: { assumed: DateOrder; onPick: (d: DateOrder) => void }) {
  return (
    <fieldset className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <legend className="sr-only">Date order</legend>
      <p>
        Dates like 03/04/2026 could be either order, and no date in the file settles it. It was read as{" "}
        <b>{assumed === "MDY" ? "month/day (US)" : "day/month"}</b>. Which is right?
      </p>
      <div className="mt-1.5 flex gap-2">
        <Button size="sm" variant={assumed === "MDY" ? "primary" : "secondary"} onClick={() => onPick("MDY")}>
          Month/day (03/04 = 4 March)
        </Button>
        <Button size="sm" variant={assumed === "DMY" ? "primary" : "secondary"} onClick={() => onPick("DMY")}>
          Day/month (03/04 = 3 April)
        </Button>
      </div>
    </fieldset>
  );
}
