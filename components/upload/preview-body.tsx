/** The first rows of an uploaded file under its column headings: one cell per heading, long values cut. */
export function PreviewBody({ headers, rows }: { headers: readonly string[]; rows: readonly (readonly (string | undefined)[])[] }) {
  return (
    <tbody>
      {rows.map((row, r) => (
        <tr key={r}>
          {headers.map((_, i) => (
            <td key={i} className="max-w-48 truncate border-b border-slate-100 px-2 py-1 whitespace-nowrap text-slate-700">
              {row[i] ?? ""}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
