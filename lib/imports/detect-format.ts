/**
 * What a file is, from its first bytes — never from its name or declared content type.
 */

export type Container = "xlsx" | "x12" | "delimited" | "xls" | "pdf" | "gzip" | "empty";

/** Bytes worth handing to {@link detectContainer}. */
export const DETECT_BYTES = 512;

export function detectContainer(head: Uint8Array): Container {
  if (head.length === 0) return "empty";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "xlsx"; // ZIP local file header
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return "xlsx"; // empty ZIP: rejected as corrupt later
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "xls"; // OLE2: Excel 97-2003
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return "pdf"; // %PDF
  if (startsWith(head, [0x1f, 0x8b])) return "gzip";
  if (looksLikeX12(head)) return "x12";
  return "delimited";
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** A byte that can separate X12 elements: not alphanumeric, not a space. */
function isSeparator(sep: number | undefined): boolean {
  if (sep === undefined) return false;
  const alnum = isDigit(sep) || (sep >= 0x41 && sep <= 0x5a) || (sep >= 0x61 && sep <= 0x7a);
  return !alnum && sep !== 0x20 && sep !== 0x0a && sep !== 0x0d;
}

/**
 * `ISA` at the start after an optional UTF-8 BOM and whitespace, followed by a non-alphanumeric
 * separator — or a bare transaction set without envelope: `ST`, a separator, three digits, a separator.
 */
function looksLikeX12(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x49 && head[i + 1] === 0x53 && head[i + 2] === 0x41) return isSeparator(head[i + 3]); // "ISA"
  if (head[i] !== 0x53 || head[i + 1] !== 0x54) return false; // "ST"
  const sep = head[i + 2];
  return isSeparator(sep) && isDigit(head[i + 3]) && isDigit(head[i + 4]) && isDigit(head[i + 5]) && head[i + 6] === sep;
}

export const UNSUPPORTED_MESSAGE: Partial<Record<Container, string>> = {
  xls: "This is an Excel 97-2003 workbook (.xls). Save it as .xlsx or CSV and upload again.",
  pdf: "This is a PDF. Export the report from your system as CSV, XLSX or EDI instead.",
  gzip: "This is a compressed (gzip) file. Unpack it and upload the file inside.",
  empty: "The file is empty.",
};
