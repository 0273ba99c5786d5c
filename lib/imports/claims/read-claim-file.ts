/**
 * A claim file of any kind the distributor sends → one answer. What the file is comes from its bytes
 * (`detect-format.ts`), never its name: X12 (an 844), an XLSX workbook (the sheet whose header names
 * most claim fields), or delimited text. The name only adds a warning when it says otherwise.
 */
import { decodeBuffer, sniffEncoding } from "../decode";
import { DETECT_BYTES, detectContainer, UNSUPPORTED_MESSAGE } from "../detect-format";
import { ImportError } from "../errors";
import { DEFAULT_MAX_BYTES, tooLarge } from "../source";
import type { DateOrder, RawRow } from "../types";
import { CLAIM_CONFIDENT, suggestClaimMapping, type ClaimField } from "./claim-columns";
import { claimHeader, readClaimTable, type ClaimTableOptions } from "./read-claim-table";
import { delimitedRows, workbookSheets, type Sheet } from "./table-rows";
import type { ClaimFileResult, ClaimWarning } from "./types";
import { readClaim844 } from "./x12-844";

type Saved = Partial<Record<ClaimField, number | null>>;

export interface ReadClaimFileOptions {
  /** The mapping remembered for this layout, or a lookup by `headerSignature` (e.g. the `column_mappings` table). */
  savedMapping?: Saved | null | ((signature: string) => Saved | null | undefined | Promise<Saved | null | undefined>);
  dateOrder?: DateOrder;
  /** "YYYY-MM" of the claim: decides ship dates like 03/04/2026 when only one order puts them in it. */
  period?: string;
  /** XLSX: the sheet to read (default: the one whose header names most claim fields). */
  sheet?: string;
  maxBytes?: number;
}

const NAMED: Record<ClaimFileResult["format"], string[]> = { x12: ["edi", "x12", "844", "txt", "dat"], xlsx: ["xlsx", "xlsm"], csv: ["csv", "tsv", "txt", "tab"] };
const WHAT: Record<ClaimFileResult["format"], string> = { x12: "an X12 EDI file", xlsx: "an Excel workbook", csv: "delimited text" };

function nameWarning(fileName: string, format: ClaimFileResult["format"]): ClaimWarning[] {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || NAMED[format].includes(ext)) return [];
  return [{ code: "file_name", message: `${fileName} is named .${ext} but holds ${WHAT[format]}: read as such` }];
}

/** The sheet whose header names most claim fields surely (the first on a tie). */
function pickSheet(sheets: Sheet[], wanted?: string): Sheet {
  if (wanted) {
    const s = sheets.find((x) => x.name === wanted);
    if (!s) throw new ImportError("invalid_options", `The workbook has no sheet named "${wanted}" (it has ${sheets.map((x) => `"${x.name}"`).join(", ")})`);
    return s;
  }
  let best: { sheet: Sheet; score: number } | null = null;
  for (const sheet of sheets) {
    if (!sheet.rows.some((r) => r.cells.some((c) => c !== null && String(c).trim() !== ""))) continue;
    const { confidence } = suggestClaimMapping(claimHeader(sheet.rows).headers);
    const score = Object.values(confidence).filter((c) => (c ?? 0) >= CLAIM_CONFIDENT).length;
    if (!best || score > best.score) best = { sheet, score };
  }
  if (!best) throw new ImportError("empty", "The workbook has no data on any sheet");
  return best.sheet;
}

async function table(rows: RawRow[], opts: ReadClaimFileOptions, extra: ClaimTableOptions) {
  const common = { ...extra, dateOrder: opts.dateOrder, period: opts.period };
  const saved = typeof opts.savedMapping === "function" ? await opts.savedMapping(claimHeader(rows).signature) : opts.savedMapping;
  return readClaimTable(rows, { ...common, savedMapping: saved });
}

export async function readClaimFile(bytes: Uint8Array, fileName: string, opts: ReadClaimFileOptions = {}): Promise<ClaimFileResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  const head = bytes.subarray(0, DETECT_BYTES);
  let container = detectContainer(head);
  const utf16 = sniffEncoding(head, false).encoding.startsWith("utf-16");
  if (container === "delimited" && utf16 && decodeBuffer(head.subarray(0, head.length & ~1)).text.trimStart().startsWith("ISA")) container = "x12";
  if (container === "delimited" && !utf16 && head.includes(0)) throw new ImportError("unsupported", `${fileName} is not a text, Excel or EDI file (it contains binary data)`);

  if (container === "x12") {
    const r = await readClaim844(bytes);
    return { format: "x12", ...r, warnings: [...nameWarning(fileName, "x12"), ...r.warnings] };
  }
  if (container === "xlsx") {
    const sheet = pickSheet(await workbookSheets(bytes), opts.sheet);
    const r = await table(sheet.rows, opts, {});
    return { format: "xlsx", ...r, sheet: sheet.name, warnings: [...nameWarning(fileName, "xlsx"), ...r.warnings] };
  }
  if (container !== "delimited") throw new ImportError(container === "empty" ? "empty" : "unsupported", UNSUPPORTED_MESSAGE[container] ?? "Unsupported file");
  const d = await delimitedRows(bytes);
  const r = await table(d.rows, opts, { delimiter: d.delimiter });
  const quotes = d.problems.map((p) => ({ line: p.line, code: "row_value", message: `Quotes: ${p.message}` }));
  return { format: "csv", ...r, warnings: [...nameWarning(fileName, "csv"), ...r.warnings, ...quotes] };
}
