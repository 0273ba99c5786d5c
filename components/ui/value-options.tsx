/** One `<option>` per value, showing the value itself. */
export function ValueOptions({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </>
  );
}

/** One `<option>` per distributor, valued by its code and showing "code — name". */
export function DistributorOptions({ distributors }: { distributors: readonly { code: string; name: string }[] }) {
  return (
    <>
      {distributors.map((d) => (
        <option key={d.code} value={d.code}>
          {d.code} — {d.name}
        </option>
      ))}
    </>
  );
}
