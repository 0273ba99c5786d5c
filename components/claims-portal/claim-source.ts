const SOURCES: Record<string, string> = { screen: "Typed on screen", csv: "CSV file", xlsx: "Excel file", x12: "X12 844", api: "API" };

/** How a claim revision came in: "Typed on screen", "X12 844 · KCE_844_2611_1.edi". */
export function sourceText(source: string, fileName?: string | null): string {
  const what = SOURCES[source] ?? source;
  return fileName ? `${what} · ${fileName}` : what;
}
