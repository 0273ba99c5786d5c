"use client";

import { useFormatter } from "@/components/format/format-provider";

/** The periods a claim can be for, as options named in the viewer's language (value YYYY-MM). */
export function PeriodOptions({ periods }: { periods: readonly string[] }) {
  const f = useFormatter();
  return (
    <>
      {periods.map((p) => (
        <option key={p} value={p}>
          {f.period(p)}
        </option>
      ))}
    </>
  );
}
